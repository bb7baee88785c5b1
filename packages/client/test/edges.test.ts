import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BadRequestError,
  LightfieldError,
  RedirectError,
} from '../src/index.js';
import { RateLimiter } from '../src/core/rate-limiter.js';
import { API_KEY, entity, fetchClient, json, loopback } from './helpers.js';
import { WidgetClient } from './widget/client.js';

// The edges of the hardening (issue 13): boundaries and branches the mutation run showed no other
// test pins.
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  vi.unstubAllGlobals();
});

async function server(handler: Parameters<typeof loopback>[0]) {
  const s = await loopback(handler);
  closers.push(s.close);
  return s;
}

describe('API keys and headers', () => {
  test.each([
    ['CR', `${API_KEY}\r`, 'CR or LF'],
    ['a space', `${API_KEY} x`, 'whitespace'],
    ['a tab', `${API_KEY}\t`, 'whitespace'],
    ['NUL', `${API_KEY}\0`, 'a control or non-ASCII character'],
    ['é', `${API_KEY}é`, 'a control or non-ASCII character'],
  ])('a key with %s names what is wrong', (_, apiKey, what) => {
    expect(() => new WidgetClient({ apiKey })).toThrow(
      `The API key contains ${what}, which an HTTP header can't carry; check how it was read.`,
    );
  });

  test('a header name with CR or LF is named without them', async () => {
    const { client, requests } = fetchClient(() => json(entity()));
    await expect(client.widget.retrieve('wid_1', { headers: { 'X-A\r\nB': 'v' } })).rejects.toThrow(
      'request header "X-A  B" contains CR or LF, which could inject headers',
    );
    expect(requests).toHaveLength(0);
  });

  test('a fetch failure that quotes the key is redacted', async () => {
    const { client } = fetchClient(
      () => {
        throw new Error(`proxy refused Bearer ${API_KEY}`);
      },
      { maxRetries: 0 },
    );
    const error = await client.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe(
      'Connection error: GET http://api.test/v1/widgets/wid_1 failed (proxy refused Bearer [redacted])',
    );
  });
});

describe('redaction of error bodies', () => {
  test.each([
    [
      'a whole value equal to a short key',
      { apiKey: 'test', message: 'test', want: '400 [redacted]' },
    ],
    [
      'a lower-case bearer',
      { apiKey: 'test', message: 'bearer  test!', want: '400 bearer  [redacted]!' },
    ],
    [
      'a longer word after Bearer',
      { apiKey: 'test', message: 'Bearer tester', want: '400 Bearer tester' },
    ],
    ['a key in a word', { apiKey: 'test', message: 'attest "tests"', want: '400 attest "tests"' }],
  ])('%s', async (_, { apiKey, message, want }) => {
    const { client } = fetchClient(() => json({ error: { type: 't', message } }, 400), { apiKey });
    await expect(client.widget.retrieve('wid_1')).rejects.toMatchObject({ message: want });
  });

  test('every string of the body is redacted, keys and array items included', async () => {
    const body = {
      error: { type: 'invalid_request', code: 'bad', param: 'fields.x', message: 'no' },
      echo: { [API_KEY]: ['x', `Bearer ${API_KEY}`, 1, null, true] },
    };
    const { client } = fetchClient(() => json(body, 400));
    const error = (await client.widget.retrieve('wid_1').catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.body).toEqual({
      error: body.error,
      echo: { '[redacted]': ['x', 'Bearer [redacted]', 1, null, true] },
    });
  });
});

describe('errors', () => {
  test('a redirect without Location says so, and JSON shows where it pointed', () => {
    const bare = new RedirectError(302, '', new Headers());
    expect(bare.message).toBe(
      '302 redirect to (no Location), which the client does not follow; check baseUrl.',
    );
    const to = APIError.generate(301, '', new Headers({ location: 'https://elsewhere.test/' }));
    expect(to).toBeInstanceOf(RedirectError);
    expect(JSON.parse(JSON.stringify(to))).toMatchObject({
      name: 'RedirectError',
      status: 301,
      location: 'https://elsewhere.test/',
    });
  });

  test.each([
    [405, APIError],
    [418, APIError],
    [300, RedirectError],
    [399, RedirectError],
  ])('status %i is a %o', (status, Class) => {
    const error = APIError.generate(status, '', new Headers());
    expect(error.constructor).toBe(Class);
  });
});

describe('options', () => {
  test.each([
    ['maxResponseBytes -1', { maxResponseBytes: -1 }, /`maxResponseBytes` must be a finite number/],
    ['rateLimit null', { rateLimit: null }, /`rateLimit` must be true, false or/],
    ['a baseUrl with a fragment', { baseUrl: 'https://x.test/#a' }, /without query or fragment/],
  ])('%s fails', (_, options, message) => {
    expect(() => new WidgetClient({ apiKey: API_KEY, ...(options as object) })).toThrow(message);
  });
});

