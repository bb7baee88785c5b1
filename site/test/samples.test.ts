import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { ROOT } from '../src/build.js';
import { specOperations, type SampleOperation } from './site.js';
import { typecheck } from './typecheck.js';

// The TypeScript the docs show is real code: each sample of the reference page (the codegen's
// `x-codeSamples`, built here from the spec as the page's build does) and each block of the package
// READMEs, as a module of its own, type-checked against the built packages in one program.
const WORK = fileURLToPath(new URL('../.tmp/samples/', import.meta.url));
const PUBLISHED = ['types', 'client', 'fixtures'] as const;
/** A sample that calls a method wrongly: the check must catch it. */
const BROKEN = 'broken-sample';

/** The ```ts blocks of a package README by name; `export {}` keeps one without imports a module. */
function readmeBlocks(name: (typeof PUBLISHED)[number]): [string, string][] {
  const readme = readFileSync(path.join(ROOT, 'packages', name, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => [
    `${name}-${i}`,
    `${m[1]!}\nexport {};\n`,
  ]);
}

let operations: SampleOperation[];
let diagnostics: Map<string, string>;

beforeAll(async () => {
  operations = await specOperations();
  const [first] = operations;
  diagnostics = await typecheck(
    WORK,
    new Map([
      ...operations.map((op) => [op.operationId, op.sample ?? ''] as const),
      ...PUBLISHED.flatMap(readmeBlocks),
      // The client README types an organization's fields with the module `lightfield-fields`
      // writes: the one the published client's type tests use (spec/test/client/org; its fields
      // test keeps it current).
      ['lightfield-org', readFileSync(path.join(ROOT, 'spec/test/client/org/my-org.ts'), 'utf8')],
      [BROKEN, first!.sample!.replace(/\.(\w+)\(/, '.$1Nope(')],
    ]),
  );
});

test('every operation has a TypeScript sample that uses @lightfield/client', () => {
  expect(operations.length).toBeGreaterThan(0);
  for (const op of operations) {
    expect(op.sample, op.operationId).toContain("from '@lightfield/client'");
    expect(op.sample, op.operationId).toContain(`.${op.operationId.split('.')[1]}(`);
  }
});

test('every sample type-checks', () => {
  expect(diagnostics.get('')).toBe('');
  for (const op of operations) expect(diagnostics.get(op.operationId), op.operationId).toBe('');
});

test.each(PUBLISHED)('the TypeScript blocks of packages/%s/README.md compile', (name) => {
  const blocks = readmeBlocks(name);
  expect(blocks.length).toBeGreaterThan(0);
  for (const [block] of blocks) expect(diagnostics.get(block), block).toBe('');
});

test('a sample that calls a method wrongly fails the check', () => {
  expect(diagnostics.get(BROKEN)).toContain(`${BROKEN}.ts`);
  expect(diagnostics.get(BROKEN)).toMatch(/Nope/);
});
