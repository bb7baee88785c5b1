import type { ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIResponseError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  LightfieldError,
  NotFoundError,
  RedirectError,
  type ClientOptions,
  type RequestOptions,
} from '../src/index.js';
import { RateLimiter } from '../src/core/rate-limiter.js';
import { BaseClient } from '../src/internal/base-client.js';
import { request } from '../src/internal/request.js';
import type { OperationInfo } from '../src/internal/operation.js';
import { API_KEY, entity, fetchClient, json, loopback, send } from './helpers.js';
import { WidgetClient, widgetRaw } from './widget/client.js';

// The defects of the adversarial review (issue 13), each against a real socket where it can be.
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function server(handler: Parameters<typeof loopback>[0]) {
  const s = await loopback(handler);
  closers.push(s.close);
  return s;
}

function client(baseUrl: string, options: ClientOptions = {}): WidgetClient {
  return new WidgetClient({
    apiKey: API_KEY,
    baseUrl,
    logLevel: 'off',
    rateLimit: false,
    ...options,
  });
}

/** Every way an error can be shown. */
function views(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    e.stack ?? '',
    JSON.stringify(e),
    inspect(e, { depth: 10, showHidden: true }),
    String(e),
  ];
}

function expectNoKey(texts: string[], key = API_KEY): void {
  for (const text of texts) expect(text).not.toContain(key);
}

const update = { fields: { weight: 5 } };

describe('1. redirects', () => {
  test.each([301, 302, 303, 307, 308])(
    'a %i on update rejects with RedirectError; nothing reaches the other origin',
    async (status) => {
      const other = await server((_, res) => send(res, 200, entity('wid_1', 'Not updated')));
      const location = `${other.url}/v1/widgets/opp_1`;
      const origin = await server((_, res) => {
        // x-should-retry would make any other status retried.
        res.writeHead(status, { location, 'x-should-retry': 'true', 'retry-after-ms': '1' });
        res.end();
      });
      const error = await client(origin.url, { maxRetries: 2 })
        .widget.update('wid_1', update)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ status, location });
      expect((error as Error).message).toContain(`${status} redirect to ${location}`);
      expect(origin.seen).toHaveLength(1);
      expect(other.seen).toHaveLength(0);
    },
  );

  test('a redirect on a read is refused too, and the raw client follows none', async () => {
    const other = await server((_, res) => send(res, 200, entity()));
    const origin = await server((_, res) => {
      res.writeHead(302, { location: `${other.url}/v1/widgets/opp_1` });
      res.end();
    });
    const c = client(origin.url);
    await expect(c.widget.retrieve('wid_1')).rejects.toBeInstanceOf(RedirectError);
    const raw = await widgetRaw(c).GET('/v1/widgets/{id}', {
      params: { path: { id: 'wid_1' }, header: { 'Api-Version': '2025-06-01' } },
    });
    expect(raw.response.status).toBe(302);
    expect(origin.seen).toHaveLength(2);
    expect(other.seen).toHaveLength(0);
  });

  test("a browser's opaque redirect is a RedirectError without status or Location", async () => {
    const opaque = new Response(null, { status: 200 });
    Object.defineProperties(opaque, {
      type: { value: 'opaqueredirect' },
      status: { value: 0 },
      ok: { value: false },
    });
    const { client: c, requests } = fetchClient(() => opaque, { maxRetries: 2 });
    const error = await c.widget.update('wid_1', update).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 0, location: undefined });
    expect((error as Error).message).toMatch(/redirect/);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.redirect).toBe('manual');
  });
});