describe('the size cap, at its boundary', () => {
  test.each([
    ['declared and streamed', true],
    ['streamed only', false],
  ])('a body of exactly maxResponseBytes is read (%s)', async (_, declared) => {
    const text = JSON.stringify(entity());
    const s = await server((__, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(declared ? { 'content-length': String(Buffer.byteLength(text)) } : {}),
      });
      res.end(text);
    });
    const client = new WidgetClient({
      apiKey: API_KEY,
      baseUrl: s.url,
      rateLimit: false,
      logLevel: 'off',
      maxResponseBytes: Buffer.byteLength(text),
    });
    expect(await client.widget.retrieve('wid_1')).toEqual(entity());
  });

  test('a declared length over the limit closes the connection without reading', async () => {
    let closed = false;
    const s = await server((_, res) => {
      res.on('close', () => (closed = true));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('{');
    });
    const client = new WidgetClient({
      apiKey: API_KEY,
      baseUrl: s.url,
      rateLimit: false,
      logLevel: 'off',
      maxResponseBytes: 4999,
    });
    await expect(client.widget.retrieve('wid_1')).rejects.toThrow(/declares 5000 bytes/);
    await vi.waitFor(() => expect(closed).toBe(true));
  });

  test('a character split across chunks is decoded whole', async () => {
    const bytes = Buffer.from(JSON.stringify(entity('wid_1', 'Café 🚀 Zürich')));
    const cut = bytes.indexOf(0xf0) + 2; // inside the 4-byte rocket
    const s = await server((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(bytes.subarray(0, cut));
      setTimeout(() => res.end(bytes.subarray(cut)), 30);
    });
    const client = new WidgetClient({ apiKey: API_KEY, baseUrl: s.url, rateLimit: false });
    const widget = await client.widget.retrieve('wid_1');
    expect(widget.fields['$name']).toEqual({ value: 'Café 🚀 Zürich', valueType: 'TEXT' });
  });
});

describe('the rate limiter', () => {
  const now = 7_000_000_000_000;
  const pause = (headers: Record<string, string>, status = 200) =>
    new RateLimiter({ Read: 25 }).observe('Read', new Headers(headers), now, status);

  test.each([
    ['a 429 without X-RateLimit-Remaining', { 'retry-after': '2' }, 429, 2000],
    ['Remaining 0 without a reset', { 'x-ratelimit-remaining': '0' }, 200, 1020],
    [
      'a reset in the past',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 - 5) },
      200,
      1020,
    ],
    [
      'a Retry-After date in the past, then the reset',
      {
        'retry-after': new Date(now - 5000).toUTCString(),
        'x-ratelimit-reset': String(now / 1000 + 3),
      },
      429,
      3000,
    ],
    ['an empty Retry-After', { 'retry-after': ' ', 'x-ratelimit-reset': ' ' }, 429, 1020],
    ['Retry-After on a 200', { 'x-ratelimit-remaining': '1', 'retry-after': '5' }, 200, undefined],
  ])('%s', (_, headers, status, want) => {
    expect(pause(headers, status)).toBe(want);
  });

  test('only a longer pause replaces the current one', () => {
    const limiter = new RateLimiter({ Read: 25 });
    const h = (s: string) => new Headers({ 'retry-after': s });
    expect(limiter.observe('Read', h('3'), now, 429)).toBe(3000);
    expect(limiter.observe('Read', h('1'), now, 429)).toBeUndefined();
    expect(limiter.observe('Read', h('3'), now, 429)).toBeUndefined();
    expect(limiter.observe('Read', h('4'), now, 429)).toBe(4000);
    expect(limiter.observe('Other', h('4'), now, 429)).toBeUndefined();
  });

  test('a pause exactly as long as the timeout waits instead of failing', async () => {
    const limiter = new RateLimiter({ Read: 25 });
    const t = Date.now();
    limiter.observe('Read', new Headers({ 'retry-after': '2' }), t, 429);
    const controller = new AbortController();
    const wait = limiter.acquire('Read', controller.signal, t, 2000);
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(wait).rejects.toBeInstanceOf(APIUserAbortError);
  });

  test('a queued call that runs out of time says so', async () => {
    const limiter = new RateLimiter({ Read: 1 });
    expect(limiter.acquire('Read', undefined, Date.now(), 50)).toBeUndefined();
    await expect(limiter.acquire('Read', undefined, Date.now(), 50)).rejects.toThrow(
      new APIConnectionTimeoutError('Waited 50 ms (the timeout) for the Read rate limit.'),
    );
  });

  test('a waiter that gives up leaves the others in the queue', async () => {
    const limiter = new RateLimiter({ Read: 1 });
    void limiter.acquire('Read'); // holds the one slot for the rest of the test
    const started = Date.now();
    const quick = limiter.acquire('Read', undefined, Date.now(), 30);
    const patient = limiter.acquire('Read', undefined, Date.now(), 5000);
    await expect(quick).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    await patient;
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

test('a browser is a window with a document', () => {
  vi.stubGlobal('window', {});
  expect(new WidgetClient({ apiKey: API_KEY })).toBeInstanceOf(WidgetClient);
  vi.stubGlobal('document', {});
  expect(() => new WidgetClient({ apiKey: API_KEY })).toThrow(LightfieldError);
  vi.stubGlobal('window', undefined);
  expect(new WidgetClient({ apiKey: API_KEY })).toBeInstanceOf(WidgetClient);
});

test('in a browser, an error other than a TypeError is retried as usual', async () => {
  vi.stubGlobal('window', {});
  vi.stubGlobal('document', {});
  const { client, requests } = fetchClient(
    () => {
      throw new Error('socket hang up');
    },
    { dangerouslyAllowBrowser: true, maxRetries: 1 },
  );
  vi.spyOn(Math, 'random').mockReturnValue(1);
  const error = await client.widget.retrieve('wid_1').catch((e: unknown) => e);
  expect((error as Error).message).toBe(
    'Connection error: GET http://api.test/v1/widgets/wid_1 failed (socket hang up)',
  );
  expect(requests).toHaveLength(2);
  vi.restoreAllMocks();
});
