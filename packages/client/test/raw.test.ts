import { afterEach, expect, test } from 'vitest';
import { filterQuery, type Middleware } from '../src/raw.js';
import { API_KEY, loopback, send } from './helpers.js';
import { WidgetClient, widgetRaw } from './widget/client.js';

// The raw client with a middleware and a filter, as the README shows it, over a real socket.
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

test.each([
  ['an operator', { $name: { startsWith: 'Acme & Co' } }],
  ['a bare value and a negated operator', { $stage: 'opt_won', amount: { not: { lessThan: 5 } } }],
  ['a key that needs encoding', { 'win reason': { equal: 'price' } }],
])('filterQuery gives the raw client the query a method sends: %s', async (_, filter) => {
  const server = await loopback((_req, res) =>
    send(res, 200, { object: 'list', data: [], totalCount: 0 }),
  );
  closers.push(server.close);
  const client = new WidgetClient({ apiKey: API_KEY, baseUrl: server.url, rateLimit: false });
  const raw = widgetRaw(client);
  const seen: string[] = [];
  const trace: Middleware = {
    onRequest: ({ request }) => {
      seen.push(new URL(request.url).search);
    },
  };
  raw.use(trace);
  const { data, error } = await raw.GET('/v1/widgets', {
    params: { query: { limit: 5, offset: 0, ...filterQuery(filter) } },
  });
  expect(error).toBeUndefined();
  expect(data?.totalCount).toBe(0);
  await client.widget.list({ limit: 5, filter });
  // The raw call and the method's call send the same query, and the middleware saw both.
  expect(server.seen).toHaveLength(2);
  expect(server.seen[0]!.url).toBe(server.seen[1]!.url);
  expect(seen).toHaveLength(2);
  raw.eject(trace);
});

test('filterQuery refuses what the methods refuse, naming the parameter', () => {
  expect(() => filterQuery({ $name: { startWith: 'A' } } as never)).toThrow(
    expect.objectContaining({ param: 'filter.$name.startWith' }),
  );
});
