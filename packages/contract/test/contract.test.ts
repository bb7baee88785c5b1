import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Lightfield } from '@lightfield/client';
import { loadSpec, type SpecModel } from '@lightfield/codegen';
import { SpecValidator } from '@lightfield/codegen/validator';
import { createMockServer, type MockServer } from '@lightfield/fixtures/server';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { main } from '../src/cli.js';
import { adaptBody, PROJECT_SPEC, REPO_ROOT, roundTrip, specOperations } from '../src/index.js';
import type { SpecOperation } from '../src/operations.js';
import { State } from '../src/round-trip.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, '../bin/lightfield-contract.js');
const run = promisify(execFile);

/** How a proxy in front of the mock spoils each answer. */
type Spoil = (res: { status: number; type: string; body: string; method: string }) => {
  status: number;
  type: string;
  body: string;
};

/** A server on 127.0.0.1 that forwards to the mock and spoils what comes back. */
async function spoilingProxy(
  target: string,
  spoil: Spoil,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void forward().catch((error: Error) => res.destroy(error)));
    async function forward(): Promise<void> {
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([k]) => !['host', 'connection', 'content-length'].includes(k),
        ),
      ) as Record<string, string>;
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const answer = await fetch(`${target}${req.url}`, {
        method: req.method!,
        headers,
        ...(body ? { body } : {}),
      });
      const out = spoil({
        status: answer.status,
        type: answer.headers.get('content-type') ?? '',
        body: await answer.text(),
        method: req.method!,
      });
      res.writeHead(out.status, { 'content-type': out.type });
      res.end(out.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the usage', () => {
  test.each([
    ['--help alone', { given: ['--help'], want: 0 }],
    ['-h alone', { given: ['-h'], want: 0 }],
    ['a command with --help', { given: ['round-trip', '--help'], want: 0 }],
    ['no command', { given: [], want: 1 }],
  ])('%s prints the usage', async (_, { given, want }) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await main(given)).toBe(want);
      expect(log.mock.calls).toEqual([[expect.stringContaining('Usage:')]]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe("the project's spec", () => {
  // In-process: `main` round-trips the spec through the generated client to the mock, prints the
  // report and resolves to the exit code the command exits with (spawned below, failing).
  test('round-trips every operation through the generated client to the mock: N/N, exit 0', async () => {
    const operations = specOperations(await loadSpec(PROJECT_SPEC));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await main(['round-trip', '--spec', PROJECT_SPEC])).toBe(0);
      expect(log.mock.calls).toEqual([
        [`round-trip: ${operations.length}/${operations.length} operations`],
      ]);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('a server whose answers break the spec', () => {
  let mock: MockServer;
  // Every case round-trips the same spec: it is read, and its schemas compiled, once.
  let model: SpecModel;
  let validator: SpecValidator;
  const proxies: Server[] = [];
  beforeAll(async () => {
    mock = await createMockServer({ rateLimit: false });
    model = await loadSpec(PROJECT_SPEC);
    validator = new SpecValidator(model.document);
  });
  afterAll(async () => {
    for (const p of proxies) p.close();
    await mock.close();
  });

  test.each<[string, { given: Spoil; want: RegExp }]>([
    [
      'a JSON body without its required properties',
      {
        given: (r) => ({ ...r, body: r.status < 300 ? '{}' : r.body }),
        want: /does not match the schema: .*required/,
      },
    ],
    [
      'a status the spec does not document',
      {
        given: (r) => ({ ...r, status: r.status < 300 ? 299 : r.status }),
        want: /status 299 is not documented/,
      },
    ],
    [
      'a media type the spec does not declare',
      {
        given: (r) => ({ ...r, type: 'text/plain' }),
        want: /content-type "text\/plain" is not one of application\/json/,
      },
    ],
    [
      'a 404 answered as a 200',
      {
        given: (r) => (r.status === 404 ? { ...r, status: 200 } : r),
        want: /of an id nobody created answered 200, not the documented 404/,
      },
    ],
    [
      'an error status for every write',
      {
        given: (r) =>
          r.method === 'GET'
            ? r
            : {
                status: 422,
                type: 'application/json',
                body: '{"error":{"type":"unprocessable_content","message":"no"}}',
              },
        want: /^status 422/,
      },
    ],
  ])('fails the operations it spoils: %s', async (_, { given, want }) => {
    const proxy = await spoilingProxy(mock.url, given);
    proxies.push(proxy.server);
    // As `roundTripSpec` runs against a server of its own (see the command's case below).
    const report = await roundTrip({
      model,
      validator,
      Client: Lightfield,
      baseUrl: proxy.url,
      apiKey: 'contract-test-key',
      maxRetries: 2,
    });
    // Later operations may fail for want of the state a spoiled answer didn't give: at least
    // the ones spoiled first fail for the reason given.
    const failures = report.results.filter((r) => !r.ok);
    expect(failures.filter((f) => want.test(f.error ?? '')).length).toBeGreaterThan(0);
    expect(report.passed).toBeLessThan(report.total);
  });

  // The command's one spawn: the bin runs the build, reads LIGHTFIELD_API_KEY, and exits with
  // what `main` resolves to.
  test('`lightfield-contract round-trip --base-url` lists each failure and exits 1', async () => {
    const proxy = await spoilingProxy(mock.url, (r) => ({
      ...r,
      body: r.status < 300 ? '[]' : r.body,
    }));
    proxies.push(proxy.server);
    const failed = await run(process.execPath, [BIN, 'round-trip', '--base-url', proxy.url], {
      cwd: REPO_ROOT,
      env: { ...process.env, LIGHTFIELD_API_KEY: 'staging-key' },
    }).catch((e: { code: number; stdout: string }) => e);
    expect('code' in failed && failed.code).toBe(1);
    const lines = failed.stdout.trim().split('\n');
    const total = Number(/^round-trip: 0\/(\d+) operations$/.exec(lines[0]!)?.[1]);
    expect(lines.slice(1)).toHaveLength(total);
    expect(lines.slice(1).every((l) => /^ {2}✗ \S+/.test(l))).toBe(true);
    expect(lines.some((l) => /\(200\): the body does not match the schema/.test(l))).toBe(true);
  });
});

describe('a sampled body adapted to the server', () => {
  test.each<[string, { given: [unknown, unknown, boolean]; want: unknown }]>([
    [
      'takes the value a wrapper holds',
      { given: [{ a: 'x' }, { a: { value: 'v', kind: 'K' } }, false], want: { a: 'v' } },
    ],
    [
      'takes the ids a wrapper holds',
      { given: [{ a: 'x' }, { a: { kind: 'K', values: ['id_1'] } }, false], want: { a: ['id_1'] } },
    ],
    [
      'keeps what the server lacks',
      { given: [{ a: 'x', b: 1 }, { a: 'y' }, false], want: { a: 'y', b: 1 } },
    ],
    ['or drops it', { given: [{ a: 'x', b: 1 }, { a: 'y' }, true], want: { a: 'y' } }],
    [
      'keeps a type the server contradicts',
      { given: [{ a: 1 }, { a: 'y' }, false], want: { a: 1 } },
    ],
  ])('%s', (_, { given, want }) => {
    expect(adaptBody(...given)).toEqual(want);
  });
});

describe('ids the round-trip learns from the server', () => {
  const op = (httpMethod: string, path: string, kind: string): SpecOperation =>
    ({ name: kind, httpMethod, path, raw: {}, params: [], model: { kind } }) as never;
  test.each<[string, { given: [SpecOperation, unknown][]; want: string | undefined }]>([
    [
      "an update's answer echoing an example id doesn't replace the created one",
      {
        given: [
          [op('get', '/things', 'list'), { data: [{ id: 'ex-1' }] }],
          [op('post', '/things', 'create'), { id: 'made-1' }],
          [op('patch', '/things/{id}', 'update'), { data: { id: 'ex-1' } }],
          [op('post', '/things/{id}/archive', 'action'), { id: 'ex-2' }],
        ],
        want: 'made-1',
      },
    ],
    [
      'a retrieve answer counts',
      {
        given: [
          [op('post', '/things', 'create'), { id: 'made-1' }],
          [op('get', '/things/{id}', 'retrieve'), { id: 'read-1' }],
        ],
        want: 'read-1',
      },
    ],
    [
      'an action fills a collection nothing else showed',
      { given: [[op('patch', '/things/{id}', 'update'), { id: 'ex-1' }]], want: 'ex-1' },
    ],
    [
      'a delete teaches nothing',
      { given: [[op('delete', '/things/{id}', 'delete'), { id: 'gone' }]], want: undefined },
    ],
  ])('%s', (_, { given, want }) => {
    const state = new State();
    for (const [o, body] of given) state.learn(o, body);
    expect(state.pathValue('/things/{id}', 'id')).toBe(want);
  });
});
