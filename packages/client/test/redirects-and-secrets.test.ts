import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import {
  APIConnectionError,
  BadRequestError,
  LightfieldError,
  NotFoundError,
  RedirectError,
} from '../src/index.js';
import { API_KEY, entity, fetchClient, json, send } from './helpers.js';
import { hardening } from './hardening.js';
import { WidgetClient, widgetRaw } from './widget/client.js';
// The defects of the adversarial review (issue 13), each against a real socket where it can be.
const { server, client, views, expectNoKey } = hardening();

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
