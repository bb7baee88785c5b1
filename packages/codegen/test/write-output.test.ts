import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { diffOutput, writeOutput } from '../src/write-output.js';
import { tempDir } from './helpers.js';

describe('writeOutput', () => {
  test('replaces the folder with exactly the generated files', async () => {
    const dir = path.join(await tempDir(), 'generated');
    await mkdir(dir);
    await writeFile(path.join(dir, 'stale.ts'), 'old');
    await writeOutput(
      dir,
      new Map([
        ['a.ts', 'A'],
        ['sub/b.ts', 'B'],
      ]),
    );
    expect(await readFile(path.join(dir, 'a.ts'), 'utf8')).toBe('A');
    expect(await readFile(path.join(dir, 'sub/b.ts'), 'utf8')).toBe('B');
    expect(
      await diffOutput(
        dir,
        new Map([
          ['a.ts', 'A'],
          ['sub/b.ts', 'B'],
        ]),
      ),
    ).toEqual({
      changed: [],
      missing: [],
      extra: [],
    });
  });

  test('leaves the previous output whole when writing fails', async () => {
    const dir = path.join(await tempDir(), 'generated');
    await writeOutput(dir, new Map([['a.ts', 'A']]));
    // A path whose parent is a file can't be written, so the temp write fails part-way.
    await expect(
      writeOutput(
        dir,
        new Map([
          ['b.ts', 'B'],
          ['b.ts/c.ts', 'C'],
        ]),
      ),
    ).rejects.toThrow();
    expect(await diffOutput(dir, new Map([['a.ts', 'A']]))).toEqual({
      changed: [],
      missing: [],
      extra: [],
    });
  });
});

describe('diffOutput', () => {
  test.each([
    [
      'a changed file',
      { given: { 'a.ts': 'X' }, want: { changed: ['a.ts'], missing: [], extra: [] } },
    ],
    ['a missing file', { given: {}, want: { changed: [], missing: ['a.ts'], extra: [] } }],
    [
      'an extra file',
      { given: { 'a.ts': 'A', 'z.ts': 'Z' }, want: { changed: [], missing: [], extra: ['z.ts'] } },
    ],
  ])('finds %s', async (_, { given, want }) => {
    const dir = await tempDir();
    for (const [rel, content] of Object.entries(given))
      await writeFile(path.join(dir, rel), content);
    expect(await diffOutput(dir, new Map([['a.ts', 'A']]))).toEqual(want);
  });
});
