import { describe, expect, test } from 'vitest';
import type { Json } from '../src/json.js';
import { ok, thing, spec, model, crud, byId } from './spec-model.js';

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
    [
      'an object or a text, by anyOf',
      {
        given: {
          name: 'floor',
          in: 'query',
          style: 'deepObject',
          schema: { anyOf: [{ type: 'object' }, { type: 'string', enum: ['null'] }] },
        },
        want: { style: 'deepObject', shape: 'object', mixed: true },
      },
    ],
    [
      'an array either way, by oneOf',
      {
        given: {
          name: 'ids',
          in: 'query',
          schema: { oneOf: [{ type: 'array' }, { type: 'array', items: { type: 'integer' } }] },
        },
        want: { shape: 'array' },
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