describe('2. the API key never leaks', () => {
  test.each([
    ['NUL', `${API_KEY}\0`],
    ['a trailing newline', `${API_KEY}\n`],
    ['a tab', `${API_KEY}\tx`],
    ['a space', `${API_KEY} x`],
    ['DEL', `${API_KEY}\x7f`],
    ['a Latin-1 letter', `${API_KEY}é`],
    ['a character above U+00FF', `${API_KEY}€`],
    ['a line separator', `${API_KEY}\u2028`],
  ])('(a) a key with %s is refused at construction, without the key', (_, apiKey) => {
    const lines: unknown[] = [];
    const log = (...args: unknown[]) => lines.push(...args);
    const error = (() => {
      try {
        return new WidgetClient({
          apiKey,
          logger: { debug: log, info: log, warn: log, error: log },
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LightfieldError);
    expect((error as Error).message).toMatch(/API key contains .* HTTP header can't carry/);
    expectNoKey(views(error));
    expect(lines).toEqual([]);
  });

  test.each([
    ['NUL', 'a\0b'],
    ['a character above U+00FF', 'a€'],
  ])(
    '(a) at debug level a header value with %s is a LightfieldError before sending',
    async (_, value) => {
      const lines: string[] = [];
      const log = (...args: unknown[]) => lines.push(inspect(args, { depth: 8 }));
      const { client: c, requests } = fetchClient(() => json(entity()), {
        logLevel: 'debug',
        logger: { debug: log, info: log, warn: log, error: log },
      });
      const error = await c.widget
        .retrieve('wid_1', { headers: { 'X-Trace': value } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LightfieldError);
      expect(error).not.toBeInstanceOf(APIConnectionError);
      expectNoKey([...views(error), ...lines]);
      expect(requests).toHaveLength(0);
    },
  );

  test('(b) response headers on errors are redacted when inspected or serialized', async () => {
    const s = await server((req, res) =>
      send(
        res,
        401,
        { error: { type: 'unauthorized', message: 'bad key' } },
        {
          authorization: String(req.headers.authorization),
          'x-echo': `token=${String(req.headers.authorization)}`,
          'set-cookie': `session=${API_KEY}`,
          'x-request-id': 'req_1',
        },
      ),
    );
    const error = (await client(s.url)
      .widget.retrieve('wid_1')
      .catch((e: unknown) => e)) as NotFoundError;
    expect(error.status).toBe(401);
    expectNoKey([...views(error), inspect(error.headers), JSON.stringify([...error.headers])]);
    expect(error.headers.get('authorization')).toBe('[redacted]');
    expect(error.headers.get('x-echo')).toBe('token=Bearer [redacted]');
    expect(error.headers.get('x-request-id')).toBe('req_1');
  });

  const body = (fields: Record<string, string>) => ({
    error: { type: 'invalid_request', ...fields },
  });
  test.each([
    [
      "a key 'test' inside a param",
      {
        apiKey: 'test',
        given: body({ code: 'unknown_field', param: 'fields.faketest', message: 'Unknown field' }),
        want: { code: 'unknown_field', param: 'fields.faketest', type: 'invalid_request' },
      },
    ],
    [
      "a key 'k' inside every word",
      {
        apiKey: 'k',
        given: body({ code: 'unknown_field', param: 'fields.kind', message: 'Unknown key kind' }),
        want: { code: 'unknown_field', param: 'fields.kind', message: '400 Unknown key kind' },
      },
    ],
    [
      "a key 'test' as a Bearer token and a quoted value",
      {
        apiKey: 'test',
        given: body({ code: 'bad_key', message: 'Bearer test is not "test"-like or \'test\'' }),
        want: {
          code: 'bad_key',
          message: '400 Bearer [redacted] is not "[redacted]"-like or \'[redacted]\'',
        },
      },
    ],
    [
      'a long key anywhere',
      {
        apiKey: API_KEY,
        given: body({ code: 'bad_key', message: `key=${API_KEY}x` }),
        want: { code: 'bad_key', message: '400 key=[redacted]x' },
      },
    ],
  ])(
    '(c) redaction with %s keeps code, type and param intact',
    async (_, { apiKey, given, want }) => {
      const { client: c } = fetchClient(() => json(given, 400), { apiKey });
      const error = await c.widget.retrieve('wid_1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject(want);
    },
  );
});

describe('3. waiting on the rate limiter is bounded', () => {
  test('a far-future reset fails the next call at once instead of waiting 60 s', async () => {
    const s = await server((_, res) =>
      send(res, 200, entity(), {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      }),
    );
    const c = client(s.url, { rateLimit: true, timeout: 1000 });
    await c.widget.retrieve('wid_1');
    const started = Date.now();
    const error = await c.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toMatch(
      /Read rate limit is paused for \d+ ms, longer than the 1000 ms timeout/,
    );
    expect(Date.now() - started).toBeLessThan(1000);
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

describe('5. options are checked at construction', () => {
  test.each([
    ['timeout -1', { timeout: -1 }, /`timeout` must be a finite number from 0/],
    ['timeout NaN', { timeout: NaN }, /`timeout` must be/],
    ['timeout Infinity', { timeout: Infinity }, /`timeout` must be/],
    ['timeout beyond setTimeout', { timeout: 2 ** 31 }, /`timeout` must be/],
    ['timeout as a string', { timeout: '100' as unknown as number }, /`timeout` must be/],
    ['maxRetries -1', { maxRetries: -1 }, /`maxRetries` must be a finite number/],
    ['maxRetries 1.5', { maxRetries: 1.5 }, /`maxRetries` must be an integer/],
    ['maxRetries Infinity', { maxRetries: Infinity }, /`maxRetries` must be/],
    ['maxResponseBytes 0', { maxResponseBytes: 0 }, /`maxResponseBytes` must be above 0/],
    [
      'baseUrl without a scheme',
      { baseUrl: 'api.lightfield.app' },
      /`baseUrl` must be an http or https URL/,
    ],
    ['baseUrl ftp', { baseUrl: 'ftp://api.lightfield.app' }, /`baseUrl` must be an http/],
    ['baseUrl with a query', { baseUrl: 'https://api.lightfield.app/?x=1' }, /without query/],
    ['timeOut', { timeOut: 5 }, /Unknown client option `timeOut`; did you mean `timeout`\?/],
    ['maxretries', { maxretries: 5 }, /did you mean `maxRetries`\?/],
    ['baseURL', { baseURL: 'https://x.test' }, /did you mean `baseUrl`\?/],
    ['maxRetires', { maxRetires: 1 }, /did you mean `maxRetries`\?/],
    ['APIKEY', { APIKEY: 'x' }, /did you mean `apiKey`\?/],
    [
      'something unrelated',
      { colour: 'red' },
      /Unknown client option `colour`; known options: apiKey, /,
    ],
    [
      'logLevel verbose',
      { logLevel: 'verbose' },
      /`logLevel` must be off, error, warn, info or debug/,
    ],
    ['rateLimit 10', { rateLimit: 10 }, /`rateLimit` must be true, false or/],
    [
      'requestPerSecond',
      { rateLimit: { requestPerSecond: 5 } },
      /did you mean `requestsPerSecond`\?/,
    ],
    ['requestsPerSecond 0', { rateLimit: { requestsPerSecond: 0 } }, /must be above 0/],
    ['requestsPerSecond -1', { rateLimit: { requestsPerSecond: -1 } }, /must be a finite number/],
    ['an apiKey that is not a string', { apiKey: 42 }, /`apiKey` must be a string/],
    [
      'a default header name with a space',
      { defaultHeaders: { 'X A': '1' } },
      /header name "X A" is invalid/,
    ],
  ])('%s fails', (_, options, message) => {
    const make = () => new WidgetClient({ apiKey: API_KEY, ...(options as ClientOptions) });
    expect(make).toThrow(LightfieldError);
    expect(make).toThrow(message);
  });

  test('a bad LIGHTFIELD_BASE_URL fails at construction too', () => {
    vi.stubEnv('LIGHTFIELD_BASE_URL', 'localhost:4010');
    expect(() => new WidgetClient({ apiKey: API_KEY })).toThrow(/`baseUrl` must be an http/);
  });

  test('valid edge values are accepted', () => {
    const c = new WidgetClient({
      apiKey: API_KEY,
      timeout: 0,
      maxRetries: 0,
      baseUrl: 'http://127.0.0.1:4010/',
    });
    expect(c).toMatchObject({ timeout: 0, maxRetries: 0, baseUrl: 'http://127.0.0.1:4010' });
    const high = { timeout: 2 ** 31 - 1, maxRetries: Number.MAX_SAFE_INTEGER, maxResponseBytes: 1 };
    expect(new WidgetClient({ apiKey: API_KEY, ...high })).toMatchObject({
      timeout: high.timeout,
      maxRetries: high.maxRetries,
    });
  });

  test.each([
    ['timeout -1', { timeout: -1 }, /`timeout` must be/],
    ['maxRetries NaN', { maxRetries: NaN }, /`maxRetries` must be/],
    ['timout', { timout: 5 }, /Unknown request option `timout`; did you mean `timeout`\?/],
  ])('per call, %s fails before sending', async (_, options, message) => {
    const { client: c, requests } = fetchClient(() => json(entity()));
    await expect(c.widget.retrieve('wid_1', options as RequestOptions)).rejects.toThrow(message);
    expect(requests).toHaveLength(0);
  });
});

describe('6. logging at the default level', () => {
  function logged(options: ClientOptions = {}) {
    vi.stubEnv('LIGHTFIELD_LOG', '');
    const lines: [string, string][] = [];
    const at = (level: string) => (message: string) => lines.push([level, message]);
    const logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
    return { lines, options: { logger, logLevel: undefined, ...options } };
  }

  test('an error the caller receives is not logged', async () => {
    const { lines, options } = logged();
    const { client: c } = fetchClient(
      () => json({ error: { type: 'not_found', message: 'No such widget' } }, 404),
      options,
    );
    await expect(c.widget.retrieve('wid_1')).rejects.toBeInstanceOf(NotFoundError);
    const { client: down } = fetchClient(
      () => {
        throw new TypeError('fetch failed');
      },
      { ...options, maxRetries: 0 },
    );
    await expect(down.widget.retrieve('wid_1')).rejects.toBeInstanceOf(APIConnectionError);
    expect(lines).toEqual([]);
  });

  test('a retry the caller cannot see is a warning; at debug the final error is logged', async () => {
    const { lines, options } = logged();
    const { client: c } = fetchClient(
      () =>
        json({ error: { type: 'unavailable', message: 'busy' } }, 503, { 'retry-after-ms': '1' }),
      { ...options, maxRetries: 1 },
    );
    await expect(c.widget.retrieve('wid_1')).rejects.toBeInstanceOf(InternalServerError);
    expect(lines).toEqual([
      ['warn', expect.stringMatching(/^widget.retrieve: retrying in 1 ms \(503 busy\)/)],
    ]);
    const debug = logged({ logLevel: 'debug', maxRetries: 0 });
    const { client: d } = fetchClient(
      () => json({ error: { type: 'not_found', message: 'gone' } }, 404),
      debug.options,
    );
    await expect(d.widget.retrieve('wid_1')).rejects.toBeInstanceOf(NotFoundError);
    expect(debug.lines).toContainEqual(['debug', 'widget.retrieve failed: 404 gone']);
  });

  test('a rate-limit pause from the server is a warning', async () => {
    const { lines, options } = logged({ rateLimit: true });
    const { client: c } = fetchClient(
      () => json(entity(), 200, { 'x-ratelimit-remaining': '0', 'retry-after': '1' }),
      options,
    );
    await c.widget.retrieve('wid_1');
    expect(lines).toEqual([
      ['warn', expect.stringMatching(/^Read requests paused for \d+ ms by the rate limit/)],
    ]);
  });
});

describe('the client in a browser', () => {
  function browser() {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
  }

  test('the constructor refuses a key without dangerouslyAllowBrowser, naming the option', () => {
    browser();
    const make = () => new WidgetClient({ apiKey: API_KEY, baseUrl: 'http://api.test' });
    expect(make).toThrow(LightfieldError);
    expect(make).toThrow(/browser.*`dangerouslyAllowBrowser: true`/);
    try {
      make();
    } catch (e) {
      expectNoKey(views(e));
    }
    expect(new WidgetClient({ apiKey: API_KEY, dangerouslyAllowBrowser: true })).toBeInstanceOf(
      WidgetClient,
    );
  });

  test('a fetch TypeError is reported as a possible CORS or network failure, not retried', async () => {
    browser();
    const { client: c, requests } = fetchClient(
      () => {
        throw new TypeError('Failed to fetch');
      },
      { dangerouslyAllowBrowser: true, maxRetries: 2 },
    );
    const error = await c.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(
      /^Connection error: GET \S+ failed \(Failed to fetch\)\. In a browser this is usually a CORS rejection .* or a network failure; it is not retried\.$/,
    );
    expect(requests).toHaveLength(1);
  });

  test('outside a browser the same failure is retried', async () => {
    const { client: c, requests } = fetchClient(
      () => {
        throw new TypeError('fetch failed');
      },
      { maxRetries: 1 },
    );
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const error = await c.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect((error as Error).message).not.toMatch(/CORS/);
    expect(requests).toHaveLength(2);
  });
});

describe('11. a POST without an Idempotency-Key is never retried', () => {
  class Probe extends BaseClient {
    call(op: OperationInfo) {
      return request(this, op, {});
    }
  }
  const post: OperationInfo = { id: 'thing.run', method: 'POST', path: '/v1/things/run' };

  test.each([
    ['without a key it is sent once', { op: post, want: 1 }],
    ['with a key it is retried', { op: { ...post, idempotencyKeyMaxLength: 255 }, want: 3 }],
  ])('a 503 that asks for a retry: %s', async (_, { op, want }) => {
    const s = await server((__, res) =>
      send(
        res,
        503,
        { error: { type: 'x', message: 'busy' } },
        { 'x-should-retry': 'true', 'retry-after-ms': '1' },
      ),
    );
    const probe = new Probe(
      { baseUrl: s.url, headers: {}, rateLimits: {} },
      {
        apiKey: API_KEY,
        logLevel: 'off',
        maxRetries: 2,
      },
    );
    await expect(probe.call(op)).rejects.toBeInstanceOf(InternalServerError);
    expect(s.seen).toHaveLength(want);
  });
});
