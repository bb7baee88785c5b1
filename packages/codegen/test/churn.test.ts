import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadSpec } from '../src/load-spec.js';
import { targets } from '../src/targets/index.js';
import type { FileMap } from '../src/write-output.js';
import { SPEC, tempDir } from './helpers.js';

async function generateAll(file: string): Promise<Map<string, string>> {
  const model = await loadSpec(file);
  const out = new Map<string, string>();
  for (const [name, target] of Object.entries(targets)) {
    const files: FileMap = await target(model);
    for (const [rel, content] of files) out.set(`${name}/${rel}`, content);
  }
  return out;
}

// The content hash sits once per package, in its `spec` constant (the fixtures keep theirs beside
// the bundled document): a description edit rewrites only the files that show the description.
test('a description edit rewrites only the files that show it and the spec constants', async () => {
  const [a0, b0] = [path.join(await tempDir(), 'spec'), path.join(await tempDir(), 'spec')];
  await Promise.all([mkdir(a0, { recursive: true }), mkdir(b0, { recursive: true })]);
  const text = await readFile(SPEC, 'utf8');
  const before = 'Returns the latest version of one widget.';
  const after = 'Returns the newest version of one widget.';
  expect(text).toContain(before);
  await writeFile(path.join(a0, 'openapi.yaml'), text);
  await writeFile(path.join(b0, 'openapi.yaml'), text.replace(before, after));
  const [a, b] = await Promise.all([
    generateAll(path.join(a0, 'openapi.yaml')),
    generateAll(path.join(b0, 'openapi.yaml')),
  ]);
  const changed = [...a.keys()].filter((k) => a.get(k) !== b.get(k)).sort();
  const showsIt = changed.filter((k) => b.get(k)!.includes(after));
  const constants = changed.filter((k) => !showsIt.includes(k));
  expect(showsIt.length).toBeGreaterThan(0);
  expect(constants).toEqual(['client/spec.ts', 'types/spec.ts']);
});
