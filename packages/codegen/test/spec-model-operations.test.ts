import { describe, expect, test } from 'vitest';
import type { OperationModel } from '../src/spec-model.js';
import { at } from './helpers.js';
import type { Json } from '../src/json.js';
import { ok, thing, id, spec, model, crud, byId } from './spec-model.js';

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
