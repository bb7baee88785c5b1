import { beforeAll, describe, expect, test } from 'vitest';
import type { SpecModel } from '../src/spec-model.js';
import { targets } from '../src/targets/index.js';
import { twoResourceModel } from './helpers.js';

// Golden output for a spec with a second resource copied from the first: it proves the generators
// follow the spec alone. The snapshots are type-checked by `pnpm typecheck` (tsconfig includes test/).
let model: SpecModel;
beforeAll(async () => {
  model = await twoResourceModel();
});

describe.each(Object.keys(targets))('target %s', (name) => {
  test('matches its golden files', async () => {
    const files = await targets[name]!(model);
    expect(files.size).toBeGreaterThan(0);
    for (const [rel, content] of files) {
      await expect(content).toMatchFileSnapshot(`__snapshots__/two-resources/${name}/${rel}`);
    }
  });
});

test('the second resource gets its operations', () => {
  expect(model.resources.map((r) => r.name)).toEqual(['gadget', 'widget']);
  expect(model.resources[0]?.operations.map((o) => o.operationId)).toEqual([
    'gadget.create',
    'gadget.definitions',
    'gadget.list',
    'gadget.retrieve',
    'gadget.update',
  ]);
});
