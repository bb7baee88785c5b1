import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  linkProblems,
  markdownLinks,
  packedTarballs,
  PUBLISHED,
  readTarball,
  readTarballFile,
  repositoryWeb,
} from '../src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { repository } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  repository: { url: string };
};
const repo = { web: repositoryWeb(repository.url), root };

// What a reader of node_modules/@lightfield/*, or of the package's npm page, can follow: the
// packages' Markdown as packed (README.md, docs/api.md, the src READMEs, the changelog).
describe('the links of each packed package', async () => {
  const tarballs = await packedTarballs(root);
  const packed = await Promise.all(
    Object.entries(PUBLISHED).map(async ([folder, name]) => {
      const { manifest, files } = await readTarball(tarballs[name]!.file);
      const docs = new Map<string, string>();
      for (const f of files.filter((x) => x.endsWith('.md'))) {
        docs.set(f, await readTarballFile(tarballs[name]!.file, f));
      }
      return { folder, name, manifest, files, docs };
    }),
  );
  /** The packages of the scope a package depends on, by folder: npm installs them beside it. */
  const siblings = (deps: Record<string, string> = {}) =>
    Object.fromEntries(packed.filter((p) => p.name in deps).map((p) => [p.folder, p.files]));

  test.each(packed)('$name: every link resolves from npm', ({ manifest, files, docs }) => {
    expect(docs.has('README.md')).toBe(true);
    const problems = linkProblems(docs, { files, siblings: siblings(manifest.dependencies) }, repo);
    expect(problems).toEqual([]);
  });

  test.each(packed)('$name: the README links to api.md', ({ docs }) => {
    const links = markdownLinks(docs.get('README.md')!);
    expect(links.filter((l) => l.endsWith('api.md'))).not.toEqual([]);
  });
});

// The check itself: each link that breaks under node_modules is caught.
describe('linkProblems', () => {
  const packed = {
    files: ['README.md', 'docs/api.md', 'src/core/options.ts'],
    siblings: { types: ['src/index.ts'] },
  };
  const web = 'https://example.test/org/sdk';
  test.each<[string, { link: string; doc?: string; want: string[] }]>([
    ['a file of the package', { link: 'docs/api.md', want: [] }],
    ['a path from a nested file', { link: '../src/core/options.ts', doc: 'docs/api.md', want: [] }],
    ['a folder of the package', { link: 'src/core', want: [] }],
    [
      'a dependency of the scope',
      { link: '../../types/src/index.ts', doc: 'docs/api.md', want: [] },
    ],
    ['an anchor', { link: '#install', want: [] }],
    ['another site', { link: 'https://mswjs.io/docs', want: [] }],
    ['a repository file', { link: `${web}/blob/main/spec/README.md#names`, want: [] }],
    ['a repository folder', { link: `${web}/tree/main/examples`, want: [] }],
    [
      'a path out of the package',
      {
        link: '../../examples',
        want: [
          'README.md → ../../examples: is not in the package (an absolute repository link resolves from npm)',
        ],
      },
    ],
    [
      'a package of the scope it does not depend on',
      {
        link: '../../fixtures/src/index.ts',
        doc: 'docs/api.md',
        want: [
          'docs/api.md → ../../fixtures/src/index.ts: is not in the package (an absolute repository link resolves from npm)',
        ],
      },
    ],
    [
      'a file the package leaves out',
      {
        link: 'test/x.test.ts',
        want: [
          'README.md → test/x.test.ts: is not in the package (an absolute repository link resolves from npm)',
        ],
      },
    ],
    [
      'a repository path that does not exist',
      {
        link: `${web}/blob/main/nope.md`,
        want: [`README.md → ${web}/blob/main/nope.md: is no path of the repository`],
      },
    ],
    [
      'another branch',
      {
        link: `${web}/tree/dev/examples`,
        want: [`README.md → ${web}/tree/dev/examples: names a branch other than main`],
      },
    ],
    [
      'plain http',
      {
        link: 'http://example.test/x',
        want: ['README.md → http://example.test/x: is neither https nor a file of the package'],
      },
    ],
  ])('%s', (_, { link, doc = 'README.md', want }) => {
    const docs = new Map([[doc, `See [this](${link}).`]]);
    expect(linkProblems(docs, packed, { web, root })).toEqual(want);
  });
});
