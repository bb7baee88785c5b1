import type { ServerResponse } from 'node:http';
import { describe, expect, test, vi } from 'vitest';
import { APIConnectionTimeoutError, APIResponseError, APIUserAbortError } from '../src/index.js';
import { RateLimiter } from '../src/core/rate-limiter.js';
import { entity, fetchClient, json, send } from './helpers.js';
import { hardening } from './hardening.js';
// The defects of the adversarial review (issue 13), each against a real socket where it can be.
const { server, client } = hardening();

describe('3. waiting on the rate limiter is bounded', () => {
  test('a far-future reset fails the next call at once instead of waiting 60 s', async () => {
    const s = await server((_, res) =>
      send(res, 200, entity(), {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      }),
    );
    // 5 s: long enough for a loaded machine's first call, far shorter than the hour-long pause.
    const c = client(s.url, { rateLimit: true, timeout: 5000 });
    await c.widget.retrieve('wid_1');
    const started = Date.now();
    const error = await c.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toMatch(
      /Read rate limit is paused for \d+ ms, longer than the 5000 ms timeout/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(s.seen).toHaveLength(1);
  });

  test('a queued call fails when its turn does not come within its timeout', async () => {
    const { client: c, requests } = fetchClient(() => json(entity()), {
      rateLimit: { requestsPerSecond: 1 },
      timeout: 200,
    });
    const started = Date.now();
    const [first, second] = await Promise.allSettled([
      c.widget.retrieve('wid_1'),
      c.widget.retrieve('wid_1'),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    expect((second as PromiseRejectedResult).reason).toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(900);
    expect(requests).toHaveLength(1);
  });

  test('a pause is abortable', async () => {
    const limiter = new RateLimiter({ Read: 25 });
    limiter.observe(
      'Read',
      new Headers({ 'x-ratelimit-remaining': '0', 'retry-after': '30' }),
      Date.now(),
      429,
    );
    const controller = new AbortController();
    const wait = limiter.acquire('Read', controller.signal, Date.now(), 60_000);
    setTimeout(() => controller.abort(), 20);
    await expect(wait).rejects.toBeInstanceOf(APIUserAbortError);
  });

  // Whole seconds, as HTTP dates are, and on the real clock: a waiter's timers run on it.
  const now = Math.floor(Date.now() / 1000) * 1000;
  const http = (ms: number) => new Date(ms).toUTCString();
  test.each([
    [
      'Reset, on a server clock an hour ahead',
      {
        status: 200,
        headers: {
          date: http(now + 3_600_000),
          'x-ratelimit-reset': String((now + 3_600_000) / 1000 + 2),
        },
        want: 2000,
      },
    ],
    [
      'Reset, on a server clock an hour behind',
      {
        status: 200,
        headers: {
          date: http(now - 3_600_000),
          'x-ratelimit-reset': String((now - 3_600_000) / 1000 + 2),
        },
        want: 2000,
      },
    ],
    [
      'Retry-After in seconds on a 429',
      {
        status: 429,
        headers: { date: http(now + 3_600_000), 'retry-after': '3', 'x-ratelimit-reset': '1' },
        want: 3000,
      },
    ],
    [
      'Retry-After as a date on a 429, on a server clock an hour ahead',
      {
        status: 429,
        headers: { date: http(now + 3_600_000), 'retry-after': http(now + 3_604_000) },
        want: 4000,
      },
    ],
    [
      'a reset beyond 60 s',
      { status: 200, headers: { 'x-ratelimit-reset': String(now / 1000 + 600) }, want: 60_000 },
    ],
  ])('the pause comes from %s', async (_, { status, headers, want }) => {
    const limiter = new RateLimiter({ Read: 25 });
    const paused = limiter.observe(
      'Read',
      new Headers({ 'x-ratelimit-remaining': '0', ...headers }),
      now,
      status,
    );
    expect(paused).toBe(want);
    // Abort the waiter once seen, so no timer outlives the test.
    const controller = new AbortController();
    const waiting = limiter.acquire('Read', controller.signal, now + want - 1);
    expect(waiting).toBeInstanceOf(Promise);
    controller.abort();
    await expect(waiting).rejects.toThrow(APIUserAbortError);
    const after = new RateLimiter({ Read: 25 });
    after.observe('Read', new Headers({ 'x-ratelimit-remaining': '0', ...headers }), now, status);
    expect(after.acquire('Read', undefined, now + want)).toBeUndefined();
  });
});

describe('4. responses have a size cap', () => {
  function endless(res: ServerResponse, state: { written: number; closed: boolean }) {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"id":"');
    res.on('close', () => (state.closed = true));
    const pump = () => {
      while (!state.closed) {
        state.written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    pump();
  }

  test('an endless 200 body stops being read past maxResponseBytes, and is not retried', async () => {
    const state = { written: 0, closed: false };
    const s = await server((_, res) => endless(res, state));
    const error = await client(s.url, { maxResponseBytes: 1024 * 1024, maxRetries: 2 })
      .widget.retrieve('wid_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIResponseError);
    expect((error as Error).message).toMatch(/passed the 1048576-byte limit \(maxResponseBytes\)/);
    await vi.waitFor(() => expect(state.closed).toBe(true));
    // What the socket buffers held when the client let go, not the body: it never ends.
    expect(state.written).toBeLessThan(32 * 1024 * 1024);
    expect(s.seen).toHaveLength(1);
  });

  test('a gzip body is counted after decoding', async () => {
    const { gzipSync } = await import('node:zlib');
    const bomb = gzipSync(JSON.stringify({ ...entity(), pad: ' '.repeat(8 * 1024 * 1024) }));
    const s = await server((_, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(bomb.length),
      });
      res.end(bomb);
    });
    const error = await client(s.url, { maxResponseBytes: 1024 * 1024 })
      .widget.retrieve('wid_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIResponseError);
    expect((error as Error).message).toMatch(/passed the 1048576-byte limit/);
    expect(s.seen).toHaveLength(1);
  });

  test.each([
    ['a 200', 200, APIResponseError],
    ['an error status', 503, APIResponseError],
  ])(
    '%s declaring a Content-Length over the default 32 MiB is refused before reading',
    async (_, status, Class) => {
      const s = await server((__, res) => {
        res.writeHead(status, {
          'content-type': 'application/json',
          'content-length': String(33 * 1024 * 1024),
        });
        res.write('{');
      });
      const error = await client(s.url, { maxRetries: 2 })
        .widget.retrieve('wid_1')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Class);
      expect((error as Error).message).toMatch(
        /declares 34603008 bytes, over the 33554432-byte limit/,
      );
      expect(s.seen).toHaveLength(1);
    },
  );

  test('a body within the limit is read whole', async () => {
    const s = await server((_, res) => send(res, 200, entity('wid_1', 'x'.repeat(50_000))));
    const widget = await client(s.url, { maxResponseBytes: 60_000 }).widget.retrieve('wid_1');
    expect(widget.id).toBe('wid_1');
  });
});
