import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSpec } from '../src/load-spec.js';
import type { SpecModel } from '../src/spec-model.js';
import { replicateSpecFile } from '../src/synthetic-spec.js';
import { targets } from '../src/targets/index.js';
import { SPEC, tempDir } from './helpers.js';

// Golden output for a spec with a second resource copied from the first: it proves the generators
// follow the spec alone. The snapshots are type-checked by `pnpm typecheck` (tsconfig includes test/).
let model: SpecModel;
beforeAll(async () => {
  const file = path.join(await tempDir(), 'spec', 'two-resources.yaml');
  await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(file), { recursive: true }));
  await writeFile(file, await replicateSpecFile(SPEC, 'widget', ['gadget']));
  model = await loadSpec(file);
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
