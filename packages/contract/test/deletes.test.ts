import { loopback, send, type Loopback } from '@lightfield/testkit/loopback';
import { openApiDocument } from '@lightfield/testkit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadDocument, roundTripOf } from './model-client.js';

// A delete that documents only errors (no 2xx) passes with one of them; it removed nothing, so a
// read of its item may still answer 200. A spec and a server made up here, and a client that
// calls each operation of the model as the generated one would (path parameters, then options).

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const thing = json({ type: 'object', required: ['id'], properties: { id: { type: 'string' } } });
const problem = json({ type: 'object', properties: { message: { type: 'string' } } });
const SPEC = openApiDocument(
  {
    '/things/{id}': {
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'thing_1' },
      ],
      get: { operationId: 'getThing', responses: { '200': thing, '404': problem } },
      delete: { operationId: 'deleteThing', responses: { '404': problem, '409': problem } },
    },
  },
  { openapi: '3.0.3' },
);

let server: Loopback;
beforeAll(async () => {
  // `thing_1` is there, whatever is deleted: every delete answers 409 (the thing is in use).
  server = await loopback((req, res) => {
    const [status, body] =
      req.method === 'DELETE'
        ? [409, { message: 'in use' }]
        : req.url === '/things/thing_1'
          ? [200, { id: 'thing_1' }]
          : [404, { message: 'no such thing' }];
    send(res, status, body);
  });
});
afterAll(() => server.close());

test('a delete answered with a documented error is not followed by a read of a removed item', async () => {
  const report = await roundTripOf(await loadDocument(SPEC), server.url);
  expect(report.results.filter((r) => !r.ok)).toEqual([]);
  expect(report.results.map((r) => [r.name, r.status])).toEqual([
    ['deleteThing', 409],
    ['getThing', 200],
  ]);
});
