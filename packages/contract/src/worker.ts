import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAGES, type ScenarioResult, type StageResult } from './scenario.js';

const BIN = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../bin/lightfield-contract.js',
);

/** The workers running now: a signal to the runner ends them too (see {@link endWorkers}). */
const running = new Set<ChildProcess>();

/** What a worker printed, and how it ended. */
interface WorkerExit {
  stdout: string;
  stderr: string;
  code: number | null;
  timedOut: boolean;
}

/** Ends a worker and every process it started (tsc): each worker leads its own process group. */
function endGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group has already exited.
  }
}

/** Ends every worker still running; for a runner that is itself interrupted. */
export function endWorkers(): void {
  for (const child of running) endGroup(child);
}

/** Runs `lightfield-contract …args` in a Node process of its own, ended after `timeoutMs`. */
function runWorker(args: string[], timeoutMs: number): Promise<WorkerExit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      endGroup(child);
    }, timeoutMs);
    const done = (code: number | null) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ stdout, stderr, code, timedOut });
    };
    child.on('error', (error) => {
      stderr += String(error);
      done(null);
    });
    child.on('close', done);
  });
}

/** The JSON lines a worker printed: one per finished stage, then the scenario. */
function jsonLines(stdout: string): unknown[] {
  return stdout.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      return [];
    }
  });
}

/**
 * The scenario of a worker that did not finish: the stages it reported, the next one failed
 * with `error`, the rest skipped.
 */
function unfinished(name: string, spec: string, done: StageResult[], error: string) {
  const stages = STAGES.map((stage, i): StageResult => {
    const reported = done.find((s) => s.stage === stage);
    if (reported) return reported;
    return i === done.length
      ? { stage, ok: false, ms: 0, error }
      : { stage, ok: false, skipped: true, ms: 0 };
  });
  return { name, spec, stages };
}

/** How to run one scenario in a worker. */
export interface WorkerOptions {
  /** The name the result carries. */
  name: string;
  /** The spec entry (a corpus entry or a spec file). */
  entry: string;
  /** The folder the packages are regenerated into; it must sit inside the repository. */
  out: string;
  timeoutMs: number;
  /** Remove `out` (and the derived spec beside it) when the worker ends. */
  cleanUp?: boolean;
}

/**
 * Runs one scenario in its own Node process: they run in parallel and can't share state. A
 * worker that outlives `timeoutMs` is ended, with its child processes, and the stage it was in
 * fails with `timeout after Ns`; a worker that crashes fails the stage it was in.
 */
export async function scenarioInWorker(options: WorkerOptions): Promise<ScenarioResult> {
  const { name, entry, out, timeoutMs } = options;
  const exit = await runWorker(['scenario', entry, '--out', out], timeoutMs);
  if (options.cleanUp)
    await Promise.all([out, `${out}.spec`].map((dir) => rm(dir, { recursive: true, force: true })));
  const lines = jsonLines(exit.stdout) as Partial<ScenarioResult & StageResult>[];
  const last = lines.at(-1);
  if (!exit.timedOut && exit.code === 0 && last?.stages)
    return { ...(last as ScenarioResult), name };
  const done = lines.filter((l): l is StageResult => typeof l.stage === 'string');
  const error = exit.timedOut
    ? `timeout after ${timeoutMs / 1000}s`
    : `worker failed: ${exit.stderr.trim().split('\n')[0] || `exit code ${exit.code}`}`;
  return unfinished(name, entry, done, error);
}

/** Runs `task` on every item, `jobs` at a time; the results in the items' order. */
export async function inPool<T, R>(
  items: readonly T[],
  jobs: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, jobs), items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i]!);
    }),
  );
  return results;
}
