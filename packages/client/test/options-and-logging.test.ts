import { describe, expect, test, vi } from 'vitest';
import {
  APIConnectionError,
  InternalServerError,
  LightfieldError,
  NotFoundError,
  type ClientOptions,
  type RequestOptions,
} from '../src/index.js';
import { BaseClient } from '../src/internal/base-client.js';
import { idempotencyKey } from '../src/core/idempotency-key.js';
import { request } from '../src/internal/request.js';
import type { OperationInfo } from '../src/internal/operation.js';
import { API_KEY, entity, fetchClient, json, send } from './helpers.js';
import { hardening } from './hardening.js';
import { WidgetClient } from './widget/client.js';
// The defects of the adversarial review (issue 13), each against a real socket where it can be.
const { server, views, expectNoKey } = hardening();

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
    // A name every object has is no level either.
    [
      'logLevel toString',
      { logLevel: 'toString' },
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

  test('LIGHTFIELD_LOG naming no level, such as toString, leaves the default: warn', async () => {
    const { lines, options } = logged();
    vi.stubEnv('LIGHTFIELD_LOG', 'toString');
    let calls = 0;
    const { client: c } = fetchClient(
      () => (calls++ ? json(entity()) : json({}, 503, { 'retry-after': '0' })),
      options,
    );
    await c.widget.retrieve('wid_1');
    expect(lines).toEqual([['warn', expect.stringMatching(/^widget\.retrieve: retrying in 0 ms/)]]);
  });

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

  test('at debug, an attempt that is retried, or a call that succeeds, logs no failure', async () => {
    const debug = logged({ logLevel: 'debug', maxRetries: 1 });
    let calls = 0;
    const { client: c } = fetchClient(
      () => (calls++ ? json(entity()) : json({}, 503, { 'retry-after': '0' })),
      debug.options,
    );
    await c.widget.retrieve('wid_1');
    const debugLines = debug.lines.filter(([level]) => level === 'debug');
    expect(debugLines.map(([, line]) => line)).toEqual([
      expect.stringMatching(/^GET \/v1\/widgets\/\{id\} 503: /),
      expect.stringMatching(/^GET \/v1\/widgets\/\{id\} 200 /),
    ]);
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
    [
      'with a key it is retried',
      { op: { ...post, idempotency: { maxLength: 255, key: idempotencyKey } }, want: 3 },
    ],
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
