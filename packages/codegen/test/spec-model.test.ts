import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { loadSpec } from '../src/load-spec.js';
import type { OperationModel, SpecModel } from '../src/spec-model.js';
import { at, tempDir } from './helpers.js';

import type { Json } from '../src/json.js';

const ok = (schema: Json, type = 'application/json') => ({
  description: 'ok',
  content: { [type]: { schema } },
});
const thing = { $ref: '#/components/schemas/Thing' };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const page = {
  type: 'object',
  properties: { items: { type: 'array', items: thing }, total: { type: 'integer' } },
};
const paging = [
  { name: 'limit', in: 'query', schema: { type: 'integer', default: 10, maximum: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer' } },
];

/** A small spec of its own: no operation or schema of the project's spec. */
function spec(paths: Json, schemas: Json = {}): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    servers: [{ url: 'https://api.example.test' }],
    paths,
    components: {
      schemas: {
        Thing: { type: 'object', properties: { id: { type: 'string' } } },
        ...schemas,
      },
    },
  };
}

async function model(doc: Json): Promise<SpecModel> {
  const file = path.join(await tempDir(), 'spec.yaml');
  await writeFile(file, stringify(doc));
  return loadSpec(file);
}

const crud = spec({
  '/v1/things': {
    get: { operationId: 'thing.all', parameters: paging, responses: { '200': ok(page) } },
    post: {
      operationId: 'thing.make',
      requestBody: { content: { 'application/json': { schema: thing } } },
      responses: { '201': ok(thing) },
    },
  },
  '/v1/things/{id}': {
    parameters: [id],
    get: { operationId: 'thing.one', responses: { '200': ok(thing) } },
    patch: {
      operationId: 'thing.change',
      requestBody: { content: { 'application/json': { schema: thing } } },
      responses: { '200': ok(thing) },
    },
    delete: { operationId: 'thing.delete', responses: { '204': { description: 'gone' } } },
  },
  '/v1/things/{id}/parts': {
    parameters: [id],
    get: { operationId: 'part.list', parameters: paging, responses: { '200': ok(page) } },
  },
  // The parent's id named in the nested path's own words, as specs often do.
  '/v1/things/{thingId}/notes': {
    parameters: [{ ...id, name: 'thingId' }],
    get: { operationId: 'note.list', parameters: paging, responses: { '200': ok(page) } },
    post: {
      operationId: 'note.add',
      requestBody: { content: { 'application/json': { schema: thing } } },
      responses: { '200': ok(thing) },
    },
  },
  '/v1/things/{id}/archive': {
    parameters: [id],
    post: { operationId: 'thing.archive', responses: { '200': ok(thing) } },
  },
});

const byId = (m: SpecModel, opId: string): OperationModel => {
  const op = m.operations.find((o) => o.operationId === opId);
  if (!op) throw new Error(`no ${opId} in ${m.operations.map((o) => o.operationId).join(', ')}`);
  return op;
};

describe('buildModel classifies operations by their HTTP shape', () => {
  const cases: [string, { given: string; want: Partial<OperationModel> }][] = [
    ['GET on the collection with pagination', { given: 'thing.all', want: { kind: 'list' } }],
    ['POST on the collection', { given: 'thing.make', want: { kind: 'create' } }],
    ['GET on the item path', { given: 'thing.one', want: { kind: 'retrieve' } }],
    ['PATCH on the item path', { given: 'thing.change', want: { kind: 'update' } }],
    ['DELETE on the item path', { given: 'thing.delete', want: { kind: 'delete' } }],
    [
      'a list under another resource',
      {
        given: 'part.list',
        want: { kind: 'nested-list', parent: { resource: 'thing', param: 'id' } },
      },
    ],
    [
      'a list under another resource whose path names the id otherwise',
      {
        given: 'note.list',
        want: { kind: 'nested-list', parent: { resource: 'thing', param: 'thingId' } },
      },
    ],
    [
      'a create under another resource',
      {
        given: 'note.add',
        want: { kind: 'create', parent: { resource: 'thing', param: 'thingId' } },
      },
    ],
    ['any other operation', { given: 'thing.archive', want: { kind: 'action' } }],
  ];
  test.each(cases)('%s', async (_name, { given, want }) => {
    expect(byId(await model(crud), given)).toMatchObject({ ...want, kindSource: 'detected' });
  });

  test('a list by its shape, whatever its name and paging (cursor, none)', async () => {
    const envelope = (items: Json) => ({
      type: 'object',
      properties: {
        status: { type: 'string' },
        data: { type: 'array', items },
        meta: { type: 'object', properties: { cursor: { type: 'string' } } },
      },
    });
    const doc = spec({
      '/v1/things': {
        get: {
          operationId: 'thingsAll',
          parameters: [
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
          ],
          responses: { '200': ok(envelope(thing)) },
        },
      },
      '/v1/things/{id}': {
        parameters: [id],
        get: { operationId: 'thingsOne', responses: { '200': ok(thing) } },
      },
      '/v1/stats': {
        get: { operationId: 'statsGet', responses: { '200': ok(thing) } },
      },
    });
    const m = await model(doc);
    expect(byId(m, 'things.thingsAll')).toMatchObject({ kind: 'list', kindSource: 'detected' });
    expect(byId(m, 'things.thingsAll').pagination).toBeUndefined();
    // An object without exactly one array property is no page.
    expect(byId(m, 'stats.statsGet').kind).toBe('action');
  });

  test('x-lightfield-kind overrides the detection', async () => {
    const doc = structuredClone(crud);
    at(doc, 'paths', '/v1/things/{id}/archive', 'post')['x-lightfield-kind'] = 'update';
    expect(byId(await model(doc), 'thing.archive')).toMatchObject({
      kind: 'update',
      kindSource: 'declared',
    });
  });

  test('resources are records when stateful, actions otherwise', async () => {
    const m = await model(crud);
    expect(m.resources.map((r) => [r.name, r.kind])).toEqual([
      ['note', 'actions'],
      ['part', 'actions'],
      ['thing', 'record'],
    ]);
  });

  test('a read-only resource (list and retrieve, no create) is answered from examples', async () => {
    const doc = structuredClone(crud);
    delete at(doc, 'paths', '/v1/things').post;
    expect((await model(doc)).resources.find((r) => r.name === 'thing')?.kind).toBe('actions');
  });

  test('a resource of the entity shape is an entity', async () => {
    const doc = structuredClone(crud);
    at(doc, 'components', 'schemas', 'Thing', 'properties').fields = { type: 'object' };
    at(doc, 'components', 'schemas', 'Thing', 'properties').relationships = { type: 'object' };
    expect((await model(doc)).resources.find((r) => r.name === 'thing')?.kind).toBe('entity');
  });
});

