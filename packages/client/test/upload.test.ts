import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import {
  InvalidArgumentError,
  UploadError,
  type ClientOptions,
  type UploadData,
  type UploadStep,
} from '../src/index.js';
import { md5Hex, builtinCrypto } from '../src/internal/md5.js';
import { API_KEY, loopback, send, type Seen } from './helpers.js';
import {
  documentSend,
  Lightfield,
  LightfieldClient,
} from './generated/upload-session/client/src/generated/client.js';

// The upload helper of the test specs' upload-session.yaml (`document.send`): a loopback server
// plays the API and the storage the bytes are PUT to.

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A failure a step answers once per entry, in order: a status, or a dropped connection. */
type Failure = number | 'drop';
type Step = 'begin' | 'put' | 'finish';

const SIGNED = '?sig=s3cret-signature';

function stepOf(req: Seen): Step | undefined {
  if (req.method === 'PUT' && req.url.startsWith('/storage/doc_1')) return 'put';
  if (req.method === 'POST' && req.url === '/v1/documents') return 'begin';
  if (req.method === 'POST' && req.url === '/v1/documents/doc_1/finish') return 'finish';
  return undefined;
}

/** The API and the storage, failing each step as `failures` say before it succeeds. */
async function setup(failures: Partial<Record<Step, Failure[]>> = {}) {
  const counts: Record<Step, number> = { begin: 0, put: 0, finish: 0 };
  const server = await loopback((req, res: ServerResponse) => {
    const step = stepOf(req);
    if (!step) return send(res, 404, { error: { type: 'not_found', message: req.url } });
    const failure = (failures[step] ?? [])[counts[step]++];
    if (failure === 'drop') return res.socket?.destroy();
    if (failure)
      return send(
        res,
        failure,
        { error: { type: 'x', message: `${step} failed` } },
        {
          'retry-after-ms': '0',
        },
      );
    const document = { id: 'doc_1', title: 'Q3', length: 0, state: 'OPEN' };
    if (step === 'begin')
      return send(res, 201, {
        ...document,
        putUrl: `${server.url}/storage/doc_1${SIGNED}`,
        putHeaders: { 'x-upload-token': 'tok_1' },
      });
    if (step === 'put') return send(res, 200, '');
    return send(res, 200, { ...document, state: 'DONE' });
  });
  close = server.close;
  const options: ClientOptions = {
    apiKey: API_KEY,
    baseUrl: server.url,
    logLevel: 'off',
    rateLimit: false,
  };
  const client = new Lightfield(options);
  return { client, bare: new LightfieldClient(options), seen: server.seen, counts };
}

const md5 = (bytes: Uint8Array | string) => createHash('md5').update(bytes).digest('hex');

describe('document.send', () => {
  test('begins with the byte count, PUTs the bytes without the key, finishes with the md5', async () => {
    const { client, seen } = await setup();
    const done = await client.document.send('hello, transcript', { title: 'Q3' });
    expect(done).toMatchObject({ id: 'doc_1', state: 'DONE' });
    const [begin, put, finish] = seen;
    expect(JSON.parse(begin!.body)).toEqual({ title: 'Q3', length: 17 });
    expect(put).toMatchObject({ method: 'PUT', url: `/storage/doc_1${SIGNED}` });
    expect(put!.body).toBe('hello, transcript');
    expect(put!.headers['x-upload-token']).toBe('tok_1');
    expect(put!.headers['authorization']).toBeUndefined();
    expect(JSON.stringify(put!.headers)).not.toContain(API_KEY);
    expect(JSON.parse(finish!.body)).toEqual({ digest: md5('hello, transcript') });
    expect(finish!.headers['authorization']).toBe(`Bearer ${API_KEY}`);
  });

  const bytes = new TextEncoder().encode('__bytes in a view__');
  const data: [string, { given: UploadData; want: string }][] = [
    ['a string, as UTF-8', { given: 'grüße', want: 'grüße' }],
    ['a view into a larger buffer', { given: bytes.subarray(2, 18), want: 'bytes in a view_' }],
    ['an ArrayBuffer', { given: bytes.slice(2, 7).buffer, want: 'bytes' }],
    ['a Blob', { given: new Blob(['from a blob']), want: 'from a blob' }],
  ];
  test.each(data)('uploads %s', async (_, { given, want }) => {
    const { bare, seen } = await setup();
    await documentSend(bare, given, { title: 'Q3' });
    const length = new TextEncoder().encode(want).byteLength;
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ length });
    expect(seen[1]!.body).toBe(want);
    expect(JSON.parse(seen[2]!.body)).toEqual({ digest: md5(want) });
  });

  test('refuses data it cannot send before sending anything', async () => {
    const { client, seen } = await setup();
    const given = 42 as unknown as UploadData;
    await expect(client.document.send(given, { title: 'Q3' })).rejects.toThrow(
      InvalidArgumentError,
    );
    expect(seen).toHaveLength(0);
  });
});

