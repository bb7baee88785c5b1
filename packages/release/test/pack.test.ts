import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  manifestProblems,
  packedTarballs,
  PUBLISHED,
  readTarball,
  type Manifest,
} from '../src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
/** The one place the repository URL is set; `.pnpmfile.cjs` copies it into each packed manifest. */
const rootRepository = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    repository: { url: string };
  }
).repository;

// The tarballs of the turbo `pack` task (`pnpm pack`), as `changeset publish` would publish them.
describe('the packed package.json of each published package', async () => {
  const tarballs = await packedTarballs(root);
  const packed = await Promise.all(
    Object.entries(PUBLISHED).map(async ([folder, name]) => ({
      folder,
      name,
      ...(await readTarball(tarballs[name]!.file)),
    })),
  );

  test.each(packed)('$name is clean', ({ folder, manifest, files }) => {
    expect(manifestProblems(manifest, files, folder)).toEqual([]);
  });

  test("every package points at the root package.json's repository", () => {
    const urls = packed.map(({ manifest }) =>
      typeof manifest.repository === 'object' ? manifest.repository.url : manifest.repository,
    );
    expect(new Set(urls)).toEqual(new Set([rootRepository.url]));
    expect(urls[0]).toMatch(/^git\+https:\/\//);
  });

  test('@lightfield/fixtures takes msw 2 or 3 as an optional peer and ships its bin', () => {
    const { manifest, files } = packed.find((p) => p.folder === 'fixtures')!;
    expect(manifest.peerDependencies).toEqual({ msw: '^2.7.0 || ^3' });
    expect(manifest.bin).toEqual({ 'lightfield-mock': './bin/lightfield-mock.js' });
    expect(files).toContain('dist/cli.js');
  });
});

// The checks themselves: each broken manifest is caught.
describe('manifestProblems', () => {
  const clean: Manifest = {
    license: 'MIT',
    sideEffects: false,
    repository: { type: 'git', url: 'git+https://x/y.git', directory: 'packages/p' },
    homepage: 'https://x/y',
    bugs: { url: 'https://x/y/issues' },
    engines: { node: '^20.19.0 || >=22' },
    main: './dist/index.cjs',
    types: './dist/index.d.cts',
    dependencies: { a: '^1.0.0' },
    exports: {
      '.': {
        import: { types: './dist/index.d.ts', default: './dist/index.js' },
        require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
      },
    },
  };
  const files = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts'];
  test.each<[string, { given: Manifest; files?: string[]; want: string }]>([
    [
      'devDependencies',
      { given: { ...clean, devDependencies: { a: '1' } }, want: 'devDependencies are published' },
    ],
    ['scripts', { given: { ...clean, scripts: { build: 'x' } }, want: 'scripts are published' }],
    [
      'exact range',
      {
        given: { ...clean, dependencies: { a: '1.0.0' } },
        want: 'dependency a@1.0.0 is not a caret range',
      },
    ],
    [
      'codegen',
      {
        given: { ...clean, dependencies: { '@lightfield/codegen': '^0.0.0' } },
        want: 'names @lightfield/codegen',
      },
    ],
    ['side effects', { given: { ...clean, sideEffects: true }, want: 'sideEffects is not false' }],
    [
      'no repository',
      { given: { ...clean, repository: undefined }, want: 'repository has no git url' },
    ],
    ['no homepage', { given: { ...clean, homepage: undefined }, want: 'no homepage' }],
    ['no bugs', { given: { ...clean, bugs: undefined }, want: 'no bugs url' }],
    [
      'engines',
      {
        given: { ...clean, engines: { node: '>=20' } },
        want: 'engines.node is not ^20.19.0 || >=22',
      },
    ],
    [
      'missing file',
      {
        given: clean,
        files: files.slice(1),
        want: 'exports["."]["import"]["default"] → ./dist/index.js is not in the tarball',
      },
    ],
    [
      'ESM only',
      {
        given: {
          ...clean,
          exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
        },
        want: 'exports["."] lacks import (.js + .d.ts) and require (.cjs + .d.cts)',
      },
    ],
  ])('%s', (_name, { given, files: f = files, want }) => {
    expect(manifestProblems(clean, files, 'p')).toEqual([]);
    expect(manifestProblems(given, f, 'p')).toContain(want);
  });
});

test('a missing tarball names the task that writes it', async () => {
  await expect(packedTarballs('/nonexistent')).rejects.toThrow(
    /\.pack\/package\.tgz is missing: run `pnpm turbo run pack` first/,
  );
});