describe('buildModel records what the runtime needs', () => {
  test('pagination from the response shape and the query parameters', async () => {
    expect(byId(await model(crud), 'thing.all').pagination).toEqual({
      style: 'offset',
      limitParam: 'limit',
      offsetParam: 'offset',
      itemsProperty: 'items',
      totalProperty: 'total',
      pageSize: 10,
      maxPageSize: 50,
    });
  });

  test('media types of request and responses, by format', async () => {
    const doc = spec({
      '/v1/files': {
        post: {
          operationId: 'file.upload',
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: { type: 'object', properties: { file: { type: 'string' } } },
              },
            },
          },
          responses: {
            '200': ok({ type: 'string' }, 'text/csv'),
            '202': ok({ type: 'string', format: 'binary' }, 'application/octet-stream'),
            '204': { description: 'none' },
          },
        },
      },
    });
    const op = byId(await model(doc), 'file.upload');
    expect(op.requestBody).toMatchObject({
      required: true,
      media: [{ type: 'multipart/form-data', format: 'multipart' }],
    });
    expect(op.requestBody?.schema).toBeUndefined();
    // No binary property: a multipart body without file fields.
    expect(op.requestBody?.media[0]?.files).toBeUndefined();
    expect(op.responses.map((r) => [r.status, r.media.map((m) => m.format)])).toEqual([
      ['200', ['text']],
      ['202', ['binary']],
      ['204', []],
    ]);
  });

  test('multipart file fields: binary strings and arrays of them, through $refs', async () => {
    const doc = spec(
      {
        '/v1/files': {
          post: {
            operationId: 'file.upload',
            requestBody: {
              content: {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    properties: {
                      file: { $ref: '#/components/schemas/Binary' },
                      more: { type: 'array', items: { type: 'string', format: 'binary' } },
                      image: { type: 'string', contentMediaType: 'image/png' },
                      purpose: { type: 'string' },
                    },
                  },
                },
              },
            },
            responses: { '200': ok(thing) },
          },
        },
      },
      { Binary: { type: 'string', format: 'binary' } },
    );
    const op = byId(await model(doc), 'file.upload');
    expect(op.requestBody?.media[0]?.files).toEqual(['file', 'more', 'image']);
  });

  test('a resource takes the description of its tag, in any case', async () => {
    const doc = {
      ...spec({
        '/v1/things': { get: { operationId: 'thing.find', responses: { '200': ok(thing) } } },
      }),
      tags: [{ name: 'Thing', description: 'Things.' }],
    };
    expect((await model(doc)).resources[0]?.description).toBe('Things.');
  });

  const params: [string, { given: Json; want: Json }][] = [
    [
      'a primitive records its type, bounds and string enum',
      {
        given: {
          name: 'size',
          in: 'query',
          schema: { type: 'integer', minimum: 1, maximum: 9 },
        },
        want: { type: 'integer', minimum: 1, maximum: 9, shape: 'primitive' },
      },
    ],
    [
      'a string enum, through a nullable anyOf',
      {
        given: {
          name: 'mode',
          in: 'header',
          schema: { anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }] },
        },
        want: { type: 'string', enum: ['a', 'b'] },
      },
    ],
    [
      'an array query parameter explodes by default',
      {
        given: { name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
        want: { style: 'form', explode: true, shape: 'array' },
      },
    ],
    [
      'a pipe-delimited one keeps its style',
      {
        given: {
          name: 'ids',
          in: 'query',
          style: 'pipeDelimited',
          explode: false,
          schema: { type: 'array' },
        },
        want: { style: 'pipeDelimited', explode: false, shape: 'array' },
      },
    ],
    [
      'a header parameter is simple',
      {
        given: { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
        want: { style: 'simple', explode: false, shape: 'primitive' },
      },
    ],
    [
      'a deepObject query parameter',
      {
        given: { name: 'where', in: 'query', style: 'deepObject', schema: { type: 'object' } },
        want: { style: 'deepObject', explode: false, shape: 'object' },
      },
    ],
  ];
  test.each(params)('%s', async (_name, { given, want }) => {
    const doc = spec({
      '/v1/things': {
        get: { operationId: 'thing.find', parameters: [given], responses: { '200': ok(thing) } },
      },
    });
    const op = byId(await model(doc), 'thing.find');
    expect([...op.queryParams, ...op.headerParams][0]).toMatchObject(want);
  });

  test('two path parameters, in the order of the path', async () => {
    const doc = spec({
      '/v1/a/{b}/c/{d}': {
        get: {
          operationId: 'a.get',
          parameters: [
            { name: 'd', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'b', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: { '200': ok(thing) },
        },
      },
    });
    expect(byId(await model(doc), 'a.get').pathParams.map((p) => p.name)).toEqual(['b', 'd']);
  });

  // The value a caller that follows the spec sends: the mock knows a record there, the round-trip
  // sends it.
  const pathValues: [string, { given: Json; want: RegExp }][] = [
    ['its example', { given: { example: 'thg_7', schema: { type: 'string' } }, want: /^thg_7$/ }],
    [
      'an integer from its schema',
      { given: { schema: { type: 'integer', minimum: 3 } }, want: /^3$/ },
    ],
    [
      'a uuid from its schema',
      { given: { schema: { type: 'string', format: 'uuid' } }, want: /^[\da-f]{8}-[\da-f]{4}-/ },
    ],
  ];
  test.each(pathValues)('a path parameter takes its value: %s', async (_name, { given, want }) => {
    const doc = spec({
      '/v1/things/{id}': {
        get: {
          operationId: 'thing.get',
          parameters: [{ name: 'id', in: 'path', required: true, ...given }],
          responses: { '200': ok(thing) },
        },
      },
    });
    expect(byId(await model(doc), 'thing.get').pathParams[0]?.pathValue).toMatch(want);
  });

  const keys: [string, { given: Json; want: unknown }][] = [
    [
      'a declared Idempotency-Key header',
      {
        given: {
          parameters: [
            { name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 64 } },
          ],
        },
        want: { header: 'Idempotency-Key', maxLength: 64 },
      },
    ],
    [
      'one named in the prose',
      {
        given: { description: 'Send an Idempotency-Key header to retry safely.' },
        want: { header: 'Idempotency-Key', maxLength: 255 },
      },
    ],
    ['neither', { given: {}, want: undefined }],
  ];
  test.each(keys)('idempotency: %s', async (_name, { given, want }) => {
    const doc = spec({
      '/v1/things': {
        post: { operationId: 'thing.make', ...given, responses: { '201': ok(thing) } },
      },
    });
    expect(byId(await model(doc), 'thing.make').idempotency).toEqual(want);
  });
});

