import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  CONSUMERS,
  readCatalogs,
  writeConsumer,
  type ConsumerProject,
} from './consumer-projects.js';
import { packedTarballs, type Tarball } from './tarballs.js';

const run = promisify(execFile);

/** The outcome of one consumer project on one Node. */
export interface ConsumerResult {
  project: string;
  node: string;
  status: 'pass' | 'fail' | 'skip';
  ms: number;
  /** Why it failed or was skipped. */
  detail?: string;
}

/** Runs `jobs` with at most `limit` at once, keeping their order in the result. */
export async function pool<T>(limit: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}

/**
 * Writes one fresh npm project per consumer under `dir`, each installing the three tarballs of
 * `turbo run pack`. The installs share the npm cache `cacheDir` and run in parallel.
 */
export async function installConsumers(
  root: string,
  dir: string,
  options: { cacheDir: string; projects?: ConsumerProject[] },
): Promise<{ tarballs: Record<string, Tarball>; ms: number }> {
  const started = Date.now();
  const projects = options.projects ?? CONSUMERS;
  const tarballs = await packedTarballs(root);
  const catalogs = await readCatalogs(root);
  await pool(
    4,
    projects.map((p) => async () => {
      const cwd = path.join(dir, p.name);
      await mkdir(cwd, { recursive: true });
      await writeConsumer(p, cwd, tarballs, catalogs);
      const args = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'];
      await run('npm', [...args, '--cache', options.cacheDir, '--loglevel=error'], {
        cwd,
        env: { ...process.env, npm_config_update_notifier: 'false' },
        maxBuffer: 16 * 1024 * 1024,
      }).catch((e: Error & { stderr?: string }) => {
        throw new Error(`npm install failed in the ${p.name} consumer:\n${e.stderr ?? e.message}`);
      });
    }),
  );
  return { tarballs, ms: Date.now() - started };
}

function nodeVersion(node: string): Promise<[number, number, string]> {
  return run(node, ['--version']).then(({ stdout }) => {
    const v = stdout.trim();
    const [major, minor] = v.slice(1).split('.').map(Number);
    return [major ?? 0, minor ?? 0, v];
  });
}

/**
 * Runs one installed consumer on the Node binary `node`: its `build` script when `first` (a
 * type-check's verdict and output do not depend on the Node that runs it), then its `test` script.
 */
async function runOne(
  dir: string,
  p: ConsumerProject,
  node: string,
  first: boolean,
): Promise<ConsumerResult> {
  const [major, minor, version] = await nodeVersion(node);
  const started = Date.now();
  const result = (status: ConsumerResult['status'], more: Partial<ConsumerResult> = {}) => ({
    project: p.name,
    node: version,
    status,
    ms: Date.now() - started,
    ...more,
  });
  if (p.minNode && (major < p.minNode[0] || (major === p.minNode[0] && minor < p.minNode[1]))) {
    return result('skip', { detail: `needs Node >= ${p.minNode.join('.')}` });
  }
  const cwd = path.join(dir, p.name);
  // Tools that spawn `node` (and shebang scripts) get the Node under test too.
  const env = {
    ...process.env,
    PATH: `${path.dirname(node)}${path.delimiter}${process.env['PATH'] ?? ''}`,
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  // `npm` runs on the Node under test too (its bin is `#!/usr/bin/env node`).
  for (const script of first ? ['build', 'test'] : ['test']) {
    try {
      await run('npm', ['run', script, '--if-present', '--silent'], {
        cwd,
        env,
        maxBuffer: 16 * 1024 * 1024,
        timeout: 240_000,
      });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      const detail = `npm run ${script} failed:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`;
      return result('fail', { detail: detail.slice(-4000) });
    }
  }
  return result('pass');
}

/**
 * Runs every installed consumer on each Node binary in turn, two projects at a time (2 cores).
 * The first Node also builds (type-checks, compiles) each project; the others reuse its output.
 */
export async function runConsumers(
  dir: string,
  nodes: string[],
  projects: ConsumerProject[] = CONSUMERS,
  concurrency = 2,
): Promise<ConsumerResult[]> {
  const results: ConsumerResult[] = [];
  for (const [i, node] of nodes.entries()) {
    results.push(
      ...(await pool(
        concurrency,
        projects.map((p) => () => runOne(dir, p, node, i === 0)),
      )),
    );
  }
  return results;
}

/** A table of results: one row per project, one column per Node. */
export function formatResults(results: ConsumerResult[]): string {
  const nodes = [...new Set(results.map((r) => r.node))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const projects = [...new Set(results.map((r) => r.project))];
  const rows = projects.map((p) => {
    const cells = nodes.map((n) => {
      const r = results.find((x) => x.project === p && x.node === n);
      return r ? `${r.status} ${(r.ms / 1000).toFixed(1)}s` : '-';
    });
    return `| ${p} | ${cells.join(' | ')} |`;
  });
  return [
    `| consumer | ${nodes.join(' | ')} |`,
    `|---|${nodes.map(() => '---|').join('')}`,
    ...rows,
  ].join('\n');
}
