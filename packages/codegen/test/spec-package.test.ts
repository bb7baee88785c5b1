import { copyFile, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { testSpec } from '@lightfield/testkit';
import { describe, expect, test } from 'vitest';
import { readSpecPackages } from '../src/spec-package-command.js';
import {
  checkSpecPackage,
  PACKAGES_DIR,
  runTsc,
  runtimeFolders,
  specPackage,
  writeSpecPackage,
} from '../src/spec-package.js';
import { tempDir } from './helpers.js';

const SHAPES = testSpec('shapes.yaml');

describe('a linked spec package', () => {
  test("holds each package's generated files beside links to its runtime, and a types entry", async () => {
    const out = await tempDir();
    const { files, links } = await specPackage({
      spec: SHAPES,
      out,
      packages: ['types', 'client'],
    });
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'types/src/generated/openapi.ts',
        'client/src/generated/client.ts',
        'types/src/index.ts',
        'package.json',
      ]),
    );
    expect(files.has('fixtures/src/generated/resources.ts')).toBe(false);
    expect(JSON.parse(files.get('package.json')!)).toMatchObject({
      name: '@lightfield/types',
      exports: { '.': './types/src/index.ts' },
    });
    expect([...links.keys()].sort()).toEqual([
      'client/src/core',
      'client/src/internal',
      'types/src/core',
    ]);
    await writeSpecPackage({ spec: SHAPES, out, packages: ['types', 'client'] });
    expect(await realpath(path.join(out, 'client/src/core'))).toBe(
      path.join(PACKAGES_DIR, 'client/src/core'),
    );
  });

  test('links no folder a generate running meanwhile swaps `generated/` through', async () => {
    const src = await tempDir();
    for (const dir of [
      'core',
      'internal',
      'generated',
      'generated.tmp-7-ab12',
      'generated.old-7-ab12',
    ])
      await mkdir(path.join(src, dir));
    await writeFile(path.join(src, 'index.ts'), '');
    expect((await runtimeFolders(src)).sort()).toEqual(['core', 'internal']);
  });

  test('is written again only when what it is made from changes', async () => {
    const out = await tempDir();
    const spec = path.join(await tempDir(), 'shapes.yaml');
    await copyFile(SHAPES, spec);
    const options = { spec, out, packages: ['client'] as const };
    expect(await writeSpecPackage(options)).toBe(true);
    expect(await writeSpecPackage(options)).toBe(false);
    await writeFile(spec, `${await readFile(spec, 'utf8')}\n# edited\n`);
    expect(await writeSpecPackage(options)).toBe(true);
    expect(await writeSpecPackage({ ...options, packages: ['types', 'client'] })).toBe(true);
    expect(await writeSpecPackage(options, { cache: false })).toBe(true);
  });

  test('a committed one is checked file by file and link by link', async () => {
    const out = await tempDir();
    const options = { spec: SHAPES, out, packages: ['types', 'client'] as const };
    await writeSpecPackage(options, { cache: false });
    expect(await checkSpecPackage(options)).toEqual([]);
    await writeFile(path.join(out, 'client/src/generated/spec.ts'), '// edited\n');
    await writeFile(path.join(out, 'client/src/generated/extra.ts'), '');
    const problems = await checkSpecPackage({ ...options, packages: ['types', 'client'] });
    expect(problems).toEqual([
      expect.stringMatching(/^changed: .*client\/src\/generated\/spec\.ts$/),
      expect.stringMatching(/^not generated: .*client\/src\/generated\/extra\.ts$/),
    ]);
    expect(await checkSpecPackage({ ...options, packages: ['client'] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^not generated: .*types\/src\/core$/)]),
    );
  });

  test('with copies of a resource, from a spec named for them', async () => {
    const { model } = await specPackage({
      spec: testSpec('widget.yaml'),
      copies: { widget: ['gadget'] },
      out: await tempDir(),
      packages: ['client'],
    });
    expect(model.resources.map((r) => r.name)).toEqual(['gadget', 'widget']);
    expect(path.basename(model.file)).toBe('widget+gadget.yaml');
  });
});

test("a copied spec package holds each package's whole source and a tsconfig that checks it", async () => {
  const out = await tempDir();
  await writeSpecPackage({ spec: SHAPES, out, runtime: 'copy', packages: ['types', 'client'] });
  expect(await readFile(path.join(out, 'client/src/core/errors.ts'), 'utf8')).toBe(
    await readFile(path.join(PACKAGES_DIR, 'client/src/core/errors.ts'), 'utf8'),
  );
  expect(await readFile(path.join(out, 'client/src/generated/spec.ts'), 'utf8')).toMatch(
    /Shapes API/,
  );
  const tsconfig = JSON.parse(await readFile(path.join(out, 'tsconfig.json'), 'utf8')) as object;
  expect(tsconfig).toMatchObject({
    compilerOptions: { paths: { '@lightfield/types': ['./types/src/index.ts'] } },
    include: ['types/src', 'client/src'],
  });
});

test.each<[string, { given: unknown; want: RegExp }]>([
  ['not an object', { given: [], want: /expected a JSON object of folders/ }],
  ['an entry without a spec', { given: { out: {} }, want: /"out" must give the "spec"/ }],
  [
    'a package the codegen does not make',
    { given: { out: { spec: 'a.yaml', packages: ['docs'] } }, want: /"out.packages" must list/ },
  ],
])('a spec package list that is %s is refused', async (_, { given, want }) => {
  const file = path.join(await tempDir(), 'spec-packages.json');
  await writeFile(file, JSON.stringify(given));
  await expect(readSpecPackages(file)).rejects.toThrow(want);
});

test('runTsc says whether a program type-checks, with what tsc printed', async () => {
  const dir = await tempDir();
  await writeFile(path.join(dir, 'bad.ts'), 'export const n: number = "one";\n');
  const result = await runTsc(['--noEmit', 'bad.ts'], dir);
  expect(result.ok).toBe(false);
  expect(result.stdout).toMatch(/bad\.ts\(1,14\): error TS2322/);
});
