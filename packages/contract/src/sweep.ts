import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { specFile, type ChosenSpec, type Directory } from './directory.js';
import { REPO_ROOT } from './scaffold.js';
import { formatSweep } from './sweep-report.js';
import { rekeyed, specResult, type SweepParams, type SweepResult } from './sweep-result.js';
import { endWorkers, inPool, scenarioInWorker } from './worker.js';

/**
 * Where workers regenerate packages: inside the repository, so the packages' dependencies
 * resolve, and under a git-ignored `test/.out/`.
 */
export const SWEEP_SCRATCH = path.join(REPO_ROOT, 'packages/contract/test/.out/directory');

/** The files a sweep writes into its folder. */
export function sweepFiles(dir: string): { json: string; md: string } {
  return { json: path.join(dir, 'directory.json'), md: path.join(dir, 'DIRECTORY.md') };
}

/** What a sweep runs, and where it writes. */
export interface SweepOptions {
  directory: Directory;
  specs: ChosenSpec[];
  params: SweepParams;
  /** The folder `directory.json` and `DIRECTORY.md` are written to, after every spec. */
  out: string;
  /** Keep the results `out` holds for specs of the same sweep, and run only the rest. */
  resume?: boolean;
  /** Hears each spec as it ends. */
  onSpec?: (done: number, of: number, line: string) => void;
}

/** Writes a file whole or not at all: an interrupted sweep leaves the last complete one. */
async function writeAtomic(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

/**
 * The results of an earlier run of the same sweep, when `--resume` asks for them: its specs that
 * this sweep chose, re-keyed, and the time it took.
 */
async function earlier(options: SweepOptions): Promise<SweepResult | undefined> {
  if (!options.resume) return undefined;
  let previous: SweepResult;
  try {
    previous = JSON.parse(await readFile(sweepFiles(options.out).json, 'utf8')) as SweepResult;
  } catch {
    return undefined;
  }
  if (previous.directory !== options.directory.name) return undefined;
  const ops = new Map(options.specs.map((s) => [s.id, s.ops]));
  const specs = previous.specs.filter((s) => ops.has(s.spec));
  return { ...previous, specs: specs.map((s) => ({ ...rekeyed(s), ops: ops.get(s.spec)! })) };
}

/** A folder name for a spec id: `amazonaws.com/acm` → `amazonaws.com_acm`. */
function folderName(id: string): string {
  return id.replace(/[^\w.-]+/g, '_');
}

/**
 * Runs every chosen spec through generate → build → type-check → round-trip, each in a worker
 * process with the time limit `params.timeoutS`, `params.jobs` at a time. The results are written
 * after every spec, so an interrupted sweep keeps what it finished (and `resume` goes on from
 * there). Each worker regenerates into a folder of its own, removed when it ends; an interrupt
 * ends the workers and removes their folders too.
 */
export async function runSweep(options: SweepOptions): Promise<SweepResult> {
  const { directory, specs, params } = options;
  const previous = await earlier(options);
  const started = Date.now();
  const result: SweepResult = {
    directory: directory.name,
    params,
    complete: false,
    started: previous?.started ?? new Date(started).toISOString(),
    ms: 0,
    cores: availableParallelism(),
    load: { start: previous?.load.start ?? loadavg(), end: previous?.load.end ?? loadavg() },
    specs: previous?.specs ?? [],
  };
  const files = sweepFiles(options.out);
  const save = async () => {
    result.ms = (previous?.ms ?? 0) + Date.now() - started;
    await writeAtomic(files.json, `${JSON.stringify(result, null, 2)}\n`);
    await writeAtomic(files.md, formatSweep(result));
  };
  const scratch = path.join(SWEEP_SCRATCH, String(process.pid));
  const interrupted = () => {
    endWorkers();
    void rm(scratch, { recursive: true, force: true }).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  await mkdir(options.out, { recursive: true });
  await mkdir(scratch, { recursive: true });
  try {
    const done = new Set(result.specs.map((s) => s.spec));
    const todo = specs.filter((s) => !done.has(s.id));
    let queue = Promise.resolve();
    await inPool(todo, params.jobs, async ({ id, ops }) => {
      const scenario = await scenarioInWorker({
        name: id,
        entry: specFile(directory, id),
        out: path.join(scratch, folderName(id)),
        timeoutMs: params.timeoutS * 1000,
        cleanUp: true,
      });
      const spec = specResult(id, ops, scenario);
      result.specs.push(spec);
      result.load.end = loadavg();
      options.onSpec?.(
        result.specs.length,
        specs.length,
        `${id} (${ops} ops): ${spec.cause ?? 'every stage passes'}`,
      );
      queue = queue.then(save);
      await queue;
    });
    result.specs.sort(
      (a, b) => specs.findIndex((s) => s.id === a.spec) - specs.findIndex((s) => s.id === b.spec),
    );
    result.complete = true;
    await save();
    return result;
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await rm(scratch, { recursive: true, force: true });
  }
}
