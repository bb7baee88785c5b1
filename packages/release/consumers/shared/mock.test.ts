// The test-runner consumers (Jest, vitest) run this file as an app's own test would, on the
// runner's globals: the scenario against a fresh lightfield-mock server.
import { Lightfield } from '@lightfield/client';
import { createMockServer, type MockServer } from '@lightfield/fixtures/server';
import { scenario } from './scenario.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await createMockServer({ port: 0 });
});
afterAll(() => mock.close());

test('create → retrieve → list against lightfield-mock', async () => {
  const client = new Lightfield({ apiKey: 'consumer', baseUrl: mock.url, logLevel: 'off' });
  expect(await scenario(client)).toEqual(['create', 'retrieve', 'list', 'not-found']);
});
