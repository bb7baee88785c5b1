import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSpec, type SpecModel } from '@lightfield/codegen';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { roundTrip } from '../src/round-trip.js';
import { clientOf } from './model-client.js';
import { openApiDocument } from '@lightfield/testkit';

// An operation that documents no success (an OAuth `authorize` documents only redirects, the
// classic petstore's `addPet` only an error) passes when the server answers one of the statuses
// it documents, and fails on any other. A spec and a server made up here, and a client that
// calls each operation as the generated one would, following no redirect.

const redirects = { '302': { description: 'Signed in' }, '303': { description: 'Sign in' } };
const SPEC = openApiDocument(
  { '/authorize': { get: { operationId: 'authorize', responses: redirects } } },
  { openapi: '3.0.3' },
);

let server: Server;
let dir: string;
let model: SpecModel;
/** What the server answers next. */
let answer = 302;
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(answer, { location: '/signed-in' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = await mkdtemp(path.join(tmpdir(), 'no-success-'));
  const file = path.join(dir, 'spec.json');
  await writeFile(file, JSON.stringify(SPEC));
  model = await loadSpec(file);
});
afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

test.each<[string, { status: number; want: { ok: boolean; error?: string } }]>([
  ['a documented redirect passes', { status: 302, want: { ok: true } }],
  ['another documented redirect passes', { status: 303, want: { ok: true } }],
  [
    'a 200 it does not document fails',
    { status: 200, want: { ok: false, error: 'status 200 is not documented' } },
  ],
  [
    'a redirect it does not document fails',
    { status: 307, want: { ok: false, error: 'status 307 (status 307 is not documented): ' } },
  ],
])('%s', async (_, { status, want }) => {
  answer = status;
  const { port } = server.address() as AddressInfo;
  const report = await roundTrip({
    model,
    Client: clientOf(model),
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey: 'k',
  });
  expect(report.results).toEqual([{ name: 'authorize', status, ...want }]);
});