describe('buildModel names operations and says what it inferred', () => {
  const names: [string, { given: Json; want: string }][] = [
    ['resource.method is kept', { given: { operationId: 'thing.make' }, want: 'thing.make' }],
    [
      'another operationId is camelCased under its first tag',
      {
        given: { operationId: 'create-thing', tags: ['Big Things'] },
        want: 'bigThings.createThing',
      },
    ],
    ['no operationId: the HTTP method and the path', { given: {}, want: 'things.postV1Things' }],
    [
      'reserved words are legal names',
      { given: { operationId: 'file.delete' }, want: 'file.delete' },
    ],
  ];
  test.each(names)('%s', async (_name, { given, want }) => {
    const doc = spec({ '/v1/things': { post: { ...given, responses: { '201': ok(thing) } } } });
    expect((await model(doc)).operations.map((o) => o.operationId)).toEqual([want]);
  });

  test('notes: derived names and features off for want of an extension', async () => {
    const doc = spec({
      '/v1/things': { post: { operationId: 'makeThing', responses: { '201': ok(thing) } } },
    });
    doc['x-lightfield-rate-limits'] = { Write: 5 };
    expect((await model(doc)).notes).toEqual([
      'things.makeThing: named from operationId "makeThing" (no resource.method operationId)',
      'things.makeThing: no x-lightfield-rate-limit category, client throttling off',
      'things.makeThing: no Idempotency-Key header, so the client never retries this POST',
    ]);
  });
});
