import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inspect, promisify } from 'node:util';
import { build } from 'esbuild';
import { formatProblem, SpecError } from '@lightfield/codegen';
import { deriveSpec } from './derive.js';
import { roundTripSpec } from './run.js';
import { formatReport } from './round-trip.js';
import { REPO_ROOT, scaffold } from './scaffold.js';

/** The stages every scenario goes through, in order. */
export const STAGES = ['generate', 'build', 'type-check', 'round-trip'] as const;
/** One of {@link STAGES}. */
export type Stage = (typeof STAGES)[number];

/** The stages each stage needs to have passed: type-check and round-trip run apart. */
const NEEDS: Record<Stage, Stage[]> = {
  generate: [],
  build: ['generate'],
  'type-check': ['generate'],
  'round-trip': ['build'],
};

/** How one stage went. */
export interface StageResult {
  stage: Stage;
  ok: boolean;
  /** Not run: an earlier stage failed. */
  skipped?: boolean;
  ms: number;
  /** The first line of the error. */
  error?: string;
  /** Every line of the error (for the round-trip, every failing operation). */
  detail?: string;
}

/** How one scenario went. */
export interface ScenarioResult {
  name: string;
  spec: string;
  stages: StageResult[];
  /** `passed/total` operations, when the round-trip ran. */
  roundTrip?: string;
}

const require = createRequire(import.meta.url);

/**
 * The spec file a corpus entry names. A `.npm.json` entry (`{ "package", "file" }`) names a spec
 * inside an installed package, whose version this package's manifest pins: the spec is read from
 * there at test time, not copied into the repository. A `.derive.json` entry is written into
 * `work` from the spec it starts from (see {@link deriveSpec}).
 */
export async function resolveSpec(entry: string, work?: string): Promise<string> {
  if (entry.endsWith('.derive.json')) {
    if (!work) throw new Error(`${entry}: a derived spec needs a folder to be written to`);
    return deriveSpec(entry, REPO_ROOT, work);
  }
  if (!entry.endsWith('.npm.json')) return entry;
  const { package: name, file } = JSON.parse(await readFile(entry, 'utf8')) as {
    package: string;
    file: string;
  };
  const paths = require.resolve.paths(name) ?? [];
  for (const dir of paths) {
    const candidate = path.join(dir, name, file);
    try {
      await readFile(candidate, { flag: 'r' }).then(() => undefined);
      return candidate;
    } catch {
      // Not in this node_modules: the next one up.
    }
  }
  throw new Error(`${entry}: ${name}/${file} is not installed (pnpm install)`);
}

/** A corpus entry's scenario name: its file name without the extensions. */
export function scenarioName(entry: string): string {
  return path.basename(entry).replace(/(\.npm|\.derive)?\.(ya?ml|json)$/, '');
}

function firstLine(text: string): string {
  // Paths inside the repository, relative to it: the same line on every machine.
  return (
    text
      .replaceAll(`${REPO_ROOT}${path.sep}`, '')
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? ''
  ).slice(0, 240);
}

function errorText(error: unknown): string {
  if (error instanceof SpecError) return error.problems.map(formatProblem).join('\n');
  if (typeof error === 'object' && error !== null && 'stdout' in error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}\n${stderr ?? ''}`.trim() || inspect(error);
  }
  return error instanceof Error ? error.message : String(error);
}

async function timed(stage: Stage, run: () => Promise<string | undefined>): Promise<StageResult> {
  const started = performance.now();
  try {
    const failure = await run();
    const ms = Math.round(performance.now() - started);
    return failure
      ? { stage, ok: false, ms, error: firstLine(failure), detail: failure }
      : { stage, ok: true, ms };
  } catch (error) {
    const text = errorText(error);
    const ms = Math.round(performance.now() - started);
    return { stage, ok: false, ms, error: firstLine(text), detail: text };
  }
}

/** Bundles the regenerated client and mock server to plain JS, as their packages' builds do. */
async function bundle(out: string): Promise<undefined> {
  await build({
    entryPoints: {
      client: path.join(out, 'client/src/index.ts'),
      server: path.join(out, 'fixtures/src/server.ts'),
    },
    outdir: path.join(out, 'dist'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    alias: { '@lightfield/types': path.join(out, 'types/src/index.ts') },
    logLevel: 'silent',
  });
  return undefined;
}

async function typeCheck(out: string): Promise<string | undefined> {
  const tsc = require.resolve('typescript/bin/tsc');
  // From `out`, so errors name files as `client/src/generated/client.ts(…)`.
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.json'], {
    cwd: out,
    maxBuffer: 16 * 1024 * 1024,
  });
  return undefined;
}

/**
 * Runs one corpus spec through every stage: regenerate the three packages into `out`, bundle the
 * client and the mock, type-check them, then round-trip every operation through the bundled
 * client to the bundled mock. A stage whose input a failed stage should have made is skipped.
 * `onStage` hears each stage as it ends, so a runner that stops the scenario keeps those.
 */
export async function runScenario(
  entry: string,
  out: string,
  onStage: (result: StageResult) => void = () => undefined,
): Promise<ScenarioResult> {
  const name = scenarioName(entry);
  const stages: StageResult[] = [];
  let spec = entry;
  let roundTrip: string | undefined;
  const steps: Record<Stage, () => Promise<string | undefined>> = {
    generate: async () => {
      spec = await resolveSpec(entry, `${out}.spec`);
      await scaffold(spec, out);
      return undefined;
    },
    build: () => bundle(out),
    'type-check': () => typeCheck(out),
    'round-trip': async () => {
      const report = await roundTripSpec({
        spec,
        client: path.join(out, 'dist/client.js'),
        mock: path.join(out, 'dist/server.js'),
      });
      roundTrip = `${report.passed}/${report.total}`;
      if (report.total === 0) return 'the spec has no operations';
      if (report.passed === report.total) return undefined;
      // The summary line says how many; the first failure is the error line.
      const [summary, ...failures] = formatReport(report).split('\n');
      return [`${failures[0]!.trim()} (${summary})`, ...failures].join('\n');
    },
  };
  for (const stage of STAGES) {
    const blocked = NEEDS[stage].some((need) => !stages.find((s) => s.stage === need)?.ok);
    const result: StageResult = blocked
      ? { stage, ok: false, skipped: true, ms: 0 }
      : await timed(stage, steps[stage]);
    stages.push(result);
    onStage(result);
  }
  return { name, spec: entry, stages, ...(roundTrip ? { roundTrip } : {}) };
}
