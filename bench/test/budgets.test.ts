import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { bundleSizes, OPENAPI_FETCH } from '../src/size.js';
import { realSpecCosts, typeCost } from '../src/types.js';

// Deterministic budgets (type instantiations, bytes), enforced in the test command. Timings are
// never asserted: they live in RESULTS.md.
const INSTANTIATIONS = 200;

test('every client call type-checks within the instantiation budget, and below bare openapi-fetch', async () => {
  const [ours, bare] = await realSpecCosts();
  console.log(
    `type cost: @lightfield/client ${ours.instantiations} instantiations, bare openapi-fetch ${bare.instantiations}`,
  );
  expect(ours.errors).toEqual([]);
  expect(bare.errors).toEqual([]);
  expect(ours.instantiations).toBeLessThanOrEqual(INSTANTIATIONS);
  expect(ours.instantiations).toBeLessThanOrEqual(1.5 * bare.instantiations);
});

test('the measured consumer is really checked: a wrong call is an error', async () => {
  const dir = await mkdtemp(
    path.join(path.dirname(new URL(import.meta.url).pathname), '../type-cost/.tmp-'),
  );
  const file = path.join(dir, 'wrong.ts');
  await writeFile(
    file,
    "import { Lightfield } from '@lightfield/client';\nexport const p = new Lightfield({ apiKey: 'k' }).opportunity.retrieve(42);\n",
  );
  const cost = await typeCost([file]).finally(() => rm(dir, { recursive: true, force: true }));
  expect(cost.errors.join('\n')).toMatch(/TS2345/);
});

test('the client bundle pulls in none of the fixtures and no openapi-fetch', async () => {
  const sizes = await bundleSizes();
  expect(sizes['@lightfield/client']!.text).not.toMatch(/faker|createMockServer|lightfield-mock/);
  expect(sizes['@lightfield/client']!.text).not.toMatch(OPENAPI_FETCH);
  // The marker is real: the bare openapi-fetch app has it.
  expect(sizes['openapi-fetch']!.text).toMatch(OPENAPI_FETCH);
});
