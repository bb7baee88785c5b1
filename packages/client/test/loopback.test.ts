import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIResponseError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  type ClientOptions,
} from '../src/index.js';
import { API_KEY, entity, loopback, send } from './helpers.js';
import { WidgetClient, widgetRaw } from './widget/client.js';

// Behaviour over a real socket: retries, timeouts, resets and pagination against node:http on 127.0.0.1.
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
  vi.restoreAllMocks();
});

async function setup(handler: Parameters<typeof loopback>[0], options: ClientOptions = {}) {
  const server = await loopback(handler);
  close = server.close;
  const client = new WidgetClient({
    apiKey: API_KEY,
    baseUrl: server.url,
    logLevel: 'off',
    rateLimit: false,
    ...options,
  });
  return { client, seen: server.seen };
}

const body = { fields: { $name: 'A', $status: 'Draft' }, relationships: { $team: 'team_1' } };

describe('retries', () => {
  test.each([408, 409, 429, 500, 502, 503, 504])(
    '%i is retried until it succeeds',
    async (status) => {
      const { client, seen } = await setup((_, res, n) =>
        n < 3
          ? send(
              res,
              status,
              { error: { type: 'x', message: 'try again' } },
              { 'retry-after-ms': '5' },
            )
          : send(res, 200, entity()),
      );
      expect((await client.widget.retrieve('wid_1')).id).toBe('wid_1');
      expect(seen).toHaveLength(3);
    },
  );

  test.each([400, 401, 403, 404, 415, 422])('%i is never retried', async (status) => {
    const { client, seen } = await setup((_, res) =>
      send(res, status, { error: { type: 'x', message: 'no' } }, { 'retry-after-ms': '5' }),
    );
    await expect(client.widget.retrieve('wid_1')).rejects.toMatchObject({ status });
    expect(seen).toHaveLength(1);
  });

  test('x-should-retry overrides the status', async () => {
    const { client, seen } = await setup((_, res, n) =>
      n === 1
        ? send(
            res,
            400,
            { error: { type: 'x', message: 'retry me' } },
            { 'x-should-retry': 'true', 'retry-after-ms': '1' },
          )
        : send(res, 503, { error: { type: 'x', message: 'stop' } }, { 'x-should-retry': 'false' }),
    );
    await expect(client.widget.retrieve('wid_1')).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toHaveLength(2);
  });

  test('gives up after maxRetries, per call or per client', async () => {
    const { client, seen } = await setup(
      (_, res) =>
        send(res, 500, { error: { type: 'x', message: 'down' } }, { 'retry-after-ms': '1' }),
      {
        maxRetries: 3,
      },
    );
    await expect(client.widget.retrieve('wid_1')).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toHaveLength(4);
    await expect(client.widget.retrieve('wid_1', { maxRetries: 0 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(seen).toHaveLength(5);
  });

  test.each([
    ['Retry-After in seconds', (n: number) => ({ 'retry-after': n === 1 ? '1' : '0' })],
    [
      'Retry-After as an HTTP date',
      () => ({ 'retry-after': new Date(Date.now() + 2000).toUTCString() }),
    ],
    ['retry-after-ms', () => ({ 'retry-after-ms': '700' })],
  ])('honours %s', async (_, headers) => {
    const times: number[] = [];
    const { client } = await setup((__, res, n) => {
      times.push(Date.now());
      if (n === 1)
        send(res, 429, { error: { type: 'too_many_requests', message: 'slow' } }, headers(n));
      else send(res, 200, entity());
    });
    await client.widget.retrieve('wid_1');
    const waited = times[1]! - times[0]!;
    // An HTTP date has one-second precision, so its wait is anywhere in (0, 2] s.
    expect(waited).toBeGreaterThanOrEqual(_.includes('date') ? 900 : 650);
    // The upper bound only shows the wait followed the header, not a longer backoff or hang.
    expect(waited).toBeLessThan(4000);
  });

  test('a connection reset before the response is retried', async () => {
    const { client, seen } = await setup((_, res, n) => {
      if (n === 1) res.socket?.destroy();
      else send(res, 200, entity());
    });
    vi.spyOn(Math, 'random').mockReturnValue(1);
    expect((await client.widget.retrieve('wid_1')).id).toBe('wid_1');
    expect(seen).toHaveLength(2);
  });

  test('a truncated body is a connection error, and is retried', async () => {
    const { client, seen } = await setup((_, res, n) => {
      if (n === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        res.write('{"id":"wid_1","crea');
        setTimeout(() => res.socket?.destroy(), 10);
      } else send(res, 200, entity());
    });
    vi.spyOn(Math, 'random').mockReturnValue(1);
    expect((await client.widget.retrieve('wid_1')).id).toBe('wid_1');
    expect(seen).toHaveLength(2);
  });

  test('a connection that keeps failing ends in APIConnectionError', async () => {
    const { client, seen } = await setup((_, res) => res.socket?.destroy(), { maxRetries: 1 });
    vi.spyOn(Math, 'random').mockReturnValue(1);
    await expect(client.widget.retrieve('wid_1')).rejects.toBeInstanceOf(APIConnectionError);
    expect(seen).toHaveLength(2);
  });
});

describe('idempotency', () => {
  test('one key per call, the same across its retries', async () => {
    const { client, seen } = await setup((_, res, n) =>
      n % 2 === 1
        ? send(res, 503, { error: { type: 'x', message: 'busy' } }, { 'retry-after-ms': '1' })
        : send(res, 200, entity()),
    );
    await client.widget.create(body);
    await client.widget.update('wid_1', { fields: { weight: 5 } });
    const keys = seen.map((s) => s.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[3]).toBe(keys[2]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  test('a key given per request is sent as is', async () => {
    const { client, seen } = await setup((_, res) => send(res, 200, entity()));
    await client.widget.create(body, { idempotencyKey: 'order-42' });
    expect(seen[0]?.headers['idempotency-key']).toBe('order-42');
  });

  test('the raw client sends a POST once, without a key', async () => {
    const { client, seen } = await setup((_, res) =>
      send(res, 503, { error: { type: 'x', message: 'busy' } }, { 'retry-after-ms': '1' }),
    );
    const { error } = await widgetRaw(client).POST('/v1/widgets', {
      params: { header: { 'Api-Version': '2025-06-01' } },
      body,
    });
    expect(error).toBeDefined();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers['idempotency-key']).toBeUndefined();
  });
});

describe('timeouts and cancellation', () => {
  test('an attempt slower than the timeout is abandoned and retried, then times out', async () => {
    // A timeout loose enough for the retry to reach the server on a loaded machine, and a
    // server far slower than both attempts with their backoff.
    const { client, seen } = await setup(
      (_, res) => setTimeout(() => send(res, 200, entity()), 5000),
      { timeout: 500, maxRetries: 1 },
    );
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const started = Date.now();
    await expect(client.widget.retrieve('wid_1')).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    expect(seen).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a per-call timeout overrides the client one', async () => {
    const { client } = await setup((_, res) => setTimeout(() => send(res, 200, entity()), 300), {
      timeout: 50,
    });
    expect((await client.widget.retrieve('wid_1', { timeout: 2000 })).id).toBe('wid_1');
  });

  test('a user abort rejects with APIUserAbortError and is not retried', async () => {
    // Abort once the server holds the request, not after a fixed delay: under load the request
    // may not have arrived 50 ms after the call.
    const controller = new AbortController();
    const { client, seen } = await setup((_, res) => {
      controller.abort();
      setTimeout(() => send(res, 200, entity()), 1000);
    });
    await expect(
      client.widget.retrieve('wid_1', { signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(seen).toHaveLength(1);
  });

  test('an abort during the backoff wait stops the retries', async () => {
    // The abort is timed from the server's answer, not the call: under load the request may not
    // have arrived 100 ms after the call, and the abort would then find nothing sent.
    const controller = new AbortController();
    const { client, seen } = await setup((_, res) => {
      send(res, 503, { error: { type: 'x', message: 'busy' } }, { 'retry-after-ms': '5000' });
      setTimeout(() => controller.abort(), 200);
    });
    await expect(
      client.widget.retrieve('wid_1', { signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(seen).toHaveLength(1);
  });

  test('an already aborted signal sends nothing', async () => {
    const { client, seen } = await setup((_, res) => send(res, 200, entity()));
    await expect(
      client.widget.retrieve('wid_1', { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(seen).toHaveLength(0);
  });
});

describe('bodies', () => {
  test('malformed JSON in a 200 is an APIResponseError', async () => {
    const { client } = await setup((_, res) => send(res, 200, '{"id": '));
    await expect(client.widget.retrieve('wid_1')).rejects.toBeInstanceOf(APIResponseError);
  });

  test('an HTML error page gives a short message', async () => {
    const { client } = await setup((_, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body><h1>Not Found</h1></body></html>');
    });
    const error = await client.widget.retrieve('wid_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe('404 status code (HTML body)');
  });

  test('a 400 carries code and param', async () => {
    const { client } = await setup((_, res) =>
      send(res, 400, {
        error: {
          type: 'bad_request',
          message: 'Unknown field',
          code: 'unknown_field',
          param: 'fields.colour',
        },
      }),
    );
    await expect(client.widget.create(body)).rejects.toMatchObject({
      constructor: BadRequestError,
      code: 'unknown_field',
      param: 'fields.colour',
    });
  });
});

describe('pagination', () => {
  const all = Array.from({ length: 60 }, (_, i) => entity(`wid_${i}`, `Widget ${i}`));
  const pages = (req: { url: string }, res: Parameters<typeof send>[0]) => {
    const url = new URL(req.url, 'http://x');
    const limit = Number(url.searchParams.get('limit') ?? 25);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    send(res, 200, {
      object: 'list',
      data: all.slice(offset, offset + limit),
      totalCount: all.length,
    });
  };

  test('for await walks every item of every page', async () => {
    const { client, seen } = await setup(pages);
    const ids: string[] = [];
    for await (const widget of client.widget.list({ limit: 20 })) ids.push(widget.id);
    expect(ids).toEqual(all.map((o) => o.id));
    expect(seen.map((s) => s.url)).toEqual([
      '/v1/widgets?limit=20&offset=0',
      '/v1/widgets?limit=20&offset=20',
      '/v1/widgets?limit=20&offset=40',
    ]);
  });

  test('a page knows whether another follows, and fetches it', async () => {
    const { client } = await setup(pages);
    const first = await client.widget.list({ limit: 20 });
    expect(first.data).toHaveLength(20);
    expect(first.totalCount).toBe(60);
    expect(first.hasNextPage()).toBe(true);
    const third = await (await first.getNextPage()).getNextPage();
    expect(third.offset).toBe(40);
    expect(third.hasNextPage()).toBe(false);
    await expect(third.getNextPage()).rejects.toThrow(/no next page/);
  });

  test('iterPages yields each page once', async () => {
    const { client } = await setup(pages);
    const sizes: number[] = [];
    for await (const page of client.widget.list().iterPages()) sizes.push(page.data.length);
    expect(sizes).toEqual([25, 25, 10]);
  });

  test('stops at a short page even when totalCount says more', async () => {
    const { client, seen } = await setup((_, res) =>
      send(res, 200, { object: 'list', data: all.slice(0, 3), totalCount: 1000 }),
    );
    const ids: string[] = [];
    for await (const widget of client.widget.list({ limit: 5 })) ids.push(widget.id);
    expect(ids).toHaveLength(3);
    expect(seen).toHaveLength(1);
  });

  test('filters go on every page', async () => {
    const { client, seen } = await setup(pages);
    const page = await client.widget.list({
      limit: 20,
      filter: {
        $name: { startsWith: 'Acme' },
        weight: { greaterThan: 1000 },
        $status: { not: { equal: 'opt_1' } },
      },
    });
    await page.getNextPage();
    for (const s of seen) {
      expect(s.url).toContain(
        '$name[startsWith]=Acme&weight[greaterThan]=1000&$status[-equal]=opt_1',
      );
    }
    expect(seen[1]?.url).toContain('offset=20');
  });
});
