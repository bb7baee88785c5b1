import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMockServer, type MockServer } from '@lightfield/fixtures/server';
import ts from 'typescript';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { ROOT } from '../src/build.js';

// The first snippet of each README runs as written against the mock: a new user copies it first,
// so it must work with nothing but `LIGHTFIELD_API_KEY` and `LIGHTFIELD_BASE_URL` set.
const WORK = fileURLToPath(new URL('../.tmp/readme-run/', import.meta.url));
const READMES = [
  'README.md',
  ...['client', 'types', 'fixtures'].map((p) => `packages/${p}/README.md`),
];

/** The first ```ts block of a README, compiled to a module that node runs. */
async function firstSnippet(readme: string): Promise<string> {
  const text = await readFile(path.join(ROOT, readme), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(text)?.[1];
  if (block === undefined) throw new Error(`${readme} has no TypeScript block`);
  const options = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 };
  return ts.transpileModule(`${block}\nexport {};\n`, { compilerOptions: options }).outputText;
}

let mock: MockServer;
beforeAll(async () => {
  mock = await createMockServer({ port: 0 });
  vi.stubEnv('LIGHTFIELD_API_KEY', 'lf_test_readme');
  vi.stubEnv('LIGHTFIELD_BASE_URL', mock.url);
  await mkdir(WORK, { recursive: true });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await mock.close();
});

test.each(READMES)('the first snippet of %s runs against the mock', async (readme) => {
  const file = path.join(WORK, `${readme.replace(/\W+/g, '-')}.mjs`);
  await writeFile(file, await firstSnippet(readme));
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const before = mock.stats.requests;
  try {
    await import(pathToFileURL(file).href);
  } finally {
    log.mockRestore();
  }
  // A snippet that calls the API reaches the mock; its answers are checked by the snippet's own
  // awaits, which throw on any error status.
  if ((await readFile(file, 'utf8')).includes('@lightfield/client'))
    expect(mock.stats.requests).toBeGreaterThan(before);
});
