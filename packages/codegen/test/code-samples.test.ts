import { beforeAll, describe, expect, test } from 'vitest';
import { codeSampleSource } from '../src/code-samples.js';
import { loadSpec } from '../src/load-spec.js';
import { deref as derefUnknown } from '../src/json.js';
import { buildModel, type OperationModel, type SpecModel } from '../src/spec-model.js';
import { targets } from '../src/targets/index.js';
import { arrayOf } from '../src/json.js';
import { at, SPEC } from './helpers.js';

// A sample shows the spec's own examples wherever the spec has one: on a parameter (`example`,
// or the first of `examples`), on its schema, or on the request body's media type. Without one it
// falls back to a value built from the schema. (The source is checked before prettier formats it.) The operations are picked by shape, not by name.
type Json = Record<string, unknown>;
const deref = (doc: Json, value: unknown) => derefUnknown(doc, value) as Json;
let model: SpecModel;
let withPath: OperationModel;
let withBody: OperationModel;
let withQuery: OperationModel;
beforeAll(async () => {
  model = await loadSpec(SPEC);
  withPath = model.operations.find((o) => o.pathParams.length === 1 && !o.requestBody)!;
  withBody = model.operations.find((o) => o.requestBody && o.pathParams.length === 0)!;
  withQuery = model.operations.find((o) => o.queryParams.length > 0)!;
});

/** The operation object of `op` in `doc`. */
const operation = (doc: Json, op: OperationModel): Json =>
  at(deref(doc, at(doc, 'paths')[op.path]), op.httpMethod);
/** The parameter objects `op` declares (on the operation and its path item), dereferenced. */
const params = (doc: Json, op: OperationModel): Json[] =>
  [
    ...arrayOf(deref(doc, at(doc, 'paths')[op.path])['parameters']),
    ...arrayOf(operation(doc, op)['parameters']),
  ].map((p) => deref(doc, p));
const media = (doc: Json, op: OperationModel): Json =>
  at(deref(doc, operation(doc, op)['requestBody']), 'content', 'application/json');

/** Every `example`/`examples` removed from parameters, their schemas and media types. */
function bare(doc: Json): Json {
  for (const op of model.operations) {
    for (const p of params(doc, op)) {
      delete p['example'];
      delete p['examples'];
      delete deref(doc, p['schema'])?.['example'];
    }
    if (op.requestBody) delete media(doc, op)['example'];
  }
  return doc;
}

/** The sample of `op` for a copy of the document edited by `edit`. */
function sample(op: () => OperationModel, edit: (doc: Json, op: OperationModel) => void): string {
  const doc = bare(structuredClone(model.document));
  edit(doc, op());
  // The sample reads the model alone: the edited document is modelled afresh.
  const edited = buildModel({ file: model.file, document: doc, hash: model.hash });
  const same = edited.operations.find((o) => o.operationId === op().operationId)!;
  return codeSampleSource(edited, same);
}

const param = (doc: Json, op: OperationModel, where: 'path' | 'query') =>
  params(doc, op).find((p) => p['in'] === where)!;

describe('code samples use the spec’s examples', () => {
  test.each<
    [string, { op: () => OperationModel; edit: (d: Json, o: OperationModel) => void; want: RegExp }]
  >([
    [
      'no example: a path value built from the name',
      { op: () => withPath, edit: () => {}, want: /\("id_123"\)/ },
    ],
    [
      'a parameter example',
      {
        op: () => withPath,
        edit: (d, o) => void (param(d, o, 'path')['example'] = 'x_42'),
        want: /\("x_42"\)/,
      },
    ],
    [
      'the first of a parameter’s examples, through a $ref',
      {
        op: () => withPath,
        edit: (d, o) => {
          at(d, 'components')['examples'] = { First: { value: 'x_first' } };
          param(d, o, 'path')['examples'] = {
            a: { $ref: '#/components/examples/First' },
            b: { value: 'x_second' },
          };
        },
        want: /\("x_first"\)/,
      },
    ],
    [
      'an example on the parameter’s schema',
      {
        op: () => withPath,
        edit: (d, o) => void (deref(d, param(d, o, 'path')['schema'])['example'] = 'x_schema'),
        want: /\("x_schema"\)/,
      },
    ],
    [
      'a media type example for the body',
      {
        op: () => withBody,
        edit: (d, o) => void (media(d, o)['example'] = { fields: { a: 'real' } }),
        want: /\(\{"fields":\{"a":"real"\}\}\)/,
      },
    ],
    [
      'the first of the media type’s examples',
      {
        op: () => withBody,
        edit: (d, o) =>
          void (media(d, o)['examples'] = { one: { value: { n: 1 } }, two: { value: { n: 2 } } }),
        want: /\(\{"n":1\}\)/,
      },
    ],
    [
      'an optional query parameter with an example is passed',
      {
        op: () => withQuery,
        edit: (d, o) => void (param(d, o, 'query')['example'] = 7),
        want: /\(\{"\w+":7\}\)/,
      },
    ],
    [
      'an optional query parameter without one is not',
      { op: () => withQuery, edit: () => {}, want: /\(\)\) \{/ },
    ],
  ])('%s', (_, { op, edit, want }) => {
    expect(sample(op, edit)).toMatch(want);
  });

  test('no body example: a value built from the schema', () => {
    const source = sample(
      () => withBody,
      () => {},
    );
    expect(source).toMatch(new RegExp(`${withBody.method}\\(\\{`));
    expect(source).not.toContain('real');
  });
});

test('samples and the API reference read the model, not the raw paths and tags', async () => {
  // The document keeps only what resolves the model's `$ref`s: its paths and tags are gone.
  const { paths: _paths, tags: _tags, ...rest } = model.document;
  const stripped = { ...model, document: { ...rest, paths: {} } };
  for (const op of model.operations)
    expect(codeSampleSource(stripped, op)).toBe(codeSampleSource(model, op));
  const docs = async (m: SpecModel) => [...(await targets['docs']!(m)).values()].join('\n');
  expect(await docs(stripped)).toBe(await docs(model));
});

test('a sample names its result after its schema, with no underscore', () => {
  // The resource's name was once reserved for the page loop even where the sample has none.
  const single = model.operations.filter((o) => !o.pagination && o.success.schema);
  expect(single.length).toBeGreaterThan(0);
  for (const op of single) expect(codeSampleSource(model, op)).not.toMatch(/const \w+_ =/);
});
