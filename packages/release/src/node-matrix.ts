import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { CONSUMERS } from './consumer-projects.js';
import { formatResults, pool, type ConsumerResult } from './consumers.js';
import { smoke } from './smoke.js';

const run = promisify(execFile);

/** The packages whose own test suites run on every Node of the matrix. */
export const MATRIX_SUITES = ['client', 'fixtures'] as const;

/** Installs the Node majors from the npm registry (scripts/install-node.sh); returns their paths. */
export async function installNodes(root: string, majors: number[]): Promise<string[]> {
  const { stdout } = await run('bash', ['scripts/install-node.sh', ...majors.map(String)], {
    cwd: root,
  });
  return stdout.trim().split('\n').filter(Boolean);
}

/** Runs a package's vitest suite on `node`; a failing suite is a `fail` result with its output. */
async function suite(root: string, folder: string, node: string): Promise<ConsumerResult> {
  const version = (await run(node, ['--version'])).stdout.trim();
  const started = Date.now();
  const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const env = {
    ...process.env,
    PATH: `${path.dirname(node)}${path.delimiter}${process.env['PATH'] ?? ''}`,
    NO_COLOR: '1',
  };
  try {
    await run(node, [vitest, 'run'], {
      cwd: path.join(root, 'packages', folder),
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { project: `${folder} tests`, node: version, status: 'pass', ms: Date.now() - started };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    const detail = `${e.stdout ?? ''}\n${e.stderr ?? ''}`.slice(-6000);
    return {
      project: `${folder} tests`,
      node: version,
      status: 'fail',
      ms: Date.now() - started,
      detail,
    };
  }
}

/**
 * The Node matrix: the client and fixtures suites on each extra Node (this Node runs them in
 * `pnpm test`), then every consumer project on this Node and each extra one.
 */
export async function nodeMatrix(
  root: string,
  majors: number[],
  log: (line: string) => void = console.log,
): Promise<ConsumerResult[]> {
  let started = Date.now();
  const nodes = await installNodes(root, majors);
  log(
    `node matrix: Node ${majors.join(', ')} ready in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  // Two suites at a time: the client's spends most of its time waiting on its loopback servers.
  const jobs = nodes.flatMap((node) =>
    MATRIX_SUITES.map((folder) => async () => {
      const r = await suite(root, folder, node);
      log(`${r.project} on ${r.node}: ${r.status} in ${(r.ms / 1000).toFixed(1)}s`);
      return r;
    }),
  );
  const results: ConsumerResult[] = await pool(2, jobs);
  started = Date.now();
  const consumers = await smoke(root, {
    nodes: [process.execPath, ...nodes],
    projects: CONSUMERS,
    log,
  });
  log(`consumers on ${nodes.length + 1} Nodes: ${((Date.now() - started) / 1000).toFixed(1)}s`);
  results.push(...consumers.results);
  log(formatResults(results));
  return results;
}
