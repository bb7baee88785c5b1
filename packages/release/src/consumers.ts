import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { CONSUMERS, TYPECHECK, type ConsumerProject } from './consumer-projects.js';
import { packedTarballs, type Tarball } from './tarballs.js';

const run = promisify(execFile);

/** The outcome of one consumer project on one Node. */
export interface ConsumerResult {
  project: string;
  node: string;
  status: 'pass' | 'fail' | 'skip';
  ms: number;
  /** What the run printed as its calls, for the projects that print them. */
  calls?: string[];
  /** Why it failed or was skipped. */
  detail?: string;
}

/** Runs `jobs` with at most `limit` at once, keeping their order in the result. */
async function pool<T>(limit: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
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
  const ours = Object.fromEntries(
    Object.entries(tarballs).map(([name, t]) => [name, `file:${t.file}`]),
  );
  await pool(
    4,
    projects.map((p) => async () => {
      const cwd = path.join(dir, p.name);
      await mkdir(cwd, { recursive: true });
      const pkg = {
        name: `consumer-${p.name}`,
        private: true,
        ...(p.type ? { type: p.type } : {}),
        dependencies: ours,
        devDependencies: p.deps,
        // The client's `@lightfield/types` dependency is the packed one too.
        overrides: { '@lightfield/types': '$@lightfield/types' },
      };
      await writeFile(path.join(cwd, 'package.json'), JSON.stringify(pkg, null, 2));
      for (const [file, text] of Object.entries(p.files)) {
        await writeFile(path.join(cwd, file), text);
      }
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

/** Runs one installed consumer's steps on the Node binary `node` (type-checks too when `first`). */
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
  let stdout = '';
  for (const [bin, ...args] of p.steps) {
    if (bin === TYPECHECK && !first) continue;
    const script = bin === '.' ? [] : [path.join('node_modules', bin!)];
    try {
      ({ stdout } = await run(node, [...script, ...args], {
        cwd,
        env,
        maxBuffer: 16 * 1024 * 1024,
        timeout: 240_000,
      }));
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      const detail = `${[bin, ...args].join(' ')} failed:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`;
      return result('fail', { detail: detail.slice(-4000) });
    }
  }
  if (!p.calls) return result('pass');
  const last = stdout.trim().split('\n').pop() ?? '';
  let calls: string[] = [];
  try {
    calls = (JSON.parse(last) as { calls: string[] }).calls;
  } catch {
    return result('fail', { detail: `no calls printed: ${stdout.slice(-2000)}` });
  }
  const ok = JSON.stringify(calls) === JSON.stringify(p.calls);
  return result(ok ? 'pass' : 'fail', {
    calls,
    ...(ok ? {} : { detail: `calls ${calls.join(',')}, want ${p.calls.join(',')}` }),
  });
}

/**
 * Runs every installed consumer on each Node binary in turn, two projects at a time (2 cores).
 * The first Node also type-checks (and compiles) each project; the others reuse its output.
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
