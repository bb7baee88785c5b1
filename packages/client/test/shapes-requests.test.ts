import { describe, expect, test } from 'vitest';
import { toFile, type RequestOptions } from '../src/index.js';
import { type CallInput } from '../src/internal/base-client.js';
import { idempotencyKey } from '../src/core/idempotency-key.js';
import type { OperationInfo } from '../src/internal/operation.js';
import { binary, form, multipart, multipartFile } from '../src/core/media.js';
import { styled } from '../src/core/query-style.js';
import { send } from './helpers.js';
import { GET, POST, formOf, setup } from './shapes.js';

// Every request shape the runtime sends, over a real socket: query styles, client misuse, request
// media types.
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
      'deepObject, a member that is a list',
      {
        rule: { shape: 'object', encode: styled, style: 'deepObject' },
        value: { id: [1, 2], at: ['a,b'], none: [] },
        want: 'p[id]=1,2&p[at]=a%2Cb&p[none]=',
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
    [
      'an object parameter that takes a primitive too, given one',
      {
        rule: { shape: 'object', encode: styled, style: 'deepObject', primitive: true },
        value: 'null',
        want: 'p=null',
      },
    ],
    [
      'an object parameter that takes a primitive too, given an object',
      {
        rule: { shape: 'object', encode: styled, style: 'deepObject', primitive: true },
        value: { id: 'DM_1' },
        want: 'p[id]=DM_1',
      },
    ],
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
      'a list of objects in deepObject',
      {
        op: { ...GET, query: { p: { shape: 'object', encode: styled, style: 'deepObject' } } },
        input: { query: { p: { a: [{ b: 1 }] } } },
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
      'fields for a multipart body of one file',
      {
        op: { ...POST, body: { type: 'multipart/form-data', encode: multipartFile } },
        input: { body: { file } },
        want: /body must be a Blob, bytes or a string/,
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

  test.each<[string, { body: unknown; want: [string, string, string] }]>([
    [
      'a File, its name and type kept',
      {
        body: new File(['%PDF'], 'label.pdf', { type: 'application/pdf' }),
        want: ['label.pdf', 'application/pdf', '%PDF'],
      },
    ],
    [
      'bytes',
      { body: new Uint8Array([104, 105]), want: ['file', 'application/octet-stream', 'hi'] },
    ],
    ['a string, as the file', { body: 'a,b', want: ['file', 'application/octet-stream', 'a,b'] }],
  ])(
    'multipart of one file (its schema a binary string): %s as the part `file`',
    async (_, { body, want }) => {
      const { client, seen } = await setup();
      const op: OperationInfo = {
        ...POST,
        body: { type: 'multipart/form-data', encode: multipartFile },
      };
      await client.call(op, { body });
      expect(seen[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      const form = await formOf(seen[0]!);
      const part = form.get('file') as File;
      expect([...form.keys()]).toEqual(['file']);
      expect([part.name, part.type, await part.text()]).toEqual(want);
    },
  );

  test.each<[string, { body: unknown; want: string }]>([
    [
      'fields',
      { body: { name: 'A b', tags: ['x', 'y'], n: 2 }, want: 'name=A+b&tags=x&tags=y&n=2' },
    ],
    // A spec whose form body is `type: string` takes it encoded already.
    ['an encoded string', { body: 'instructions=Add+salt.', want: 'instructions=Add+salt.' }],
  ])('application/x-www-form-urlencoded: %s', async (_, { body, want }) => {
    const { client, seen } = await setup();
    const op: OperationInfo = {
      ...POST,
      body: { type: 'application/x-www-form-urlencoded', encode: form },
    };
    await client.call(op, { body });
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[0]!.body).toBe(want);
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
      idempotency: { maxLength: 255, key: idempotencyKey },
    };
    // The server's 503 reaches the caller: a retry would fail on the spent stream instead.
    await expect(client.call(op, { body: new Blob(['x']).stream() })).rejects.toMatchObject({
      status: 503,
    });
    expect(seen).toHaveLength(1);
  });
});
