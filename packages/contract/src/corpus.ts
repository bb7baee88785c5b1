import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './scaffold.js';
import { scenarioName, STAGES, type ScenarioResult, type Stage } from './scenario.js';
import { inPool, scenarioInWorker } from './worker.js';

/** The corpus: one scenario per spec file. */
export const CORPUS_DIR = path.join(REPO_ROOT, 'packages/codegen/test/specs');
/** The failures known today, each naming the stage a scenario stops at and why. */
export const EXPECTED_FAILURES = path.join(CORPUS_DIR, 'expected-failures.json');
/** The project's own spec, the corpus's first row. */
export const PROJECT_SPEC = path.join(REPO_ROOT, 'spec/openapi.yaml');
const OUT = path.join(REPO_ROOT, 'packages/contract/test/.out/corpus');
/** A scenario's time limit: far above any corpus spec's, so only a stuck worker meets it. */
const timeoutMs = 10 * 60_000;

/** A failure the corpus expects today. */
export interface ExpectedFailure {
  scenario: string;
  stage: Stage;
  reason: string;
}

/** Every scenario's spec entry, by name; `project` is `spec/openapi.yaml`. */
export async function corpusEntries(): Promise<Map<string, string>> {
  const entries = new Map([['project', PROJECT_SPEC]]);
  for (const file of (await readdir(CORPUS_DIR)).sort()) {
    if (file === path.basename(EXPECTED_FAILURES) || !/\.(ya?ml|json)$/.test(file)) continue;
    entries.set(scenarioName(file), path.join(CORPUS_DIR, file));
  }
  return entries;
}

/** The known failures (`expected-failures.json`). */
export async function expectedFailures(): Promise<ExpectedFailure[]> {
  return JSON.parse(await readFile(EXPECTED_FAILURES, 'utf8')) as ExpectedFailure[];
}

/** What a corpus run gives: every scenario's stages, and the wall time. */
export interface CorpusResult {
  scenarios: ScenarioResult[];
  ms: number;
  jobs: number;
}

/**
 * Runs the corpus (or the scenarios named in `only`), `jobs` at a time (default: one per core).
 */
export async function runCorpus(
  options: { only?: string[]; jobs?: number } = {},
): Promise<CorpusResult> {
  const entries = await corpusEntries();
  const names = options.only ?? [...entries.keys()];
  for (const name of names) if (!entries.has(name)) throw new Error(`no corpus scenario "${name}"`);
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const started = performance.now();
  const results = await inPool(names, jobs, (name) =>
    scenarioInWorker({ name, entry: entries.get(name)!, out: path.join(OUT, name), timeoutMs }),
  );
  return { scenarios: results, ms: Math.round(performance.now() - started), jobs };
}

/** The first stage a scenario failed at, if any. */
export function failedStage(result: ScenarioResult): Stage | undefined {
  return result.stages.find((s) => !s.ok && !s.skipped)?.stage;
}

/** The corpus as a table (scenario × stage), then each failure's first error line. */
export function formatCorpus(result: CorpusResult): string {
  const cell = (s: ScenarioResult['stages'][number]) => (s.ok ? 'pass' : s.skipped ? '-' : 'FAIL');
  const rows = result.scenarios.map((r) => [
    r.name,
    ...r.stages.map((s) =>
      s.stage === 'round-trip' && r.roundTrip ? `${cell(s)} ${r.roundTrip}` : cell(s),
    ),
    `${(r.stages.reduce((n, s) => n + s.ms, 0) / 1000).toFixed(1)}s`,
  ]);
  const head = ['scenario', ...STAGES, 'time'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const failures = result.scenarios.flatMap((r) =>
    r.stages.filter((s) => !s.ok && !s.skipped).map((s) => `  ${r.name} / ${s.stage}: ${s.error}`),
  );
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
    '',
    `corpus: ${result.scenarios.filter((r) => !failedStage(r)).length}/${result.scenarios.length} scenarios pass every stage, in ${(result.ms / 1000).toFixed(1)}s with ${result.jobs} jobs`,
    ...(failures.length ? ['failures:', ...failures] : []),
  ].join('\n');
}

/**
 * What differs between a run and the known failures, one line each: a stage that failed and isn't
 * listed, and a listed one that passed (shrink the list). A skipped stage proves nothing either
 * way; entries of scenarios not in the run are not judged. `file` names the list in the lines.
 */
export function compareExpected(
  result: Pick<CorpusResult, 'scenarios'>,
  expected: ExpectedFailure[],
  file = 'expected-failures.json',
): string[] {
  const problems: string[] = [];
  for (const e of expected) {
    const scenario = result.scenarios.find((r) => r.name === e.scenario);
    if (!scenario) continue;
    const stage = scenario.stages.find((s) => s.stage === e.stage);
    if (!stage) problems.push(`${e.scenario} / ${e.stage}: listed, but there is no such stage`);
    else if (stage.ok)
      problems.push(`${e.scenario} / ${e.stage}: passes now; remove it from ${file}`);
  }
  for (const r of result.scenarios)
    for (const s of r.stages)
      if (
        !s.ok &&
        !s.skipped &&
        !expected.some((e) => e.scenario === r.name && e.stage === s.stage)
      )
        problems.push(`${r.name} / ${s.stage}: fails and is not in ${file}: ${s.error}`);
  return problems;
}
