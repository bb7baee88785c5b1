import { inspect } from 'node:util';
import { afterEach, expect, test } from 'vitest';
import { InvalidArgumentError, RateLimitError } from '../src/index.js';
import { API_KEY, loopback, send } from './helpers.js';
import { WidgetClient } from './widget/client.js';

// client.withOptions({…}): a client like this one with some options changed.
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function server(first = 200) {
  const s = await loopback((_req, res, n) =>
    n === 1 && first !== 200
      ? send(res, first, { error: { type: 'too_many_requests', message: 'slow down' } })
      : send(res, 200, { object: 'list', data: [], totalCount: 0 }),
  );
  closers.push(s.close);
  return s;
}

test('keeps the key, base URL and headers, and changes only what it is given', async () => {
  const s = await server();
  const client = new WidgetClient({
    apiKey: API_KEY,
    baseUrl: s.url,
    defaultHeaders: { 'X-Team': 'sales' },
    logLevel: 'off',
  });
  const quick = client.withOptions({ timeout: 12_345, maxRetries: 0 });
  expect(quick).toBeInstanceOf(WidgetClient);
  expect(quick).not.toBe(client);
  expect([quick.timeout, quick.maxRetries, quick.baseUrl]).toEqual([12_345, 0, s.url]);
  expect([client.timeout, client.maxRetries]).toEqual([60_000, 2]);
  await quick.widget.list();
  expect(s.seen[0]!.headers['authorization']).toBe(`Bearer ${API_KEY}`);
  expect(s.seen[0]!.headers['x-team']).toBe('sales');
  for (const text of [inspect(quick, { showHidden: true }), JSON.stringify(quick)])
    expect(text).not.toContain(API_KEY);
});

test('options are checked as the constructor checks them', () => {
  const client = new WidgetClient({ apiKey: API_KEY });
  expect(() => client.withOptions({ timeot: 5 } as never)).toThrow(InvalidArgumentError);
  expect(() => client.withOptions({ baseUrl: 'http://u:p@h.test' })).toThrow(/credentials/);
});

test.each([
  ['shares the rate limit of the client it came from', { given: {}, waits: true }],
  ['has its own once it sets `rateLimit`', { given: { rateLimit: false }, waits: false }],
])('%s', async (_, t) => {
  const s = await server(429);
  const client = new WidgetClient({
    apiKey: API_KEY,
    baseUrl: s.url,
    maxRetries: 0,
    logLevel: 'off',
  });
  await expect(client.widget.list()).rejects.toBeInstanceOf(RateLimitError);
  const started = Date.now();
  await client.withOptions(t.given).widget.list();
  const waited = Date.now() - started;
  if (t.waits) expect(waited).toBeGreaterThanOrEqual(900);
  else expect(waited).toBeLessThan(500);
});