type Case = [
  string,
  {
    given: Partial<Record<Step, Failure[]>>;
    want: { failed?: UploadStep; counts: Record<Step, number> };
  },
];

// Each step retries on its own: a failure at one step never runs an earlier one again.
const cases: Case[] = [
  ['every step succeeding', { given: {}, want: { counts: { begin: 1, put: 1, finish: 1 } } }],
  [
    'a begin that fails once',
    { given: { begin: [503] }, want: { counts: { begin: 2, put: 1, finish: 1 } } },
  ],
  [
    'a PUT that fails once',
    { given: { put: [503] }, want: { counts: { begin: 1, put: 2, finish: 1 } } },
  ],
  [
    'a PUT whose connection drops once',
    { given: { put: ['drop'] }, want: { counts: { begin: 1, put: 2, finish: 1 } } },
  ],
  [
    'a finish that fails once',
    { given: { finish: [503] }, want: { counts: { begin: 1, put: 1, finish: 2 } } },
  ],
  [
    'a refused begin',
    {
      given: { begin: [400] },
      want: { failed: 'create', counts: { begin: 1, put: 0, finish: 0 } },
    },
  ],
  [
    'a refused PUT',
    { given: { put: [403] }, want: { failed: 'put', counts: { begin: 1, put: 1, finish: 0 } } },
  ],
  [
    'a PUT that keeps failing',
    {
      given: { put: [500, 500, 500] },
      want: { failed: 'put', counts: { begin: 1, put: 3, finish: 0 } },
    },
  ],
  [
    'a refused finish',
    {
      given: { finish: [422] },
      want: { failed: 'complete', counts: { begin: 1, put: 1, finish: 1 } },
    },
  ],
];

describe('a failing step', () => {
  test.each(cases)('%s', async (_, { given, want }) => {
    const { client, counts } = await setup(given);
    const result = await client.document.send('bytes', { title: 'Q3' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(counts).toEqual(want.counts);
    if (!want.failed) return expect(result).toBeUndefined();
    expect(result).toBeInstanceOf(UploadError);
    const error = result as UploadError;
    expect(error.step).toBe(want.failed);
    // Branded by its own class (`errors.ts`): its name survives a consumer's minifier.
    expect(error.name).toBe('UploadError');
    expect(error.sessionId).toBe(want.failed === 'create' ? undefined : 'doc_1');
    expect(error.message).toContain(`at ${want.failed}`);
    // Neither the key nor the upload URL's signature gets into the error.
    expect(JSON.stringify([error.message, String(error.cause)])).not.toMatch(/s3cret|lf_test/);
  });

  test('a retried begin or finish keeps its Idempotency-Key, one per step', async () => {
    const { client, seen } = await setup({ begin: [503], finish: [503] });
    await client.document.send('bytes', { title: 'Q3' });
    const keys = (step: Step) =>
      seen.filter((r) => stepOf(r) === step).map((r) => r.headers['idempotency-key']);
    const [begin, finish] = [keys('begin'), keys('finish')];
    expect(new Set(begin).size).toBe(1);
    expect(new Set(finish).size).toBe(1);
    expect(begin[0]).not.toBe(finish[0]);
  });
});

describe('md5Hex', () => {
  const vectors: [string, { given: string; want: string }][] = [
    ['empty', { given: '', want: 'd41d8cd98f00b204e9800998ecf8427e' }],
    [
      'a sentence',
      {
        given: 'The quick brown fox jumps over the lazy dog',
        want: '9e107d9d372bb6826bd81d3542a419d6',
      },
    ],
    ['over one block', { given: 'a'.repeat(1000), want: md5('a'.repeat(1000)) }],
  ];
  const runtimes = [
    ['node:crypto', builtinCrypto()],
    ['@noble/hashes, as in a browser', undefined],
  ] as const;
  for (const [runtime, crypto] of runtimes)
    test.each(vectors)(`${runtime}: %s`, async (_, { given, want }) => {
      expect(await md5Hex(new TextEncoder().encode(given), crypto)).toBe(want);
    });

  test('Node has node:crypto built in, so it never loads the fallback', () => {
    expect(builtinCrypto()).toBeDefined();
  });
});
