import { describe, expect, test, vi } from 'vitest';
import { RateLimiter } from '../src/core/rate-limiter.js';
import { APIUserAbortError, RateLimitError } from '../src/index.js';
import { API_KEY, entity, fetchClient, json, loopback, send } from './helpers.js';
import { WidgetClient } from './widget/client.js';

describe('RateLimiter', () => {
  test('lets a burst of `limit` through, then spaces the rest by the window', () => {
    const limiter = new RateLimiter({ Read: 3 });
    const t = 1_000_000;
    expect([0, 1, 2].map(() => limiter.acquire('Read', undefined, t))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const fourth = limiter.acquire('Read', undefined, t);
    expect(fourth).toBeInstanceOf(Promise);
    // A category's requests never exceed `limit` in any window; other categories are independent.
    expect(limiter.acquire('Write', undefined, t)).toBeUndefined();
    expect(limiter.acquire(undefined, undefined, t)).toBeUndefined();
  });

  test.each([
    ['0.5 per second: one call per 2 windows', { limit: 0.5, next: 2040 }],
    ['1.5 per second: two calls per 4/3 windows', { limit: 1.5, next: 1360 }],
  ])('a limit of %s', async (_, { limit, next }) => {
    const limiter = new RateLimiter({ Read: limit });
    const t = 1_000_000;
    const calls = Math.ceil(limit);
    for (let i = 0; i < calls; i++) expect(limiter.acquire('Read', undefined, t)).toBeUndefined();
    // An aborted signal makes a call that would wait fail at once, leaving no waiter behind.
    const early = limiter.acquire('Read', AbortSignal.abort(), t + next - 1);
    await expect(early).rejects.toBeInstanceOf(APIUserAbortError);
    expect(limiter.acquire('Read', undefined, t + next)).toBeUndefined();
  });

  test('300 calls at once: never more than `limit` start in any window', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = new RateLimiter({ Search: 25 });
    const starts: number[] = [];
    const calls = Array.from({ length: 300 }, () =>
      (limiter.acquire('Search') ?? Promise.resolve()).then(() => starts.push(Date.now())),
    );
    await vi.advanceTimersByTimeAsync(20_000);
    await Promise.all(calls);
    vi.useRealTimers();
    starts.sort((a, b) => a - b);
    expect(starts).toHaveLength(300);
    for (let i = 25; i < starts.length; i++)
      expect(starts[i]! - starts[i - 25]!).toBeGreaterThanOrEqual(1000);
    // …and it uses the budget: 12 windows for 300 calls.
    expect(starts.at(-1)).toBeLessThanOrEqual(11 * 1020);
  });

  test('pauses a category when the server reports none remaining', async () => {
    const limiter = new RateLimiter({ Read: 25 });
    const now = 2_000_000;
    limiter.observe(
      'Read',
      new Headers({
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String((now + 3000) / 1000),
      }),
      now,
    );
    const wait = limiter.acquire('Read', AbortSignal.abort(), now);
    expect(wait).toBeInstanceOf(Promise);
    await expect(wait).rejects.toThrow(/aborted/);
    limiter.observe('Write', new Headers({ 'x-ratelimit-remaining': '3' }), now);
    expect(limiter.acquire('Write', undefined, now)).toBeUndefined();
  });
});

test('the client throttles by the spec category limits', async () => {
  const { client, requests } = fetchClient(() => json(entity()), {
    rateLimit: { requestsPerSecond: 2 },
  });
  const started = Date.now();
  await Promise.all([1, 2, 3].map(() => client.widget.retrieve('wid_1')));
  expect(requests).toHaveLength(3);
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
});

test('a limit far above the call rate never throttles and keeps a bounded log', () => {
  const limiter = new RateLimiter({ Read: 1e9 });
  const t = 3_000_000;
  for (let i = 0; i < 50_000; i++)
    expect(limiter.acquire('Read', undefined, t + i / 1000)).toBeUndefined();
});

describe("a 429 in one test and the next call (a test's client)", () => {
  test.each([
    ['by default, the next call waits out the pause', { rateLimit: undefined, waits: true }],
    ['with `rateLimit: false`, the next call goes at once', { rateLimit: false, waits: false }],
  ])('%s', async (_, t) => {
    const server = await loopback((_req, res, n) =>
      n === 1
        ? send(res, 429, { error: { type: 'too_many_requests', message: 'slow down' } })
        : send(res, 200, { object: 'list', data: [], totalCount: 0 }),
    );
    const warnings: string[] = [];
    const client = new WidgetClient({
      apiKey: API_KEY,
      baseUrl: server.url,
      maxRetries: 0,
      logger: { debug: () => {}, info: () => {}, warn: (m) => warnings.push(m), error: () => {} },
      ...(t.rateLimit === undefined ? {} : { rateLimit: t.rateLimit }),
    });
    try {
      await expect(client.widget.list()).rejects.toBeInstanceOf(RateLimitError);
      const started = Date.now();
      await client.widget.list();
      const waited = Date.now() - started;
      if (t.waits) {
        expect(waited).toBeGreaterThanOrEqual(900);
        // The warning says what pauses the call and how a test turns it off.
        expect(warnings).toEqual([
          expect.stringMatching(/^Search requests paused for \d+ ms .*`rateLimit: false`/),
        ]);
      } else {
        expect(waited).toBeLessThan(500);
        expect(warnings).toEqual([]);
      }
    } finally {
      await server.close();
    }
  });
});
