import { describe, expect, test } from 'vitest';
import { APIResponseError, LightfieldError, NotFoundError } from '../src/index.js';
import { idempotencyKey } from '../src/core/idempotency-key.js';
import type { OperationInfo } from '../src/internal/operation.js';
import { readBinary, readEmpty, readText } from '../src/core/media.js';
import { send } from './helpers.js';
import { GET, POST, ok, setup } from './shapes.js';

// Every response shape the runtime reads, over a real socket: media types, header parameters,
// pagination, and retries and rate limits by the spec.
describe('responses by media type', () => {
  test('text is a string, and the client accepts the media type', async () => {
    const { client, seen } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end('id,name\n1,A\n');
    });
    const text = await client.call<string>({
      ...GET,
      response: { read: readText, type: 'text/csv' },
    });
    expect(text).toBe('id,name\n1,A\n');
    expect(seen[0]!.headers['accept']).toBe('text/csv');
  });

  test('a vendor JSON type is what the client accepts, and the body is read as JSON', async () => {
    const { client, seen } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.widgets+json' });
      res.end('{"id":"w_1"}');
    });
    const data = await client.call({ ...GET, response: { type: 'application/vnd.widgets+json' } });
    expect(data).toEqual({ id: 'w_1' });
    expect(seen[0]!.headers['accept']).toBe('application/vnd.widgets+json');
  });

  test('text is still capped by maxResponseBytes', async () => {
    const { client } = await setup(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.end('x'.repeat(5000));
      },
      { maxResponseBytes: 1000 },
    );
    await expect(
      client.call({ ...GET, response: { read: readText, type: 'text/csv' } }),
    ).rejects.toThrow(APIResponseError);
  });

  test('binary is the unread Response: it arrives before the body ends, past maxResponseBytes', async () => {
    let finish: () => void = () => {};
    const { client } = await setup(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.write(Buffer.alloc(4096, 1));
        finish = () => res.end(Buffer.alloc(4096, 2));
      },
      { maxResponseBytes: 1000 },
    );
    const response = await client.call<Response>({
      ...GET,
      response: { read: readBinary, type: 'application/octet-stream' },
    });
    // The server has not ended the body: a buffering client would still be waiting.
    expect(response).toBeInstanceOf(Response);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value![0]).toBe(1);
    finish();
    let total = first.value!.byteLength;
    for (let r = await reader.read(); !r.done; r = await reader.read()) total += r.value.byteLength;
    expect(total).toBe(8192);
  });

  test('binary: .arrayBuffer() and .blob() read it', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([137, 80, 78, 71]));
    });
    const op: OperationInfo = { ...GET, response: { read: readBinary, type: 'image/png' } };
    expect([...new Uint8Array(await (await client.call<Response>(op)).arrayBuffer())]).toEqual([
      137, 80, 78, 71,
    ]);
    expect((await (await client.call<Response>(op)).blob()).type).toBe('image/png');
  });

  test('a binary operation that fails is a typed error with the JSON body', async () => {
    const { client } = await setup((_req, res) =>
      send(res, 404, { type: 'not_found', message: 'no file' }),
    );
    const op: OperationInfo = {
      ...GET,
      response: { read: readBinary, type: 'application/octet-stream' },
    };
    await expect(client.call(op)).rejects.toThrow(NotFoundError);
  });

  test.each<[string, OperationInfo]>([
    ['an operation with no response body', { ...POST, response: { read: readEmpty } }],
    ['a JSON operation answered 204', POST],
  ])('204 is undefined: %s', async (_name, op) => {
    const { client } = await setup((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const { data, response } = await client.call(op).withResponse();
    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
  });

  test('an empty 200 of a JSON operation is still an error', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end();
    });
    await expect(client.call(GET)).rejects.toThrow(/empty body/);
  });
});

describe('header parameters and constant headers', () => {
  test('a header parameter from options.headers is sent beside the constant ones', async () => {
    const { client, seen } = await setup();
    await client.call(
      { ...GET, headers: ['x-trace-id'] },
      {},
      { headers: { 'x-trace-id': 't-1' } },
    );
    expect(seen[0]!.headers['x-trace-id']).toBe('t-1');
    expect(seen[0]!.headers['lightfield-version']).toBe('v1');
  });
});

describe('pagination by the spec names', () => {
  const page = { limit: 'pageSize', offset: 'skip', items: 'results', total: 'total', size: 2 };
  test('pages with the spec names for limit, offset, items and total', async () => {
    const all = ['a', 'b', 'c', 'd', 'e'];
    const { client, seen } = await setup((req, res) => {
      const url = new URL(req.url, 'http://x');
      const skip = Number(url.searchParams.get('skip'));
      const size = Number(url.searchParams.get('pageSize') || 2);
      send(res, 200, { results: all.slice(skip, skip + size), total: all.length });
    });
    const items: string[] = [];
    for await (const item of client.page<string>({ ...GET, page })) items.push(item);
    expect(items).toEqual(all);
    expect(seen.map((s) => s.url)).toEqual(['/x?skip=0', '/x?skip=2', '/x?skip=4']);
  });

  test('without a total, a short page is the last', async () => {
    const { client, seen } = await setup((req, res) => {
      const skip = Number(new URL(req.url, 'http://x').searchParams.get('skip'));
      send(res, 200, { results: skip === 0 ? ['a', 'b'] : ['c'] });
    });
    const { total: _, ...untotalled } = page;
    const items: string[] = [];
    for await (const item of client.page<string>(
      { ...GET, page: untotalled },
      { query: { pageSize: 2 } },
    ))
      items.push(item);
    expect(items).toEqual(['a', 'b', 'c']);
    expect(seen).toHaveLength(2);
  });
});

describe('retries and rate limits follow the spec', () => {
  test.each<[string, { op: OperationInfo; want: number }]>([
    ['a POST without an idempotency key is never retried', { op: POST, want: 1 }],
    [
      'a POST with an idempotency key is retried',
      { op: { ...POST, idempotency: { maxLength: 64, key: idempotencyKey } }, want: 3 },
    ],
  ])('%s', async (_name, { op, want }) => {
    const { client, seen } = await setup((_req, res) =>
      send(res, 503, { error: 'busy' }, { 'retry-after': '0' }),
    );
    await expect(client.call(op, { body: {} })).rejects.toThrow(LightfieldError);
    expect(seen).toHaveLength(want);
  });

  test('an operation without a rate-limit category is not throttled', async () => {
    // The client's only category allows 1 request per second: five would take four seconds.
    const { client, seen } = await setup(ok, { rateLimit: true });
    const started = Date.now();
    for (let i = 0; i < 5; i++) await client.call(GET);
    expect(seen).toHaveLength(5);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
