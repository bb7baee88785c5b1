import type { SpecModel } from '@lightfield/codegen';
import { openApiDocument } from '@lightfield/testkit';
import { loopback, type Loopback } from '@lightfield/testkit/loopback';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadDocument, roundTripOf } from './model-client.js';

// An operation that documents no success (an OAuth `authorize` documents only redirects, the
// classic petstore's `addPet` only an error) passes when the server answers one of the statuses
// it documents, and fails on any other. A spec and a server made up here, and a client that
// calls each operation as the generated one would, following no redirect.

const redirects = { '302': { description: 'Signed in' }, '303': { description: 'Sign in' } };
const SPEC = openApiDocument(
  { '/authorize': { get: { operationId: 'authorize', responses: redirects } } },
  { openapi: '3.0.3' },
);

let server: Loopback;
let model: SpecModel;
/** What the server answers next. */
let answer = 302;
beforeAll(async () => {
  server = await loopback((_req, res) => {
    res.writeHead(answer, { location: '/signed-in' }).end();
  });
  model = await loadDocument(SPEC);
});
afterAll(() => server.close());

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
  const report = await roundTripOf(model, server.url);
  expect(report.results).toEqual([{ name: 'authorize', status, ...want }]);
});

test('an operation the model leaves out fails with the note that says why', async () => {
  const ok = { '200': { description: 'Echoed' } };
  const traced = await loadDocument(
    openApiDocument(
      { '/echo': { get: { operationId: 'echo', responses: ok }, trace: { responses: ok } } },
      { openapi: '3.0.3' },
    ),
  );
  answer = 200;
  const report = await roundTripOf(traced, server.url);
  expect(report.results).toContainEqual({
    name: 'TRACE /echo',
    ok: false,
    error: "not in the spec model: TRACE /echo: fetch can't send a TRACE request; left out",
  });
});
