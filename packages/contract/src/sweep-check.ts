import { readFile } from 'node:fs/promises';
import { compareExpected } from './corpus.js';
import type { Stage } from './scenario.js';
import {
  passCounts,
  type Row,
  type SpecResult,
  type SweepParams,
  type SweepResult,
} from './sweep-result.js';

/** A stage of a spec of the committed sample that fails today, and why. */
export interface DirectoryFailure {
  spec: string;
  stage: Stage;
  cause: string;
}

/** The committed sample (what chose it) and its known failures. */
export interface DirectoryExpected {
  $comment?: string;
  params: Pick<SweepParams, 'sample' | 'seed' | 'maxOps'>;
  failures: DirectoryFailure[];
}

/** Reads the expected-failures file. */
export async function readExpected(file: string): Promise<DirectoryExpected> {
  return JSON.parse(await readFile(file, 'utf8')) as DirectoryExpected;
}

/** The expected-failures file a sweep gives: every failed stage of every spec, with its cause. */
export function expectedFrom(result: SweepResult): DirectoryExpected {
  const { sample, seed, maxOps } = result.params;
  return {
    $comment:
      'The committed directory sample (pnpm test:directory) and every stage of it that fails today. Rewrite with --update.',
    params: { sample, seed, maxOps },
    failures: result.specs.flatMap((s) =>
      s.stages
        .filter((st) => st.cause)
        .map((st) => ({ spec: s.spec, stage: st.stage, cause: st.cause! })),
    ),
  };
}

/**
 * What differs between a sweep and the expected failures: a listed stage that passes now, an
 * unlisted one that fails (specs not in the sweep are not judged).
 */
export function compareSweep(
  result: Pick<SweepResult, 'specs'>,
  expected: DirectoryExpected,
  file: string,
): string[] {
  const scenarios = result.specs.map((s) => ({
    name: s.spec,
    spec: s.spec,
    stages: s.stages.map((st) => (st.cause ? { ...st, error: st.cause } : st)),
  }));
  const listed = expected.failures.map((f) => ({
    scenario: f.spec,
    stage: f.stage,
    reason: f.cause,
  }));
  return compareExpected({ scenarios }, listed, file);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (p <= 0 || p >= 1) return p <= 0 || k >= n ? 1 : 0;
  let term = (1 - p) ** n;
  let sum = 0;
  for (let i = 0; i <= k && i <= n; i++) {
    sum += term;
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return Math.min(1, sum);
}

/** The rows the CI sample is judged on: together they cover every stage. */
export const CHECKED_ROWS: Row[] = ['generate, build and type-check', 'round-trip'];
/** The chance a row of a CI sample fails though nothing got worse. */
export const ALPHA = 0.005;

/**
 * The most specs of `n` that may pass a row before it counts as a regression (-1: none does):
 * the largest k with P(X ≤ k) < {@link ALPHA}, X ~ Binomial(n, p). `p` is the committed rate
 * smoothed as (passed + 1) / (total + 2), so a committed 100 % still allows a stray failure.
 */
export function failsAtOrBelow(n: number, passed: number, total: number): number {
  const p = (passed + 1) / (total + 2);
  let k = -1;
  while (k + 1 <= n && binomialCdf(k + 1, n, p) < ALPHA) k++;
  return k;
}

/** One checked row of a CI sample beside the committed sweep. */
export interface RateCheck {
  row: Row;
  passed: number;
  n: number;
  committed: { passed: number; total: number };
  failsAtOrBelow: number;
  ok: boolean;
}

/**
 * Judges a CI sample by the committed sweep's rates: each of {@link CHECKED_ROWS} fails when so
 * few of the sample pass that chance alone would give that less than {@link ALPHA} of the time.
 * The committed specs counted are those with at most `maxOps` operations, the CI sample's limit.
 */
export function checkRates(
  sample: SpecResult[],
  committed: SpecResult[],
  maxOps: number,
): RateCheck[] {
  const base = committed.filter((s) => s.ops <= maxOps);
  const [got, had] = [passCounts(sample), passCounts(base)];
  return CHECKED_ROWS.map((row) => {
    const floor = failsAtOrBelow(sample.length, had[row], base.length);
    const check = {
      row,
      passed: got[row],
      n: sample.length,
      committed: { passed: had[row], total: base.length },
      failsAtOrBelow: floor,
    };
    return { ...check, ok: got[row] > floor };
  });
}

/** A rate check as a line: `round-trip: 7/20 (committed 13/40); fails at 1/20 or fewer`. */
export function formatRateCheck(c: RateCheck): string {
  const floor =
    c.failsAtOrBelow < 0 ? 'cannot fail' : `fails at ${c.failsAtOrBelow}/${c.n} or fewer`;
  return `${c.ok ? 'ok  ' : 'FAIL'} ${c.row}: ${c.passed}/${c.n} (committed ${c.committed.passed}/${c.committed.total}); ${floor}`;
}
