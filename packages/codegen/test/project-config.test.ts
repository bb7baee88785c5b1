import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { findProjectConfig, readProjectConfig } from '../src/project-config.js';
import { targets } from '../src/targets/index.js';
import { tempDir } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const config = await readProjectConfig(path.join(ROOT, 'lightfield.config.json'));
/** Each target's folder relative to the root, with forward slashes: `packages/types/src/generated`. */
const folders = config.targets.map(([, dir]) => path.relative(ROOT, dir).split(path.sep).join('/'));

// lightfield.config.json is the one list of targets and folders; the files below cannot read it,
// so each must name exactly the same folders.
describe('lightfield.config.json and the files that repeat it', () => {
  test('names every registered target, and only those', () => {
    expect(config.targets.map(([name]) => name).sort()).toEqual(Object.keys(targets).sort());
  });

  test("turbo.json: generate's outputs and check:generated's inputs are its folders", async () => {
    type Task = { inputs?: string[]; outputs?: string[] };
    const turbo = JSON.parse(await readFile(path.join(ROOT, 'turbo.json'), 'utf8')) as {
      tasks: Record<string, Task>;
    };
    const globs = folders.map((f) => `$TURBO_ROOT$/${f}/**`);
    const generate = turbo.tasks['@lightfield/codegen#generate'];
    const check = turbo.tasks['@lightfield/codegen#check:generated'];
    expect(generate?.outputs?.slice().sort()).toEqual(globs.slice().sort());
    for (const task of [generate, check]) {
      expect(task?.inputs).toContain('$TURBO_ROOT$/lightfield.config.json');
      expect(task?.inputs).toContain('$TURBO_ROOT$/spec/**/*.yaml');
    }
    const checked = check?.inputs?.filter((i) => !i.includes('spec/') && !i.endsWith('.json'));
    expect(checked?.slice().sort()).toEqual(globs.slice().sort());
  });

  test('.prettierignore: every generated file it names lies in a target folder', async () => {
    const lines = (await readFile(path.join(ROOT, '.prettierignore'), 'utf8')).split('\n');
    const generated = lines.filter((l) => /^packages\/[^*]+\/(src\/generated|docs)\//.test(l));
    expect(generated.length).toBeGreaterThan(0);
    for (const line of generated) {
      expect(
        folders.some((f) => line.startsWith(`${f}/`)),
        line,
      ).toBe(true);
    }
  });
});

describe('readProjectConfig', () => {
  test('resolves the spec and folders against the file, and is found from below', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'lightfield.config.json');
    await writeFile(file, JSON.stringify({ spec: 'api.yaml', targets: { types: 'out/types' } }));
    await mkdir(path.join(dir, 'a', 'b'), { recursive: true });
    expect(findProjectConfig(path.join(dir, 'a', 'b'))).toBe(file);
    expect(await readProjectConfig(file)).toEqual({
      file,
      spec: path.join(dir, 'api.yaml'),
      targets: [['types', path.join(dir, 'out', 'types')]],
    });
  });

  test('takes the size limit of a spec', async () => {
    const file = path.join(await tempDir(), 'lightfield.config.json');
    await writeFile(file, JSON.stringify({ spec: 'a.yaml', targets: {}, maxSpecBytes: 1024 }));
    expect((await readProjectConfig(file)).maxSpecBytes).toBe(1024);
  });

  const bad: [string, { given: unknown; want: RegExp }][] = [
    ['not an object', { given: [], want: /"spec" must be/ }],
    ['no spec', { given: { targets: {} }, want: /"spec" must be/ }],
    ['no targets', { given: { spec: 'a.yaml' }, want: /"targets" must map/ }],
    [
      'a folder that is not a string',
      {
        given: { spec: 'a.yaml', targets: { types: 1 } },
        want: /"targets.types" must be a folder/,
      },
    ],
    [
      'a size limit that is not a byte count',
      {
        given: { spec: 'a.yaml', targets: {}, maxSpecBytes: '8MB' },
        want: /"maxSpecBytes" must be a positive whole number/,
      },
    ],
  ];
  test.each(bad)('%s fails naming the file', async (_, { given, want }) => {
    const file = path.join(await tempDir(), 'lightfield.config.json');
    await writeFile(file, JSON.stringify(given));
    await expect(readProjectConfig(file)).rejects.toThrow(want);
    await expect(readProjectConfig(file)).rejects.toThrow(file);
  });
});
