import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, expect, test } from 'vitest';
import { siteOperations, type SampleOperation } from './site.js';

// The samples on the reference page are real code: each one is type-checked, as its own module,
// against the built @lightfield/client.
const run = promisify(execFile);
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const WORK = fileURLToPath(new URL('../.tmp/', import.meta.url));

let operations: SampleOperation[];
beforeAll(async () => {
  operations = await siteOperations();
});

/** Writes the samples as modules of a strict project and runs tsc over them. */
async function typecheck(
  dir: string,
  samples: Map<string, string>,
): Promise<{ ok: boolean; out: string }> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [id, source] of samples) await writeFile(path.join(dir, `${id}.ts`), source);
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../tsconfig.base.json',
      compilerOptions: { noEmit: true, types: [], skipLibCheck: true },
      include: ['*.ts'],
    }),
  );
  try {
    await run(process.execPath, [TSC, '-p', dir]);
    return { ok: true, out: '' };
  } catch (error) {
    return { ok: false, out: String((error as { stdout?: string }).stdout) };
  }
}

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
