// Example: test your code against the mock server of @lightfield/fixtures, over real HTTP on
// 127.0.0.1 (the same server `npx lightfield-mock` starts).
import { Lightfield } from '@lightfield/client';
import { createMockServer, type MockServer } from '@lightfield/fixtures/server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findOpportunity, pipelineTotal } from '../src/your-code/pipeline.js';

let mock: MockServer;
let client: Lightfield;

beforeAll(async () => {
  mock = await createMockServer({ seed: 42, port: 0 });
  client = new Lightfield({ baseUrl: mock.url, apiKey: 'test-key' });
});
afterAll(() => mock.close());

test('pipelineTotal sums the deals that match', async () => {
  const [some] = (await client.opportunity.list({ limit: 1 })).data;
  const account = some!.relationships['$account']!.values[0]!;
  for (const amount of [4_000, 6_000]) {
    await client.opportunity.create({
      fields: { $name: `Mock example ${amount}`, $stage: 'Lead', amount },
      relationships: { $account: account },
    });
  }
  expect(await pipelineTotal(client, 'Mock example')).toBe(10_000);
});

test('findOpportunity finds what exists and returns null for what does not', async () => {
  const [some] = (await client.opportunity.list({ limit: 1 })).data;
  expect((await findOpportunity(client, some!.id))?.id).toBe(some!.id);
  expect(await findOpportunity(client, 'opp_gone')).toBeNull();
});

test('the client recovers from a faulty API', async () => {
  // Fault injection is per route and deterministic given a seed.
  const faulty = await createMockServer({
    port: 0,
    faults: { seed: 3, rules: [{ operations: ['opportunity.retrieve'], unavailable: 0.3 }] },
  });
  try {
    const flaky = new Lightfield({ baseUrl: faulty.url, apiKey: 'test-key', maxRetries: 5 });
    const [some] = (await flaky.opportunity.list({ limit: 1 })).data;
    for (let i = 0; i < 3; i++)
      expect((await flaky.opportunity.retrieve(some!.id)).id).toBe(some!.id);
    expect(faulty.stats.unavailable).toBeGreaterThan(0); // 503s the client retried
  } finally {
    await faulty.close();
  }
});
