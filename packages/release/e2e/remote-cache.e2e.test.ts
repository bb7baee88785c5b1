import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cloneHead } from '../src/clone.js';
import { startRemoteCache, type RemoteCache } from '../src/remote-cache.js';
import {
  cleanEnv,
  makeTempDir,
  mustRun,
  removeTempDir,
  type CommandResult,
} from '../src/services.js';

// Two clean clones of HEAD share one self-hosted remote cache: A builds cold and fills it, then B,
// with no local cache, must replay every task from it (`FULL TURBO`).
const root = fileURLToPath(new URL('../../..', import.meta.url));
let work: string;
let cache: RemoteCache | undefined;
let a: { clone: string; build: CommandResult };
let b: { clone: string; build: CommandResult; hadLocalCache: boolean };

/** `Cached:    N cached, M total` from turbo's summary. */
function cached(output: string): { hits: number; total: number } {
  const m = output.match(/Cached:\s+(\d+) cached, (\d+) total/);
  if (!m) throw new Error(`no "Cached:" line in turbo's output:\n${output}`);
  return { hits: Number(m[1]), total: Number(m[2]) };
}

/** turbo's closing `Tasks:` / `Cached:` / `Time:` lines. */
function summaryLines(output: string): string {
  return output
    .split('\n')
    .filter((l) => /^\s*(Tasks|Cached|Time):/.test(l))
    .map((l) => l.trim())
    .join(' | ');
}

/** The run summary turbo wrote for `--summarize`: each task's cache status. */
async function taskCaches(clone: string) {
  const dir = path.join(clone, '.turbo', 'runs');
  const [file] = await readdir(dir);
  const summary = JSON.parse(await readFile(path.join(dir, file!), 'utf8')) as {
    tasks: {
      taskId: string;
      cache: { status: string; source?: string; local: boolean; remote: boolean };
    }[];
  };
  return summary.tasks.map((t) => ({ task: t.taskId, ...t.cache }));
}

/** A digest of every package's `dist/`, to compare what two clones built. */
async function distDigest(clone: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const pkg of await readdir(path.join(clone, 'packages'))) {
    const dist = path.join(clone, 'packages', pkg, 'dist');
    if (!existsSync(dist)) continue;
    const hash = createHash('sha256');
    const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    for (const f of files) hash.update(path.relative(dist, f)).update(await readFile(f));
    out[pkg] = `${files.length} files ${hash.digest('hex').slice(0, 16)}`;
  }
  return out;
}

async function build(clone: string): Promise<CommandResult> {
  // The project's own build command; --summarize makes turbo record where each hit came from.
  return mustRun('pnpm', ['run', 'build', '--summarize'], {
    cwd: clone,
    env: cleanEnv(cache!.env),
  });
}

beforeAll(async () => {
  work = await makeTempDir('lightfield-remote-cache-');
  cache = await startRemoteCache(path.join(work, 'server'));
  console.log(`remote cache: ${cache.env.TURBO_API} (team ${cache.env.TURBO_TEAM})`);

  const cloneA = path.join(work, 'a');
  const installA = await cloneHead(root, cloneA);
  console.log(
    `clone A of ${installA.sha.slice(0, 9)}: cloned and installed in ${(installA.ms / 1000).toFixed(1)} s`,
  );
  a = { clone: cloneA, build: await build(cloneA) };
  console.log(
    `clone A, cold build filling the remote cache: ${(a.build.ms / 1000).toFixed(1)} s: ${summaryLines(a.build.stdout)}`,
  );

  const cloneB = path.join(work, 'b');
  const installB = await cloneHead(root, cloneB);
  console.log(`clone B: cloned and installed in ${(installB.ms / 1000).toFixed(1)} s`);
  const hadLocalCache = existsSync(path.join(cloneB, '.turbo', 'cache'));
  b = { clone: cloneB, build: await build(cloneB), hadLocalCache };
  console.log(
    `clone B, build from the remote cache: ${(b.build.ms / 1000).toFixed(1)} s: ${summaryLines(b.build.stdout)}`,
  );
  console.log(
    `remote-cache: B ${(b.build.ms / 1000).toFixed(1)} s vs cold ${(a.build.ms / 1000).toFixed(1)} s (${(a.build.ms / b.build.ms).toFixed(1)}x faster)`,
  );
});

afterAll(async () => {
  await cache?.server.stop();
  if (work) await removeTempDir(work);
});

test('clone A builds every task cold and uploads each artifact to the server', async () => {
  const { hits, total } = cached(a.build.stdout);
  expect(total).toBeGreaterThan(0);
  expect(hits).toBe(0);
  expect(a.build.stdout).not.toContain('FULL TURBO');
  const stored = await readdir(path.join(cache!.storage, cache!.env.TURBO_TEAM));
  const tasks = await taskCaches(a.clone);
  expect(tasks.every((t) => t.status === 'MISS')).toBe(true);
  // One artifact per task with outputs; tasks without outputs are stored too (their logs).
  expect(stored.length).toBe(tasks.length);
});

test('clone B, with no local cache, gets FULL TURBO from the remote cache', async () => {
  expect(b.hadLocalCache).toBe(false);
  const { hits, total } = cached(b.build.stdout);
  expect(total).toBe(cached(a.build.stdout).total);
  expect(hits).toBe(total);
  expect(b.build.stdout).toContain('FULL TURBO');
  const tasks = await taskCaches(b.clone);
  expect(tasks.length).toBe(total);
  for (const t of tasks)
    expect(t, t.task).toMatchObject({ status: 'HIT', local: false, remote: true });
});

test("clone B's restored build output is byte for byte clone A's", async () => {
  const digestA = await distDigest(a.clone);
  expect(Object.keys(digestA).length).toBeGreaterThan(0);
  expect(await distDigest(b.clone)).toEqual(digestA);
});

test('the server refuses a wrong token', async () => {
  const res = await fetch(
    `${cache!.env.TURBO_API}/v8/artifacts/0123456789abcdef?teamId=${cache!.env.TURBO_TEAM}`,
    {
      headers: { Authorization: 'Bearer wrong' },
    },
  );
  expect(res.status).toBe(401);
});
