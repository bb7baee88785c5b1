// Example: test your code with the msw handlers of @lightfield/fixtures (no server, no network).
import { Lightfield, RateLimitError } from '@lightfield/client';
import { createHandlers, errorHandler } from '@lightfield/fixtures/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { findOpportunity, pipelineTotal } from '../src/your-code/pipeline.js';

const BASE_URL = 'https://crm.test';
// One handler per operation over a stateful store: a create is visible to the next list.
const handlers = createHandlers({ baseUrl: BASE_URL, seed: 7 });
const server = setupServer(...handlers);
const client = new Lightfield({ baseUrl: BASE_URL, apiKey: 'test-key', maxRetries: 0 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

test('pipelineTotal sums the deals that match', async () => {
  const [some] = (await client.opportunity.list({ limit: 1 })).data;
  const account = some!.relationships['$account']!.values[0]!;
  for (const amount of [1_000, 2_500]) {
    await client.opportunity.create({
      fields: { $name: `Msw example ${amount}`, $stage: 'Lead', amount },
      relationships: { $account: account },
    });
  }
  expect(await pipelineTotal(client, 'Msw example')).toBe(3_500);
});

test('findOpportunity turns a 404 into null', async () => {
  server.use(errorHandler('opportunity.retrieve', 404, { baseUrl: BASE_URL }));
  expect(await findOpportunity(client, 'opp_gone')).toBeNull();
});

test('findOpportunity lets other errors through', async () => {
  server.use(errorHandler('opportunity.retrieve', 429, { baseUrl: BASE_URL }));
  await expect(findOpportunity(client, 'opp_any')).rejects.toBeInstanceOf(RateLimitError);
});
