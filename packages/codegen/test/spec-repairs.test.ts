import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../src/load-spec.js';
import { nodeAt, type Json } from '../src/json.js';
import { tempDir } from './helpers.js';
import { generated, json, model, ok, pathParam, widgetRef } from './tiny-spec.js';
import { openApiDocument } from '@lightfield/testkit';

// What generation repairs or leaves out of a spec nobody here wrote, each with a note: what HTTP
// can't carry, path templates no URL takes as written, examples only a network call would fetch.

const header = (name: string) => ({ name, in: 'header', schema: { type: 'string' } });
const get = (extra: Json) => ({
  paths: {
    '/widgets/{id}': {
      get: { operationId: 'widget.retrieve', parameters: [pathParam('id')], ...extra },
    },
  },
});

describe('what HTTP cannot carry', () => {
  test('a header parameter with an illegal or ignored name is dropped, with a note', async () => {
    const given = get({
      parameters: [pathParam('id'), header(''), header('Authorization'), header('X-Trace')],
      responses: ok(widgetRef),
    });
    const m = model(given);
    expect(m.operations[0]!.headerParams.map((p) => p.name)).toEqual(['X-Trace']);
    expect(m.notes).toEqual(
      expect.arrayContaining([
        'widget.retrieve: header parameter "" is not a legal header name; dropped',
        'widget.retrieve: header parameter Authorization is one OpenAPI ignores (the client sets it); dropped',
      ]),
    );
    expect(await generated('client', given, 'client.ts')).toContain("'X-Trace'?: string;");
  });

  test('a GET with a request body is sent without one, with a note', async () => {
    const given = get({ requestBody: json(widgetRef), responses: ok(widgetRef) });
    const m = model(given);
    expect(m.operations[0]!.requestBody).toBeUndefined();
    expect(m.notes).toContain(
      "widget.retrieve: a GET request can't carry the body the spec declares; dropped",
    );
    expect(await generated('client', given, 'client.ts')).toContain(
      'retrieve(id: string, options?: RequestOptions): APIPromise<Widget>',
    );
  });

  test('a TRACE, which fetch refuses to send, is left out, with a note', () => {
    const retrieve = { operationId: 'widget.retrieve', parameters: [pathParam('id')] };
    const given = {
      paths: {
        '/widgets/{id}': {
          get: { ...retrieve, responses: ok(widgetRef) },
          trace: { ...retrieve, operationId: 'widget.trace', responses: ok(widgetRef) },
        },
      },
    };
    const m = model(given);
    expect(m.operations.map((op) => op.operationId)).toEqual(['widget.retrieve']);
    expect(m.notes).toContain("TRACE /widgets/{id}: fetch can't send a TRACE request; left out");
  });
});

test('a blank media type is read as any media type, with a note', () => {
  const body = { required: true, content: { '': { schema: { type: 'object' } } } };
  const given = {
    paths: {
      '/widgets': {
        post: { operationId: 'widget.create', requestBody: body, responses: ok(widgetRef) },
      },
    },
  };
  const m = model(given);
  expect(m.operations[0]!.requestBody?.media.map((x) => [x.type, x.format])).toEqual([
    ['*/*', 'json'],
  ]);
  expect(
    Object.keys(
      nodeAt(m.document, ['paths', '/widgets', 'post', 'requestBody', 'content']) as object,
    ),
  ).toEqual(['*/*']);
  expect(m.notes).toContain(
    'POST /widgets request body: a blank media type names none; read as */*',
  );
  expect(given.paths['/widgets'].post.requestBody.content).toHaveProperty(['']);
});

describe('path templates no URL takes as written', () => {
  const param = (name: string, where: string) => ({ name, in: where, schema: { type: 'string' } });
  const op = (parameters: Json[]) => ({
    operationId: 'search.run',
    parameters,
    responses: ok(widgetRef),
  });
  const shape = (given: Json) => {
    const m = model({ paths: given });
    const [found] = m.operations;
    return {
      path: found!.path,
      params: [...found!.pathParams, ...found!.queryParams].map(
        (p) => `${p.in} ${p.name}${p.required ? '' : '?'}`,
      ),
      notes: m.notes.filter((n) => n.startsWith('#/paths')),
    };
  };
  test.each<[string, { given: Json; want: ReturnType<typeof shape> }]>([
    [
      'a query string in the template is sent as query parameters',
      {
        given: {
          '/search?q={term}&kind=all&page={page}': {
            get: op([param('term', 'path'), param('page', 'query')]),
          },
        },
        want: {
          path: '/search',
          params: ['query q', 'query page', 'query kind'],
          notes: [
            '#/paths/~1search?q={term}&kind=all&page={page}: the query string of /search?q={term}&kind=all&page={page} is sent as the query parameters q, kind, page of /search',
          ],
        },
      },
    ],
    [
      'a {param} no parameter declares is taken as a string',
      {
        given: { '/widgets/{id}': { get: op([]) } },
        want: {
          path: '/widgets/{id}',
          params: ['path id'],
          notes: [
            '#/paths/~1widgets~1{id}/get: path parameter "{id}" is not declared; taken as a string',
          ],
        },
      },
    ],
    [
      'a path parameter the template lacks is dropped',
      {
        given: { '/widgets': { get: op([pathParam('id'), param('q', 'query')]) } },
        want: {
          path: '/widgets',
          params: ['query q?'],
          notes: ['#/paths/~1widgets/get: path parameter "id" is not in /widgets; dropped'],
        },
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(shape(given)).toEqual(want);
  });
});

test('an example given by URL is not fetched: the spec still loads, with a note', async () => {
  // Port 1 refuses at once: were the URL fetched, the load would fail.
  const url = 'http://127.0.0.1:1/config.json';
  const file = path.join(await tempDir(), 'spec.json');
  const media = { schema: { type: 'object' }, examples: { live: { externalValue: url } } };
  const ok = { '200': { description: 'OK', content: { 'application/json': media } } };
  const spec = openApiDocument({ '/config': { get: { responses: ok } } }, { openapi: '3.0.3' });
  await writeFile(file, JSON.stringify(spec));
  const m = await loadSpec(file);
  expect(m.notes).toContain(
    `#/paths/~1config/get/responses/200/content/application~1json/examples/live: example at ${url} not fetched; the schema stands in`,
  );
});
