import { describe, expect, test } from 'vitest';
import { createDataset, document, RequestValidator } from '@lightfield/fixtures';

// The seeded dataset of the project's spec, pinned: its golden file and its Opportunity facts.
// The dataset's generic properties are tested on the fixtures' own spec
// (packages/fixtures/test/dataset.test.ts).

const validator = new RequestValidator(document);
const dataset = createDataset({ seed: 42 });
const opportunities = dataset.entities['opportunity']!;
const defs = dataset.definitions['opportunity']!;

describe('the seeded dataset', () => {
  test('is byte-for-byte the committed golden file for seed 42', async () => {
    await expect(`${JSON.stringify(dataset, null, 2)}\n`).toMatchFileSnapshot(
      '__snapshots__/fixtures-dataset-seed-42.json',
    );
  });

  test('holds some dozens of opportunities across several accounts', () => {
    expect(opportunities.length).toBeGreaterThanOrEqual(24);
    const accounts = new Set(opportunities.map((o) => o.relationships['$account']!.values[0]));
    expect(accounts.size).toBeGreaterThanOrEqual(5);
  });

  test('every entity and the definitions validate against the spec', () => {
    for (const o of opportunities) expect(validator.schema('Opportunity', o)).toBeNull();
    expect(validator.schema('OpportunityDefinitions', defs)).toBeNull();
  });
});
