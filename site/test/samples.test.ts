import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { siteOperations, type SampleOperation } from './site.js';
import { typecheck } from './typecheck.js';

// The samples on the reference page are real code: each one is type-checked, as its own module,
// against the built @lightfield/client.
const WORK = fileURLToPath(new URL('../.tmp/', import.meta.url));

let operations: SampleOperation[];
beforeAll(async () => {
  operations = await siteOperations();
});

test('every operation has a TypeScript sample that uses @lightfield/client', () => {
  expect(operations.length).toBeGreaterThan(0);
  for (const op of operations) {
    expect(op.sample, op.operationId).toContain("from '@lightfield/client'");
    expect(op.sample, op.operationId).toContain(`.${op.operationId.split('.')[1]}(`);
  }
});

test('every sample type-checks', async () => {
  const samples = new Map(operations.map((op) => [op.operationId, op.sample!]));
  const result = await typecheck(path.join(WORK, 'samples'), samples);
  expect(result.out).toBe('');
  expect(result.ok).toBe(true);
});

test('a sample that calls a method wrongly fails the check', async () => {
  const [first] = operations;
  const broken = first!.sample!.replace(/\.(\w+)\(/, '.$1Nope(');
  const result = await typecheck(
    path.join(WORK, 'broken'),
    new Map([[first!.operationId, broken]]),
  );
  expect(result.ok).toBe(false);
  expect(result.out).toContain(`${first!.operationId}.ts`);
});
