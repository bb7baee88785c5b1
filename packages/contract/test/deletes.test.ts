import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSpec } from '@lightfield/codegen';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { roundTrip } from '../src/round-trip.js';
import { clientOf } from './model-client.js';
import { openApiDocument } from '@lightfield/testkit';

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

let server: Server;
let dir: string;
beforeAll(async () => {
  // `thing_1` is there, whatever is deleted: every delete answers 409 (the thing is in use).
  server = createServer((req, res) => {
    const [status, body] =
      req.method === 'DELETE'
        ? [409, { message: 'in use' }]
        : req.url === '/things/thing_1'
          ? [200, { id: 'thing_1' }]
          : [404, { message: 'no such thing' }];
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = await mkdtemp(path.join(tmpdir(), 'deletes-'));
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

test('a delete answered with a documented error is not followed by a read of a removed item', async () => {
  const file = path.join(dir, 'spec.json');
  await writeFile(file, JSON.stringify(SPEC));
  const model = await loadSpec(file);
  const { port } = server.address() as AddressInfo;
  const report = await roundTrip({
    model,
    Client: clientOf(model),
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey: 'k',
  });
  expect(report.results.filter((r) => !r.ok)).toEqual([]);
  expect(report.results.map((r) => [r.name, r.status])).toEqual([
    ['deleteThing', 409],
    ['getThing', 200],
  ]);
});
