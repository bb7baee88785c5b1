import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Lightfield } from './generated/shapes/client/src/generated/client.js';
import { API_KEY, loopback, send, type Seen } from './helpers.js';

// The client generated from the test specs' shapes.yaml (test/generated/shapes, committed and
// drift-checked by `pnpm check:generated`), with every operation shape: multipart upload, text/csv
// and binary downloads, an octet-stream upload, 204s, array and deepObject queries, header
// parameters, two path parameters, a form body, operations without a resource.method
// operationId, an integer path parameter, and methods named `delete`/`export` under resources
// `list`/`file`. Called against a loopback server here; generated-shapes.test-d.ts types it.
type Client = Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;

describe('the client generated from a spec with every operation shape', () => {
  describe('calls each operation at its route with its media type', () => {
    let client: Client;
    let seen: Seen[];
    let close: () => Promise<void>;
    const uploads: number[] = [];
    beforeAll(async () => {
      const server = await loopback(async (req, res) => {
        const url = new URL(req.url, 'http://x');
        const route = `${req.method} ${url.pathname}`;
        if (route === 'POST /v1/files') {
          // The first upload fails once: its idempotency key (named in the prose) makes it retryable.
          uploads.push(uploads.length);
          if (uploads.length === 1)
            return send(res, 503, { message: 'busy' }, { 'retry-after': '0' });
          const form = await new Request('http://x', {
            method: 'POST',
            headers: { 'content-type': String(req.headers['content-type']) },
            body: req.body,
          }).formData();
          const file = form.get('file') as File;
          return send(res, 201, {
            id: 'f1',
            name: file.name,
            purpose: form.get('purpose'),
            text: await file.text(),
          });
        }
        if (route === 'GET /v1/files/f%2F1/export') {
          res.writeHead(200, { 'content-type': 'text/csv' });
          return res.end('id,name\n1,A\n');
        }
        if (route === 'GET /v1/files/f1/content') {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          return res.end(Buffer.from([1, 2, 3]));
        }
        if (route === 'GET /v1/lists') {
          const skip = Number(url.searchParams.get('skip'));
          const all = [{ id: 'l1' }, { id: 'l2' }, { id: 'l3' }];
          return send(res, 200, { results: all.slice(skip, skip + 2), total: all.length });
        }
        if (route === 'POST /v1/lists')
          return send(res, 503, { message: 'busy' }, { 'retry-after': '0' });
        if (route === 'POST /v1/lists/l1/rename')
          return send(res, 200, { id: 'l1', renamed: new URLSearchParams(req.body).get('name') });
        if (route === 'GET /v1/files/f1') return send(res, 200, { id: 'f1', name: 'a.csv' });
        res.writeHead(204);
        res.end();
      });
      seen = server.seen;
      close = server.close;
      client = new Lightfield({
        apiKey: API_KEY,
        baseUrl: server.url,
        logLevel: 'off',
      }) as unknown as Client;
    });
    afterAll(() => close());

    test('multipart upload, retried under its idempotency key', async () => {
      const file = new File(['a,b\n'], 'rows.csv', { type: 'text/csv' });
      const got = await client['file']!['upload']!({ file, purpose: 'import' });
      expect(got).toEqual({ id: 'f1', name: 'rows.csv', purpose: 'import', text: 'a,b\n' });
      const sent = seen.filter((s) => s.url === '/v1/files');
      expect(sent).toHaveLength(2);
      expect(sent[0]!.headers['idempotency-key']).toBeTruthy();
      expect(sent[1]!.headers['idempotency-key']).toBe(sent[0]!.headers['idempotency-key']);
      expect(sent[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(sent[0]!.headers['shapes-version']).toBe('2026-01-01');
    });

    test('text/csv download as a string, with an unexploded array query', async () => {
      expect(await client['file']!['export']!('f/1', { columns: ['id', 'name'] })).toBe(
        'id,name\n1,A\n',
      );
      const last = seen.at(-1)!;
      expect(last.url).toBe('/v1/files/f%2F1/export?columns=id,name');
      expect(last.headers['accept']).toBe('text/csv');
    });

    test('binary download as a Response', async () => {
      const response = (await client['file']!['content']!('f1')) as Response;
      expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2, 3]);
    });

    test('octet-stream upload and 204', async () => {
      expect(await client['file']!['replace']!('f1', new Uint8Array([9, 8]))).toBeUndefined();
      const last = seen.at(-1)!;
      expect([last.method, last.url, last.headers['content-type'], last.body]).toEqual([
        'PUT',
        '/v1/files/f1/content',
        'application/octet-stream',
        '\t\b',
      ]);
    });

    test('list.delete: two path parameters, in path order, encoded; 204', async () => {
      expect(await client['list']!['delete']!('l1', 'i 1')).toBeUndefined();
      expect(seen.at(-1)!.url).toBe('/v1/lists/l1/items/i%201');
      // An integer path parameter, as its type says, goes in the path as text.
      expect(await client['list']!['delete']!('l1', 7)).toBeUndefined();
      expect(seen.at(-1)!.url).toBe('/v1/lists/l1/items/7');
      expect(seen.at(-1)!.method).toBe('DELETE');
    });

    test('list.list: array and deepObject query, header parameters, pages by the spec names', async () => {
      const ids: string[] = [];
      const query = { ids: ['a', 'b'], where: { name: 'A' } };
      const headers = { 'X-Trace-Id': 't-1', 'X-Mode': 'fast' };
      for await (const item of client['list']!['list']!(query, {
        headers,
      }) as unknown as AsyncIterable<{ id: string }>)
        ids.push(item.id);
      expect(ids).toEqual(['l1', 'l2', 'l3']);
      const calls = seen.filter((s) => s.url.startsWith('/v1/lists?'));
      expect(calls.map((s) => s.url)).toEqual([
        '/v1/lists?ids=a&ids=b&where[name]=A&skip=0',
        '/v1/lists?ids=a&ids=b&where[name]=A&skip=2',
      ]);
      expect(calls.map((s) => [s.headers['x-trace-id'], s.headers['x-mode']])).toEqual([
        ['t-1', 'fast'],
        ['t-1', 'fast'],
      ]);
    });

    test('list.list without its required header fails before sending', async () => {
      const before = seen.length;
      await expect(client['list']!['list']!({}, {})).rejects.toThrow(
        /header x-trace-id is required/,
      );
      expect(seen).toHaveLength(before);
    });

    test('a POST without an idempotency key is not retried', async () => {
      await expect(client['list']!['create']!({ name: 'A' })).rejects.toThrow();
      expect(seen.filter((s) => s.method === 'POST' && s.url === '/v1/lists')).toHaveLength(1);
    });

    test('form-urlencoded body', async () => {
      expect(await client['list']!['rename']!('l1', { name: 'B c' })).toEqual({
        id: 'l1',
        renamed: 'B c',
      });
      expect(seen.at(-1)!.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(seen.at(-1)!.body).toBe('name=B+c');
    });

    test('operations without a resource.method operationId', async () => {
      expect(await client['file']!['getV1FilesFileId']!('f1', { fields: ['a', 'b'] })).toEqual({
        id: 'f1',
        name: 'a.csv',
      });
      expect(seen.at(-1)!.url).toBe('/v1/files/f1?fields=a%20b');
      expect(await client['file']!['removeFile']!('f1')).toBeUndefined();
      expect(seen.at(-1)!.method).toBe('DELETE');
    });
  });
});
