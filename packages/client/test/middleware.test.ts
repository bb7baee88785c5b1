import { describe, expect, test } from 'vitest';
import type { Middleware } from '../src/raw.js';
import { APIConnectionError, APIResponseError, NotFoundError } from '../src/index.js';
import { entity, fetchClient, json } from './helpers.js';
import { widgetRaw, type WidgetClient } from './widget/client.js';

// Middleware registered on the raw client runs for the methods too, through openapi-fetch's own
// runner: the same order, the same answers, the same refusals as a raw call.

type Fetch = (request: Request) => Response | Promise<Response>;

/** Two middleware that log each hook; `overrides` replace some hooks' answers. */
function logged(log: string[], overrides: Record<string, () => unknown> = {}): Middleware[] {
  return ['A', 'B'].map((name) => {
    const hook = (event: string) => (): never => {
      log.push(`${name}.${event}`);
      return overrides[`${name}.${event}`]?.() as never;
    };
    return {
      onRequest: hook('onRequest'),
      onResponse: hook('onResponse'),
      onError: hook('onError'),
    };
  });
}

const ok: Fetch = () => json(entity());
const down: Fetch = () => Promise.reject(new TypeError('fetch failed'));

function setup(fetch: Fetch, overrides?: Record<string, () => unknown>) {
  const { client } = fetchClient(fetch, { maxRetries: 0 });
  const raw = widgetRaw(client);
  const log: string[] = [];
  raw.use(...logged(log, overrides));
  const viaRaw = () =>
    raw.GET('/v1/widgets/{id}', { params: { path: { id: 'wid_1' } } }).then(
      (r) => r.data ?? r.error,
      (e: unknown) => e,
    );
  const viaMethod = () =>
    client.widget.retrieve('wid_1').then(
      (data) => data as unknown,
      (e: unknown) => e,
    );
  return { client, log, viaRaw, viaMethod };
}

describe('middleware on the methods runs as openapi-fetch runs it', () => {
  test.each<[string, { fetch: Fetch; overrides?: Record<string, () => unknown>; want: string[] }]>([
    [
      'onRequest in order, onResponse in reverse',
      { fetch: ok, want: ['A.onRequest', 'B.onRequest', 'B.onResponse', 'A.onResponse'] },
    ],
    [
      'an onRequest that answers skips fetch and every onResponse',
      {
        fetch: () => json({ message: 'fetch ran' }, 500),
        overrides: { 'B.onRequest': () => json(entity('wid_short')) },
        want: ['A.onRequest', 'B.onRequest'],
      },
    ],
    [
      'a failed fetch goes to onError in reverse; a Response from one recovers it',
      {
        fetch: down,
        overrides: { 'A.onError': () => json(entity('wid_recovered')) },
        want: [
          'A.onRequest',
          'B.onRequest',
          'B.onError',
          'A.onError',
          'B.onResponse',
          'A.onResponse',
        ],
      },
    ],
    [
      'an onResponse that returns a Response replaces the response',
      {
        fetch: ok,
        overrides: { 'B.onResponse': () => json(entity('wid_replaced')) },
        want: ['A.onRequest', 'B.onRequest', 'B.onResponse', 'A.onResponse'],
      },
    ],
  ])('%s', async (_, { fetch, overrides, want }) => {
    const { log, viaRaw, viaMethod } = setup(fetch, overrides);
    const raw = await viaRaw();
    expect(log).toEqual(want);
    log.length = 0;
    const method = await viaMethod();
    expect(log).toEqual(want);
    expect(method).toEqual(raw);
  });

  test.each<[string, { fetch: Fetch; hook: string; value: unknown; want: RegExp }]>([
    ['onRequest', { fetch: ok, hook: 'A.onRequest', value: {}, want: /^onRequest: must return/ }],
    [
      'onResponse',
      { fetch: ok, hook: 'B.onResponse', value: 'x', want: /^onResponse: must return/ },
    ],
    ['onError', { fetch: down, hook: 'B.onError', value: 42, want: /^onError: must return/ }],
  ])('an invalid %s return rejects as openapi-fetch rejects it', async (_, c) => {
    const { viaRaw, viaMethod } = setup(c.fetch, { [c.hook]: () => c.value });
    const raw = (await viaRaw()) as Error;
    expect(raw.message).toMatch(c.want);
    const method = await viaMethod();
    expect(method).toBeInstanceOf(APIConnectionError);
    expect((method as Error).cause).toBeInstanceOf(Error);
    expect(((method as Error).cause as Error).message).toBe(raw.message);
  });

  test('a middleware openapi-fetch refuses is not registered; those before it are', async () => {
    const { client } = fetchClient(ok);
    const raw = widgetRaw(client);
    const log: string[] = [];
    const [a] = logged(log);
    expect(() => raw.use(a!, {} as Middleware)).toThrow(/Middleware must be an object/);
    await client.widget.retrieve('wid_1');
    expect(log).toEqual(['A.onRequest', 'A.onResponse']);
  });
});

describe('with middleware, the methods keep their own behaviour', () => {
  /** A client with one pass-through middleware on its raw client. */
  function withMiddleware(fetch: Fetch, maxResponseBytes?: number): WidgetClient {
    const { client } = fetchClient(fetch, { maxRetries: 0, maxResponseBytes });
    widgetRaw(client).use({ onRequest: ({ request }) => request });
    return client;
  }

  test('an error response is a typed error with its body', async () => {
    const client = withMiddleware(() => json({ message: 'gone' }, 404));
    const error = await client.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).body).toEqual({ message: 'gone' });
  });

  test('an error answered by onRequest is a typed error with its body', async () => {
    const { client } = fetchClient(ok, { maxRetries: 0 });
    widgetRaw(client).use({ onRequest: () => json({ message: 'short' }, 404) });
    const error = await client.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).body).toEqual({ message: 'short' });
  });

  // A 256 KiB body read 1 KiB a pull: past the cap the client stops reading, where openapi-fetch
  // would read an error's body whole.
  test.each([200, 500])('a %i body past maxResponseBytes is not read on', async (status) => {
    let pulls = 0;
    const body = () =>
      new Response(
        new ReadableStream({
          pull: (c) => {
            if (++pulls > 256) c.close();
            else c.enqueue(new TextEncoder().encode('x'.repeat(1024)));
          },
        }),
        { status, headers: { 'content-type': 'application/json' } },
      );
    const client = withMiddleware(body, 4096);
    const error = await client.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIResponseError);
    expect((error as Error).message).toMatch(/4096-byte limit/);
    expect(pulls).toBeLessThan(16);
  });

  test('without middleware, or once it is ejected, the methods call fetch with a URL', async () => {
    const inputs: string[] = [];
    const fetch = (input: RequestInfo | URL) => {
      inputs.push(input instanceof Request ? 'Request' : typeof input);
      return Promise.resolve(json(entity()));
    };
    const direct = fetchClient(ok, { fetch }).client;
    const m: Middleware = { onRequest: ({ request }) => request };
    await direct.widget.retrieve('wid_1');
    widgetRaw(direct).use(m);
    await direct.widget.retrieve('wid_1');
    widgetRaw(direct).eject(m);
    await direct.widget.retrieve('wid_1');
    expect(inputs).toEqual(['string', 'Request', 'string']);
  });
});
