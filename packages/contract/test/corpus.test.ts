import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  applyPatch,
  compareExpected,
  corpusEntries,
  expectedFailures,
  formatCorpus,
  runCorpus,
  STAGES,
  type CorpusResult,
  type ScenarioResult,
} from '../src/index.js';
import { resolveSpec } from '../src/scenario.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The scenario `pnpm test` runs: one small one, which proves the workers, the stages and the
 * known-failures comparison. Each scenario type-checks the whole runtime again (most of its
 * cost), so a second one would only repeat that within the test command's budget
 * (contract.test.ts round-trips the project's own spec). `pnpm test:corpus` (in .ci/run) runs
 * them all, the project's spec through every stage first.
 */
const FAST = ['no-extensions'];

function scenario(name: string, failed: string[], skipped: string[] = []): ScenarioResult {
  return {
    name,
    spec: `${name}.yaml`,
    stages: STAGES.map((stage) => ({
      stage,
      ok: !failed.includes(stage) && !skipped.includes(stage),
      ...(skipped.includes(stage) ? { skipped: true } : {}),
      ...(failed.includes(stage) ? { error: `${stage} broke` } : {}),
      ms: 1,
    })),
  };
}

const run = (...scenarios: ScenarioResult[]): CorpusResult => ({ scenarios, ms: 1, jobs: 1 });

describe('the known-failures list', () => {
  test.each<[string, { given: CorpusResult; want: RegExp[] }]>([
    ['a listed failure that still fails', { given: run(scenario('a', ['build'])), want: [] }],
    [
      'an unlisted failure',
      {
        given: run(scenario('b', ['generate'], ['build', 'round-trip'])),
        want: [/^b \/ generate: fails and is not in/],
      },
    ],
    [
      'a listed failure that passes now',
      { given: run(scenario('a', [])), want: [/^a \/ build: passes now/] },
    ],
    [
      'a listed stage skipped, proving nothing',
      { given: run(scenario('a', ['generate'], ['build'])), want: [/^a \/ generate: fails/] },
    ],
    ['a listed scenario not run', { given: run(scenario('c', [])), want: [] }],
  ])('%s', (_, { given, want }) => {
    const problems = compareExpected(given, [{ scenario: 'a', stage: 'build', reason: 'r' }]);
    expect(problems).toHaveLength(want.length);
    want.forEach((re, i) => expect(problems[i]).toMatch(re));
  });

  test('names scenarios of the corpus and their stages, each with a reason, once', async () => {
    const entries = await corpusEntries();
    const expected = await expectedFailures();
    for (const e of expected) {
      expect(entries.has(e.scenario), e.scenario).toBe(true);
      expect(STAGES).toContain(e.stage);
      expect(e.reason.length).toBeGreaterThan(10);
    }
    const keys = expected.map((e) => `${e.scenario}/${e.stage}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the corpus', () => {
  test('has a real public spec of 50+ operations, from a pinned package', async () => {
    const manifest = JSON.parse(await readFile(path.resolve(here, '../package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const entries = [...(await corpusEntries()).values()].filter((e) => e.endsWith('.npm.json'));
    const sizes = await Promise.all(
      entries.map(async (entry) => {
        const { package: name } = JSON.parse(await readFile(entry, 'utf8')) as { package: string };
        expect(manifest.devDependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/);
        const doc = JSON.parse(await readFile(await resolveSpec(entry), 'utf8')) as {
          paths: Record<string, Record<string, unknown>>;
        };
        return Object.values(doc.paths).flatMap((item) =>
          Object.keys(item).filter((k) => /^(get|put|post|delete|patch)$/.test(k)),
        ).length;
      }),
    );
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(50);
  });

  test('every hand-written scenario says what it covers: its first line, or its $comment', async () => {
    for (const [name, entry] of await corpusEntries()) {
      if (entry.endsWith('.npm.json') || name === 'project') continue;
      const text = await readFile(entry, 'utf8');
      const says = entry.endsWith('.derive.json')
        ? (JSON.parse(text) as { $comment: string }).$comment
        : text.split('\n')[0]!.replace(/^# /, '');
      expect(says, name).toMatch(/^\S.{20,}/);
      if (!entry.endsWith('.derive.json')) expect(text, name).toMatch(/^# /);
    }
  });

  test('a derived scenario is its base spec with the patch applied', () => {
    const doc = applyPatch({ a: { list: [1] }, b: 1 }, [
      { op: 'add', path: '/a/list/-', value: 2 },
      { op: 'add', path: '/a/x~1y', value: true },
      { op: 'replace', path: '/b', value: 3 },
      { op: 'remove', path: '/a/list/0' },
    ]);
    expect(doc).toEqual({ a: { list: [2], 'x/y': true }, b: 3 });
  });

  test(`${FAST.join(', ')}: every stage as expected-failures.json says`, async () => {
    const result = await runCorpus({ only: FAST });
    console.log(formatCorpus(result));
    expect(result.scenarios.map((s) => s.name)).toEqual(FAST);
    expect(compareExpected(result, await expectedFailures())).toEqual([]);
  });
});
