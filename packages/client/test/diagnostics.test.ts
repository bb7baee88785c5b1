import { afterEach, describe, expect, test } from 'vitest';
import { APIConnectionError, NotFoundError } from '../src/index.js';
import { rootCode } from '../src/internal/connection-message.js';
import { API_KEY, fetchClient, json, loopback } from './helpers.js';
import { WidgetClient } from './widget/client.js';

// What a failure tells whoever reads it: log lines, connection errors, request ids.
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A logger that joins its arguments as strings, as many loggers do. */
function stringLogger() {
  const lines: string[] = [];
  const log = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  return { lines, logger: { debug: log, info: log, warn: log, error: log } };
}

describe('the debug line of an attempt', () => {
  test.each([
    [
      'a failed attempt',
      {
        given: () => json({ error: { type: 'server_error', message: 'boom' } }, 500),
        want: /^GET \/v1\/widgets\/\{id\} 500: 500 boom \(widget\.retrieve, attempt 1, \d+ ms, headers \{.*"authorization":"\[redacted\]"/,
      },
    ],
    [
      'a connection failure',
      {
        given: () => Promise.reject(new TypeError('fetch failed')),
        want: /^GET \/v1\/widgets\/\{id\} APIConnectionError: Connection error: .*fetch failed.* \(widget\.retrieve, attempt 1/,
      },
    ],
    [
      'a 2xx body that is not JSON, named by its class',
      {
        given: () => new Response('<html>', { status: 200 }),
        want: /^GET \/v1\/widgets\/\{id\} APIResponseError: 200 response body is not valid JSON \(widget\.retrieve, attempt 1/,
      },
    ],
    [
      'a success',
      {
        given: () => json({ id: 'w' }),
        want: /^GET \/v1\/widgets\/\{id\} 200 \(widget\.retrieve, attempt 1, \d+ ms, headers/,
      },
    ],
  ])('%s is one line of text, whatever the logger does with objects', async (_, t) => {
    const { lines, logger } = stringLogger();
    const { client } = fetchClient(t.given, { logLevel: 'debug', logger, maxRetries: 0 });
    await client.widget.retrieve('w').catch(() => undefined);
    expect(lines.join('\n')).not.toContain('[object Object]');
    expect(lines[0]).toMatch(t.want);
    expect(lines.join('\n')).not.toContain(API_KEY);
  });
});

describe('a connection error', () => {
  test.each([
    ['a refused connection', { reset: false, code: 'ECONNREFUSED' }],
    ['a connection reset before the response', { reset: true, code: 'UND_ERR_SOCKET' }],
  ])('%s names the method, the URL and the root cause code', async (_, t) => {
    const server = await loopback((req, res) => res.socket?.destroy());
    closers.push(server.close);
    if (!t.reset) await server.close();
    const client = new WidgetClient({
      apiKey: API_KEY,
      baseUrl: server.url,
      maxRetries: 0,
      rateLimit: false,
      logLevel: 'off',
    });
    const error = await client.widget.list({ limit: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    const { message } = error as APIConnectionError;
    expect(message).toContain(
      `GET ${server.url}/v1/widgets?limit=5&offset=0 failed with ${t.code}`,
    );
    expect(message).toContain('(fetch failed)');
    expect(message).not.toContain(API_KEY);
    expect((error as APIConnectionError).cause).toBeInstanceOf(TypeError);
  });

  test('a cause without a code still names the method and URL', async () => {
    const { client } = fetchClient(() => Promise.reject(new TypeError('fetch failed')), {
      maxRetries: 0,
    });
    await expect(client.widget.retrieve('w')).rejects.toThrow(
      'Connection error: GET http://api.test/v1/widgets/w failed (fetch failed)',
    );
  });

  const coded = (code: string) => Object.assign(new Error(code), { code });
  test.each([
    ['no cause', { given: new TypeError('fetch failed'), want: undefined }],
    [
      'a code two causes down',
      { given: new TypeError('x', { cause: coded('ECONNRESET') }), want: 'ECONNRESET' },
    ],
    [
      'the deepest code wins',
      {
        given: Object.assign(new Error('x', { cause: coded('ENOTFOUND') }), { code: 'OUTER' }),
        want: 'ENOTFOUND',
      },
    ],
    [
      'inside an AggregateError',
      {
        given: new TypeError('x', { cause: new AggregateError([coded('ECONNREFUSED')]) }),
        want: 'ECONNREFUSED',
      },
    ],
    [
      'a cause that is not an object',
      { given: new TypeError('x', { cause: 'down' }), want: undefined },
    ],
  ])('rootCode: %s', (_, { given, want }) => {
    expect(rootCode(given)).toBe(want);
  });
});

describe('the request id', () => {
  test.each([
    ['x-request-id', { headers: { 'x-request-id': 'req_1' }, want: 'req_1' }],
    ['request-id', { headers: { 'request-id': 'req_2' }, want: 'req_2' }],
    ['none sent', { headers: {}, want: undefined }],
  ])('%s: on an error and on withResponse()', async (_, t) => {
    const server = await loopback((req, res) =>
      req.url.includes('missing')
        ? res.writeHead(404, { 'content-type': 'application/json', ...t.headers }).end('{}')
        : res
            .writeHead(200, { 'content-type': 'application/json', ...t.headers })
            .end('{"id":"w"}'),
    );
    closers.push(server.close);
    const client = new WidgetClient({ apiKey: API_KEY, baseUrl: server.url, rateLimit: false });
    const { data, requestId } = await client.widget.retrieve('w').withResponse();
    expect([data.id, requestId]).toEqual(['w', t.want]);
    const error = await client.widget.retrieve('missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toBe(t.want);
    expect((error as NotFoundError).toJSON()).toMatchObject({ requestId: t.want });
  });
});
