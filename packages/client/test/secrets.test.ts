import { inspect } from 'node:util';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { InvalidArgumentError, LightfieldError } from '../src/index.js';
import { API_KEY, entity, fetchClient, json, loopback, send } from './helpers.js';
import { views } from './hardening.js';
import { WidgetClient } from './widget/client.js';

// Client input and secrets: a recognisable key is searched for in everything the client can emit.
let searched = 0;
let refused = 0;
let encoded = 0;

function expectNoKey(texts: string[]): void {
  for (const text of texts) {
    searched++;
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(API_KEY.slice(3, 20));
  }
}

afterAll(() => {
  console.log(
    `secrets: key searched in ${searched} outputs, 0 leaks; ids: ${encoded} encoded, ${refused} refused before sending`,
  );
});

test('every kind of error, the client and the debug log are free of the key', async () => {
  const lines: string[] = [];
  const log = (...args: unknown[]) =>
    lines.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 8 }))).join(' '));
  const logger = { debug: log, info: log, warn: log, error: log };
  const errors: unknown[] = [];
  // An API error whose body echoes the Authorization header back.
  const echo = fetchClient(
    (r) =>
      json(
        { error: { type: 'unauthorized', message: `bad ${r.headers.get('authorization')}` } },
        401,
      ),
    { logLevel: 'debug', logger },
  );
  errors.push(await echo.client.widget.retrieve('wid_1').catch((e: unknown) => e));
  // A refused connection, a timeout, a user abort and a misuse.
  const server = await loopback((_, res) => setTimeout(() => send(res, 200, entity()), 500));
  const slow = new WidgetClient({
    apiKey: API_KEY,
    baseUrl: server.url,
    timeout: 50,
    maxRetries: 0,
    rateLimit: false,
    logLevel: 'debug',
    logger,
  });
  errors.push(await slow.widget.retrieve('wid_1').catch((e: unknown) => e));
  errors.push(
    await slow.widget.retrieve('wid_1', { signal: AbortSignal.abort() }).catch((e: unknown) => e),
  );
  errors.push(await slow.widget.retrieve('').catch((e: unknown) => e));
  await server.close();
  const refusedClient = new WidgetClient({
    apiKey: API_KEY,
    baseUrl: 'http://127.0.0.1:1',
    maxRetries: 0,
    rateLimit: false,
    logLevel: 'debug',
    logger,
  });
  errors.push(await refusedClient.widget.retrieve('wid_1').catch((e: unknown) => e));
  for (const e of errors) expect(e).toBeInstanceOf(LightfieldError);
  expectNoKey(errors.flatMap(views));
  expectNoKey([
    inspect(slow, { depth: 10, showHidden: true }),
    JSON.stringify(slow),
    inspect(slow.widget, { showHidden: true }),
    ...lines,
  ]);
  expect(lines.some((l) => l.includes('"authorization":"[redacted]"'))).toBe(true);
});

test.each([
  ['../secret', '..%2Fsecret'],
  ['a/b', 'a%2Fb'],
  ['%2F', '%252F'],
  ['a\r\nb', 'a%0D%0Ab'],
  ['wid 1?x=#', 'wid%201%3Fx%3D%23'],
])('id %j is encoded into one path segment', async (id, segment) => {
  const { client, requests } = fetchClient(() => json(entity()));
  await client.widget.retrieve(id);
  expect(new URL(requests[0]!.url).pathname).toBe(`/v1/widgets/${segment}`);
  encoded++;
});

test.each([
  ['empty', ''],
  ['whitespace', ' \t'],
  ['spaces-only', '  '],
  ['dot', '.'],
  ['dot-dot', '..'],
  ['very long', 'x'.repeat(10_000)],
  ['missing', undefined],
])('a %s id is refused before sending', async (_, id) => {
  const { client, requests } = fetchClient(() => json(entity()));
  await expect(client.widget.retrieve(id as string)).rejects.toBeInstanceOf(LightfieldError);
  expect(requests).toHaveLength(0);
  refused++;
});

const crlf = /CR or LF/;
test.each<[string, { given: (client: WidgetClient) => unknown; want: RegExp }]>([
  [
    'a header value',
    {
      given: (c) => c.widget.retrieve('x', { headers: { 'X-A': 'v\r\nSet-Cookie: a' } }),
      want: crlf,
    },
  ],
  [
    'a header name',
    { given: (c) => c.widget.retrieve('x', { headers: { 'X-A\nB': 'v' } }), want: crlf },
  ],
  [
    'an idempotency key',
    {
      given: (c) =>
        c.widget.create(
          { fields: { $name: 'A', $status: 'Draft' }, relationships: { $team: 'team_1' } },
          { idempotencyKey: 'k\n2' },
        ),
      want: /^idempotencyKey .* CR or LF/,
    },
  ],
  [
    'the API key',
    { given: () => new WidgetClient({ apiKey: `${API_KEY}\r\nX-Evil: 1` }), want: crlf },
  ],
  [
    'a default header',
    {
      given: () => new WidgetClient({ apiKey: API_KEY, defaultHeaders: { 'X-A': 'a\nb' } }),
      want: crlf,
    },
  ],
])('CR/LF in %s is refused before sending', async (_, { given, want }) => {
  const { client, requests } = fetchClient(() => json(entity()));
  const error = await Promise.resolve()
    .then(() => given(client))
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LightfieldError);
  expect((error as Error).message).toMatch(want);
  expectNoKey(views(error));
  expect(requests).toHaveLength(0);
  refused++;
});

describe('a baseUrl with credentials', () => {
  const SECRET = 'pa55-SECRET-word';
  const env = process.env['LIGHTFIELD_BASE_URL'];
  afterEach(() => {
    if (env === undefined) delete process.env['LIGHTFIELD_BASE_URL'];
    else process.env['LIGHTFIELD_BASE_URL'] = env;
  });

  test.each([
    ['user and password', { given: `http://user:${SECRET}@127.0.0.1:1`, env: false }],
    ['a user alone', { given: `https://${SECRET}@api.test`, env: false }],
    ['from LIGHTFIELD_BASE_URL', { given: `http://u:${SECRET}@127.0.0.1:1/v1`, env: true }],
    ['not http, with a password', { given: `ftp://u:${SECRET}@host`, env: false }],
    ['unparsable, with a password', { given: `http://u:${SECRET}@ho st`, env: false }],
  ])('%s is refused at construction, never echoing the secret', (_, { given, env: fromEnv }) => {
    const lines: unknown[] = [];
    const log = (...args: unknown[]) => lines.push(...args);
    const logger = { debug: log, info: log, warn: log, error: log };
    if (fromEnv) process.env['LIGHTFIELD_BASE_URL'] = given;
    const make = () =>
      new WidgetClient({
        apiKey: API_KEY,
        logLevel: 'debug',
        logger,
        ...(fromEnv ? {} : { baseUrl: given }),
      });
    let error: unknown;
    try {
      make();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).param).toBe('baseUrl');
    const texts = [...views(error), inspect((error as Error).cause), inspect(lines)];
    for (const text of texts) expect(text).not.toContain(SECRET);
    expectNoKey(texts);
    refused++;
  });

  test('the message says what to do, and shows where the credentials were', () => {
    expect(
      () => new WidgetClient({ apiKey: API_KEY, baseUrl: `http://u:${SECRET}@h.test` }),
    ).toThrow(/`baseUrl` must not carry credentials .*http:\/\/\*\*\*@h\.test/);
  });
});
