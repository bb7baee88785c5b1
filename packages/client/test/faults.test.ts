import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIResponseError,
  InternalServerError,
  type LightfieldError,
} from '../src/index.js';
import { API_KEY, entity, loopback, send, type Seen } from './helpers.js';
import { WidgetClient } from './widget/client.js';

// The fault matrix: each misbehaviour of the network or the API, and what the client must do.
type Server = (
  req: Seen,
  res: ServerResponse,
  n: number,
  committed: Map<string, unknown>,
) => unknown;
/** What a check reads of the response body. */
interface Body {
  id: string;
  fields: Record<string, { valueType: string }>;
}
type Want =
  | { ok: true; attempts: number; check?: (body: Body) => void }
  | { error: new (...a: never[]) => LightfieldError; attempts: number };
type Case = [string, { given: Server; call?: 'create'; timeout?: number; want: Want }];

const err = (status: number) => ({ error: { type: 'x', message: `status ${status}` } });
const thenOk =
  (status: number, headers: Record<string, string> = { 'retry-after-ms': '1' }): Server =>
  (_, res, n) =>
    n === 1 ? send(res, status, err(status), headers) : send(res, 200, entity());

const cases: Case[] = [
  [
    'connection reset before the response',
    {
      given: (_, res, n) => (n === 1 ? res.socket?.destroy() : send(res, 200, entity())),
      want: { ok: true, attempts: 2 },
    },
  ],
  [
    'connection reset after the write is committed',
    {
      call: 'create',
      // The server applies the write, then loses the connection; the retry carries the same key and gets the first result.
      given: (req, res, _n, committed) => {
        const key = String(req.headers['idempotency-key']);
        if (committed.has(key)) return send(res, 200, committed.get(key));
        committed.set(key, entity(`wid_${committed.size + 1}`));
        res.socket?.destroy();
      },
      want: { ok: true, attempts: 2, check: (body) => expect(body.id).toBe('wid_1') },
    },
  ],
  ['408', { given: thenOk(408), want: { ok: true, attempts: 2 } }],
  ['409', { given: thenOk(409), want: { ok: true, attempts: 2 } }],
  [
    '429 with Retry-After in seconds',
    { given: thenOk(429, { 'retry-after': '1' }), want: { ok: true, attempts: 2 } },
  ],
  [
    '429 with Retry-After as an HTTP date',
    {
      given: thenOk(429, { 'retry-after': new Date(Date.now() + 1000).toUTCString() }),
      want: { ok: true, attempts: 2 },
    },
  ],
  [
    'retry-after-ms',
    { given: thenOk(503, { 'retry-after-ms': '50' }), want: { ok: true, attempts: 2 } },
  ],
  ['500', { given: thenOk(500), want: { ok: true, attempts: 2 } }],
  ['502', { given: thenOk(502), want: { ok: true, attempts: 2 } }],
  ['503', { given: thenOk(503), want: { ok: true, attempts: 2 } }],
  ['504', { given: thenOk(504), want: { ok: true, attempts: 2 } }],
  [
    '5xx on every attempt',
    {
      given: (_, res) => send(res, 503, err(503), { 'retry-after-ms': '1' }),
      want: { error: InternalServerError, attempts: 3 },
    },
  ],
  [
    'a response slower than the timeout',
    {
      timeout: 400, // long enough that a loaded machine still sees each attempt arrive
      given: (_, res) => {
        // The client gives up first; its closed connection clears the timer, so none outlives the suite.
        const late = setTimeout(() => send(res, 200, entity()), 2000);
        res.on('close', () => clearTimeout(late));
      },
      want: { error: APIConnectionTimeoutError, attempts: 3 },
    },
  ],
  [
    'malformed JSON',
    {
      given: (_, res) => send(res, 200, '{"id": "wid_1", '),
      want: { error: APIResponseError, attempts: 1 },
    },
  ],
  [
    'a truncated body',
    {
      given: (_, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
        res.write('{"id":"wid_1","createdAt":');
        setTimeout(() => res.socket?.destroy(), 5);
      },
      want: { error: APIConnectionError, attempts: 3 },
    },
  ],
  [
    'an HTML error page',
    {
      given: (_, res) => {
        res.writeHead(502, { 'content-type': 'text/html', 'retry-after-ms': '1' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      },
      want: { error: InternalServerError, attempts: 3 },
    },
  ],
  [
    'an empty 200',
    { given: (_, res) => send(res, 200, ''), want: { error: APIResponseError, attempts: 1 } },
  ],
  [
    'a 200 that violates the schema',
    {
      // Documented choice: the client does not validate responses (forward compatible, no cost); it returns the body as sent.
      given: (_, res) => send(res, 200, { id: 42, fields: 'nope' }),
      want: {
        ok: true,
        attempts: 1,
        check: (body) => expect(body).toEqual({ id: 42, fields: 'nope' }),
      },
    },
  ],
  [
    'an unknown valueType (HTML)',
    {
      given: (_, res) =>
        send(res, 200, {
          ...entity(),
          fields: { body: { value: '<p>Hi</p>', valueType: 'HTML' } },
        }),
      want: {
        ok: true,
        attempts: 1,
        check: (body) => expect(body.fields['body']?.valueType).toBe('HTML'),
      },
    },
  ],
];

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const results: { name: string; ms: number; attempts: number; ok: boolean }[] = [];
const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
let timersBefore = 0;

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
  timersBefore = timers();
});
afterAll(async () => {
  // Let any stray rejection surface before counting.
  await new Promise((r) => setImmediate(r));
  process.off('unhandledRejection', onUnhandled);
  const left = timers() - timersBefore;
  const retries = results.reduce((n, r) => n + r.attempts - 1, 0);
  const slowest = Math.max(...results.map((r) => r.ms));
  console.log(
    `fault matrix: ${results.length} faults, ${results.filter((r) => r.ok).length} as expected, ${retries} retries, ` +
      `${unhandled.length} unhandled rejections, ${left} timers left, slowest ${(slowest / 1000).toFixed(2)} s`,
  );
  expect(unhandled).toEqual([]);
  expect(left).toBeLessThanOrEqual(0);
});

describe('fault matrix', () => {
  test.each(cases)('%s', async (name, { given, call, timeout = 5000, want }) => {
    const committed = new Map<string, unknown>();
    const server = await loopback((req, res, n) => given(req, res, n, committed));
    const client = new WidgetClient({
      apiKey: API_KEY,
      baseUrl: server.url,
      rateLimit: false,
      logLevel: 'off',
      timeout,
      maxRetries: 2,
    });
    const started = Date.now();
    try {
      const promise =
        call === 'create'
          ? client.widget.create({
              fields: { $name: 'A', $status: 'Draft' },
              relationships: { $team: 'team_1' },
            })
          : client.widget.retrieve('wid_1');
      const outcome = await promise.then(
        (body) => ({ body }),
        (error: unknown) => ({ error }),
      );
      const ms = Date.now() - started;
      if ('ok' in want) {
        expect('error' in outcome ? outcome.error : undefined).toBeUndefined();
        want.check?.((outcome as { body: Body }).body);
      } else {
        expect((outcome as { error: unknown }).error).toBeInstanceOf(want.error);
      }
      expect(server.seen).toHaveLength(want.attempts);
      // Nothing hangs: every attempt ends within its timeout, plus the backoff between attempts (≤ 1 s + 2 s here).
      expect(ms).toBeLessThan(want.attempts * timeout + 3500);
      if (call === 'create') expect(committed.size).toBe(1);
      results.push({ name, ms, attempts: server.seen.length, ok: true });
    } finally {
      await server.close();
    }
  });
});
