import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  CONSUMERS,
  CONSUMERS_DIR,
  readCatalogs,
  resolveManifest,
  type ConsumerManifest,
} from '../src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const tarballs = { '@lightfield/types': { file: '/t/types.tgz', bytes: 1 } };
const catalogs = { default: { typescript: '5.9.3' }, msw3: { msw: '3.0.5' } };

describe('resolveManifest', () => {
  test.each<[string, { given: ConsumerManifest; want: ConsumerManifest | RegExp }]>([
    [
      'tarballs, the catalog and a named one',
      {
        given: {
          name: 'c',
          dependencies: { '@lightfield/types': 'workspace:*' },
          devDependencies: { typescript: 'catalog:', msw: 'catalog:msw3', left: '1.0.0' },
        },
        want: {
          name: 'c',
          dependencies: { '@lightfield/types': 'file:/t/types.tgz' },
          devDependencies: { typescript: '5.9.3', msw: '3.0.5', left: '1.0.0' },
          overrides: { '@lightfield/types': '$@lightfield/types' },
        },
      },
    ],
    [
      'a package the catalog lacks',
      {
        given: { name: 'c', devDependencies: { jest: 'catalog:' } },
        want: /c: no version for jest@catalog:/,
      },
    ],
    [
      'a catalog that does not exist',
      { given: { name: 'c', devDependencies: { msw: 'catalog:msw9' } }, want: /msw@catalog:msw9/ },
    ],
    [
      'a workspace package that is not packed',
      {
        given: { name: 'c', dependencies: { '@lightfield/codegen': 'workspace:*' } },
        want: /@lightfield\/codegen@workspace:\*/,
      },
    ],
  ])('%s', (_, { given, want }) => {
    if (want instanceof RegExp)
      expect(() => resolveManifest(given, tarballs, catalogs)).toThrow(want);
    else expect(resolveManifest(given, tarballs, catalogs)).toEqual(want);
  });
});

// The consumers run in `pnpm test:node-matrix` only (but one): a folder nothing runs, or a version
// the catalog lacks, fails here first.
describe('the consumer projects', () => {
  test('every folder is a project of the matrix', () => {
    const folders = readdirSync(CONSUMERS_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'shared')
      .map((e) => e.name);
    expect(new Set(CONSUMERS.map((p) => p.folder ?? p.name))).toEqual(new Set(folders));
  });

  test.each(CONSUMERS.map((p) => [p.name, p] as const))('%s resolves', async (_, p) => {
    const file = path.join(CONSUMERS_DIR, p.folder ?? p.name, 'package.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as ConsumerManifest;
    const given = {
      ...manifest,
      devDependencies: { ...manifest.devDependencies, ...p.devDependencies },
    };
    const packed = Object.fromEntries(
      ['types', 'client', 'fixtures'].map((n) => [`@lightfield/${n}`, { file: n, bytes: 1 }]),
    );
    const resolved = resolveManifest(given, packed, await readCatalogs(root));
    expect(JSON.stringify(resolved)).not.toMatch(/workspace:|catalog:/);
    expect(Object.keys(resolved.dependencies ?? {})).toContain('@lightfield/client');
  });
});
