import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deref, loadSpec, type SpecModel } from '@lightfield/codegen';
import { beforeAll, describe, expect, test } from 'vitest';
import { parsePage, readIndex } from './reference-index.js';
import { schemasAt } from './surface-walk.js';
import type { Json } from '@lightfield/codegen/json';

const here = path.dirname(fileURLToPath(import.meta.url));
const specDir = path.resolve(here, '..');
const index = readIndex(path.join(specDir, 'reference-index.yaml'));
// The reference page is not part of the repository: the index is checked against a copy of it
// when LIGHTFIELD_REFERENCE_PAGE names one.
const pagePath = process.env['LIGHTFIELD_REFERENCE_PAGE'] ?? '';

let model: SpecModel;
beforeAll(async () => {
  model = await loadSpec(path.join(specDir, 'openapi.yaml'));
});

/** The schema at a dotted wire path (`data.*.fields.*.valueType`) inside a schema, if any. */
function schemaAt(doc: Json, root: unknown, dotted: string): Json | undefined {
  return deref(doc, schemasAt(doc, root, dotted)[0]?.schema) as Json | undefined;
}

function responseSchema(returns: string): unknown {
  const method = index.methods.find((m) => m.returns === returns);
  const op = model.operations.find((o) => o.operationId === method?.operationId);
  return op?.success.schema;
}

describe('the spec covers the reference index', () => {
  test.each(index.methods.map((m) => [m.operationId, m] as const))('method %s', (_, m) => {
    const op = model.operations.find((o) => o.operationId === m.operationId);
    expect(op, `operation ${m.operationId}`).toBeDefined();
    expect(op?.httpMethod.toUpperCase()).toBe(m.http);
    expect(op?.path).toBe(m.route);
    expect(op?.success.schema, `${m.operationId} has a JSON 200 body`).toBeDefined();
  });

  const rows = Object.entries(index.models).flatMap(([name, m]) =>
    m.properties.map((p) => [`${name}.${p}`, { name, property: p }] as const),
  );
  test.each(rows)('property %s', (_, { name, property }) => {
    const root = responseSchema(name);
    expect(root, `${name} is the body of a method`).toBeDefined();
    expect(
      schemaAt(model.document, root, property),
      `${name}.${property} in the spec`,
    ).toBeDefined();
  });

  const enumRows = Object.entries(index.models).flatMap(([name, m]) =>
    Object.entries(m.enums).map(
      ([p, values]) => [`${name}.${p}`, { name, property: p, values }] as const,
    ),
  );
  test.each(enumRows)('enum %s', (_, { name, property, values }) => {
    const schema = schemaAt(model.document, responseSchema(name), property);
    expect(schema?.['enum']).toEqual(expect.arrayContaining(values));
  });

  const constraintRows = Object.entries(index.models).flatMap(([name, m]) =>
    Object.entries(m.constraints ?? {}).map(
      ([p, c]) => [`${name}.${p}`, { name, property: p, c }] as const,
    ),
  );
  test.each(constraintRows)('constraints of %s', (_, { name, property, c }) => {
    expect(schemaAt(model.document, responseSchema(name), property)).toMatchObject(c);
  });
});

describe.runIf(pagePath !== '' && existsSync(pagePath))(
  'the reference index misses nothing on the page',
  () => {
    const page = parsePage(existsSync(pagePath) ? readFileSync(pagePath, 'utf8') : '');
    const wire = (python: string): string => index.wireNames[python] ?? python;

    test('every method, with its route and model', () => {
      expect(page.methods.length).toBeGreaterThan(0);
      expect(index.methods).toEqual(expect.arrayContaining(page.methods));
      expect(page.methods).toHaveLength(index.methods.length);
    });

    test('every model and property', () => {
      expect([...page.properties.keys()].sort()).toEqual(Object.keys(index.models).sort());
      for (const [cls, props] of page.properties) {
        const paths = index.models[cls]?.properties ?? [];
        for (const p of props) {
          const name = wire(p);
          expect(
            paths.some((path) => path === name || path.endsWith(`.${name}`)),
            `${cls}.${p} (wire ${name}) is in the index`,
          ).toBe(true);
        }
      }
    });

    test('every enum value', () => {
      expect(page.enums.size).toBeGreaterThan(0);
      for (const [key, values] of page.enums) {
        const [cls = '', prop = ''] = key.split('.');
        const enums = Object.entries(index.models[cls]?.enums ?? {}).filter(
          ([path]) => path === wire(prop) || path.endsWith(`.${wire(prop)}`),
        );
        expect(enums.length, `${key} has an enum in the index`).toBeGreaterThan(0);
        for (const [, indexed] of enums) expect(indexed).toEqual(expect.arrayContaining(values));
      }
    });

    test('no Python name leaks into the index', () => {
      for (const m of Object.values(index.models)) {
        for (const p of m.properties) expect(p).not.toMatch(/_[a-z]/);
      }
    });
  },
);
