import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import {
  APIResponseError,
  LightfieldError,
  NotFoundError,
  toFile,
  type ClientOptions,
  type RequestOptions,
} from '../src/index.js';
import { BaseClient, type CallInput } from '../src/internal/base-client.js';
import type { OperationInfo } from '../src/internal/operation.js';
import { request, requestPage } from '../src/internal/request.js';
import { serializeQuery } from '../src/core/query.js';
import { binary, form, multipart, readBinary, readEmpty, readText } from '../src/core/media.js';
import { styled } from '../src/core/query-style.js';
import { API_KEY, loopback, send, type Seen } from './helpers.js';

// Every operation shape the runtime handles, with hand-written OperationInfo, over a real socket:
// query styles, request media types, response media types, header parameters, pagination.
class Probe extends BaseClient {
  call<T>(op: OperationInfo, input: CallInput = {}, options?: RequestOptions) {
    return request<T>(this, op, input, options);
  }
  page<Item>(op: OperationInfo, input: CallInput = {}, options?: RequestOptions) {
    return requestPage<Item>(this, op, input, options);
  }
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

type Handler = (req: Seen, res: ServerResponse, n: number) => unknown;
const ok: Handler = (_req, res) => send(res, 200, { ok: true });

async function setup(handler: Handler = ok, options: ClientOptions = {}) {
  const server = await loopback(handler);
  close = server.close;
  const client = new Probe(
    { baseUrl: server.url, headers: { 'Lightfield-Version': 'v1' }, rateLimits: { Write: 1 } },
    { apiKey: API_KEY, logLevel: 'off', rateLimit: false, ...options },
  );
  return { client, seen: server.seen };
}

// A GET takes a query, as the codegen writes an operation with query parameters.
const GET = { id: 'x.get', method: 'GET', path: '/x', encodeQuery: serializeQuery } as const;
const POST = { id: 'x.post', method: 'POST', path: '/x' } as const;

/** The body the server saw, parsed as the multipart or form body it is. */
function formOf(seen: Seen): Promise<FormData> {
  return new Request('http://x', {
    method: 'POST',
    headers: { 'content-type': String(seen.headers['content-type']) },
    body: seen.body,
  }).formData();
}

describe('query parameters by style and explode', () => {
  test.each<[string, { rule: object; value: unknown; want: string }]>([
    [
      'form, exploded array',
      { rule: { shape: 'array', encode: styled }, value: ['a', 'b c'], want: 'p=a&p=b%20c' },
    ],
    [
      'form, array not exploded',
      {
        rule: { shape: 'array', encode: styled, explode: false },
        value: ['a', 'b'],
        want: 'p=a,b',
      },
    ],
    [
      'spaceDelimited',
      {
        rule: { shape: 'array', encode: styled, style: 'spaceDelimited', explode: false },
        value: ['a', 'b'],
        want: 'p=a%20b',
      },
    ],
    [
      'pipeDelimited',
      {
        rule: { shape: 'array', encode: styled, style: 'pipeDelimited', explode: false },
        value: [1, 2],
        want: 'p=1|2',
      },
    ],
    [
      'an empty array is left out',
      { rule: { shape: 'array', encode: styled }, value: [], want: '' },
    ],
    [
      'deepObject',
      {
        rule: { shape: 'object', encode: styled, style: 'deepObject' },
        value: { a: 1, 'b c': 'x&y' },
        want: 'p[a]=1&p[b%20c]=x%26y',
      },
    ],
    [
      'form, exploded object',
      { rule: { shape: 'object', encode: styled }, value: { a: 1, b: true }, want: 'a=1&b=true' },
    ],
    [
      'form, object not exploded',
      {
        rule: { shape: 'object', encode: styled, explode: false },
        value: { a: 1, b: 'x' },
        want: 'p=a,1,b,x',
      },
    ],
    ['a primitive', { rule: { type: 'string' }, value: 'a/b', want: 'p=a%2Fb' }],
  ])('%s', async (_name, { rule, value, want }) => {
    const { client, seen } = await setup();
    await client.call({ ...GET, query: { p: rule } }, { query: { p: value } });
    expect(seen[0]!.url).toBe(want ? `/x?${want}` : '/x');
  });
});

describe('client misuse fails before anything is sent', () => {
  const file = new Blob(['x']);
  test.each<
    [string, { op: OperationInfo; input: CallInput; options?: RequestOptions; want: RegExp }]
  >([
    [
      'an array for a primitive parameter',
      {
        op: { ...GET, query: { p: { type: 'string' } } },
        input: { query: { p: ['a'] } },
        want: /`p` must be a primitive value/,
      },
    ],
    [
      'an array for a parameter the spec lacks',
      { op: GET, input: { query: { p: ['a'] } }, want: /`p` must be a primitive value/ },
    ],
    [
      'a string for an array parameter',
      {
        op: { ...GET, query: { p: { shape: 'array', encode: styled } } },
        input: { query: { p: 'a' } },
        want: /`p` must be an array/,
      },
    ],
    [
      'nested arrays',
      {
        op: { ...GET, query: { p: { shape: 'array', encode: styled } } },
        input: { query: { p: [['a']] } },
        want: /array of primitive values/,
      },
    ],
    [
      'an array for an object parameter',
      {
        op: { ...GET, query: { p: { shape: 'object', encode: styled, style: 'deepObject' } } },
        input: { query: { p: [1] } },
        want: /`p` must be an object/,
      },
    ],
    [
      'a nested object in deepObject',
      {
        op: { ...GET, query: { p: { shape: 'object', encode: styled, style: 'deepObject' } } },
        input: { query: { p: { a: { b: 1 } } } },
        want: /object of primitive values/,
      },
    ],
    [
      'a missing required header',
      { op: { ...GET, headers: ['x-trace-id'] }, input: {}, want: /header x-trace-id is required/ },
    ],
    [
      'a multipart body that is not an object',
      {
        op: { ...POST, body: { type: 'multipart/form-data', encode: multipart } },
        input: { body: file },
        want: /body must be an object/,
      },
    ],
    [
      'a string for a binary body',
      {
        op: { ...POST, body: { type: 'application/octet-stream', encode: binary } },
        input: { body: 'bytes' },
        want: /body must be a Blob/,
      },
    ],
  ])('%s', async (_name, { op, input, options, want }) => {
    const { client, seen } = await setup();
    await expect(client.call(op, input, options)).rejects.toThrow(want);
    expect(seen).toHaveLength(0);
  });
});

describe('request bodies by media type', () => {
  test('JSON', async () => {
    const { client, seen } = await setup();
    await client.call(POST, { body: { a: [1] } });
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]!.body)).toEqual({ a: [1] });
  });

  test('multipart: File, Blob, bytes, toFile, arrays and plain fields; fetch sets the boundary', async () => {
    const { client, seen } = await setup();
    const op: OperationInfo = { ...POST, body: { type: 'multipart/form-data', encode: multipart } };
    await client.call(op, {
      body: {
        file: new File(['a,b\n'], 'rows.csv', { type: 'text/csv' }),
        blob: new Blob(['blob']),
        bytes: new Uint8Array([104, 105]),
        named: await toFile(new TextEncoder().encode('pdf'), 'doc.pdf', {
          type: 'application/pdf',
        }),
        many: [new Blob(['1']), new Blob(['2'])],
        purpose: 'import',
        count: 3,
        meta: { a: 1 },
        skipped: undefined,
      },
    });
    expect(seen[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await formOf(seen[0]!);
    const file = form.get('file') as File;
    expect([file.name, file.type, await file.text()]).toEqual(['rows.csv', 'text/csv', 'a,b\n']);
    expect(await (form.get('blob') as File).text()).toBe('blob');
    expect(await (form.get('bytes') as File).text()).toBe('hi');
    const named = form.get('named') as File;
    expect([named.name, named.type, await named.text()]).toEqual([
      'doc.pdf',
      'application/pdf',
      'pdf',
    ]);
    expect(await Promise.all(form.getAll('many').map((f) => (f as File).text()))).toEqual([
      '1',
      '2',
    ]);
    expect([form.get('purpose'), form.get('count'), form.get('meta')]).toEqual([
      'import',
      '3',
      '{"a":1}',
    ]);
    expect(form.has('skipped')).toBe(false);
  });

  test('application/x-www-form-urlencoded', async () => {
    const { client, seen } = await setup();
    const op: OperationInfo = {
      ...POST,
      body: { type: 'application/x-www-form-urlencoded', encode: form },
    };
    await client.call(op, { body: { name: 'A b', tags: ['x', 'y'], n: 2 } });
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[0]!.body).toBe('name=A+b&tags=x&tags=y&n=2');
  });

  const bytes = () => new Uint8Array([0, 1, 2, 127]);
  test.each<[string, { body: () => unknown; type?: string; want: string }]>([
    ['Uint8Array', { body: bytes, want: 'application/octet-stream' }],
    ['ArrayBuffer', { body: () => bytes().buffer, want: 'application/octet-stream' }],
    ['Blob', { body: () => new Blob([bytes()]), want: 'application/octet-stream' }],
    [
      'ReadableStream',
      { body: () => new Blob([bytes()]).stream(), want: 'application/octet-stream' },
    ],
    [
      'a Blob for a wildcard type takes its own',
      {
        body: () => new Blob([bytes()], { type: 'image/png' }),
        type: 'image/*',
        want: 'image/png',
      },
    ],
  ])('application/octet-stream: %s', async (_name, { body, type, want }) => {
    const { client, seen } = await setup((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ bytes: [...Buffer.from(req.body, 'latin1')] }));
    });
    const op: OperationInfo = {
      ...POST,
      body: { type: type ?? 'application/octet-stream', encode: binary },
    };
    const got = await client.call<{ bytes: number[] }>(op, { body: body() });
    expect(seen[0]!.headers['content-type']).toBe(want);
    expect(got.bytes).toEqual([0, 1, 2, 127]);
  });

  test('a streamed body is not retried, even with an idempotency key', async () => {
    const { client, seen } = await setup((_req, res) => send(res, 503, { error: 'busy' }));
    const op: OperationInfo = {
      ...POST,
      body: { type: 'application/octet-stream', encode: binary },
      idempotencyKeyMaxLength: 255,
    };
    // The server's 503 reaches the caller: a retry would fail on the spent stream instead.
    await expect(client.call(op, { body: new Blob(['x']).stream() })).rejects.toMatchObject({
      status: 503,
    });
    expect(seen).toHaveLength(1);
  });
});

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
      { op: { ...POST, idempotencyKeyMaxLength: 64 }, want: 3 },
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
