import { afterEach, expect, test } from 'vitest';
import { API_KEY, entity, loopback, send } from './helpers.js';
import { WidgetClient } from './widget/client.js';
import { setup } from './shapes.js';
import { serializeQuery } from '../src/core/query.js';
import type { OperationInfo } from '../src/internal/operation.js';

// Auto-pagination against servers that page wrongly (the ordinary walk is in loopback.test.ts).
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const ids = (...names: string[]) => names.map((n) => entity(n));

test.each([
  [
    'a server that ignores offset (the same full page again)',
    {
      pages: [ids('a', 'b', 'c')],
      want: ['a', 'b', 'c'],
      requests: 2,
      warned: /repeats an earlier page/,
    },
  ],
  [
    'a next page of items already seen, in another order',
    {
      pages: [ids('a', 'b', 'c'), ids('c', 'b', 'a')],
      want: ['a', 'b', 'c'],
      requests: 2,
      warned: /only items already seen/,
    },
  ],
  [
    'an insert between pages, which shifts one item onto the next page',
    {
      pages: [ids('a', 'b', 'c'), ids('c', 'd', 'e'), ids('f')],
      want: ['a', 'b', 'c', 'c', 'd', 'e', 'f'],
      requests: 3,
      warned: undefined,
    },
  ],
])('%s', async (_, t) => {
  const warnings: string[] = [];
  const log = (m: string) => warnings.push(m);
  const server = await loopback((req, res, n) => {
    // Each request gets the next page of the script, the last one over and over.
    const data = t.pages[Math.min(n, t.pages.length) - 1];
    send(res, 200, { object: 'list', data, totalCount: 1000 });
  });
  closers.push(server.close);
  const client = new WidgetClient({
    apiKey: API_KEY,
    baseUrl: server.url,
    rateLimit: false,
    logger: { debug: () => {}, info: () => {}, warn: log, error: log },
  });
  const seen: string[] = [];
  for await (const widget of client.widget.list({ limit: 3 })) seen.push(widget.id);
  expect(seen).toEqual(t.want);
  expect(server.seen).toHaveLength(t.requests);
  if (t.warned) {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^widget\.list: stopped at offset \d+ of 1000:/);
    expect(warnings[0]).toMatch(t.warned);
  } else expect(warnings).toEqual([]);
});

test.each([
  ['an offset from 0', { minimum: undefined, want: ['offset=0', 'offset=2'] }],
  ['a 1-based offset (minimum 1)', { minimum: 1, want: ['offset=1', 'offset=3'] }],
])('the first page starts where the offset does: %s', async (_, t) => {
  const op: OperationInfo = {
    id: 'payment.list',
    method: 'GET',
    path: '/payments',
    query: { limit: { type: 'integer' }, offset: { type: 'integer', minimum: t.minimum } },
    encodeQuery: serializeQuery,
    page: { limit: 'limit', offset: 'offset', items: 'data' },
  };
  const { client, seen } = await setup((_req, res, n) =>
    send(res, 200, { data: n === 1 ? ids('a', 'b') : [] }),
  );
  const got: unknown[] = [];
  for await (const item of client.page(op, { query: { limit: 2 } })) got.push(item);
  expect(got).toHaveLength(2);
  expect(seen.map((r) => new URL(r.url, 'http://x').searchParams.toString())).toEqual(
    t.want.map((offset) => `limit=2&${offset}`),
  );
});
