import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSpec } from '../src/load-spec.js';
import { targets } from '../src/targets/index.js';
import { at, SPEC, tempDir } from './helpers.js';

// A spec that declares no x-lightfield-variants still generates: the field schema (TypedValue in
// the neutral spec) keeps its one object type,
// the system fields keep it, and org typing finds no variants (so it keeps the spec's types).
test('a spec without field variants degrades to the plain field type', async () => {
  const doc: unknown = parse(await readFile(SPEC, 'utf8'));
  delete at(doc, 'components', 'schemas', 'TypedValue')['x-lightfield-variants'];
  const dir = path.join(await tempDir(), 'spec');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'openapi.yaml'), stringify(doc, { lineWidth: 0 }));
  const files = await targets['types']!(await loadSpec(path.join(dir, 'openapi.yaml')));
  const openapi = files.get('openapi.ts')!;
  expect(openapi).toMatch(/TypedValue: \{\n\s+value: components\["schemas"\]\["AnyValue"\];/);
  expect(openapi).toMatch(/\$name: components\["schemas"\]\["TypedValue"\];/);
  expect(files.get('fields.ts')).toContain('export type FieldVariants = {};');
  expect(files.get('fields.ts')).not.toContain('import');
});

test('with field variants, the field schema is their union and the system fields one variant each', async () => {
  const files = await targets['types']!(await loadSpec(SPEC));
  const openapi = files.get('openapi.ts')!;
  expect(openapi).toMatch(
    /TypedValue: \{\n\s+value: components\["schemas"\]\["PostalAddress"\] \| null;/,
  );
  expect(openapi).toMatch(
    /\$stage: \{\n\s+value: string \| null;\n\s+\/\*\* @constant \*\/\n\s+valueType: "SINGLE_SELECT";/,
  );
  expect(files.get('fields.ts')).toContain(
    "[K in TypedValue['valueType']]: Extract<TypedValue, { valueType: K }>;",
  );
});
