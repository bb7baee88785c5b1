// The test-runner consumers (Jest, vitest) run this file as an app's own test would, on the
// runner's globals: the scenario against the msw handlers of @lightfield/fixtures.
import { setupServer } from 'msw/node';
import { Lightfield } from '@lightfield/client';
import { createHandlers } from '@lightfield/fixtures/msw';
import { scenario } from './scenario.js';

const server = setupServer(...createHandlers());
beforeAll(() => server.listen());
afterAll(() => server.close());

test('create → retrieve → list against the msw handlers', async () => {
  const client = new Lightfield({ apiKey: 'consumer', logLevel: 'off', maxRetries: 0 });
  expect(await scenario(client)).toEqual(['create', 'retrieve', 'list', 'not-found']);
});
