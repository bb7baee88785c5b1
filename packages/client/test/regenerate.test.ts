import { describe, expect, test } from 'vitest';
import { Lightfield } from './generated/two-resources/client/src/generated/client.js';
import { API_KEY, entity, json } from './helpers.js';

// The types and client generated from a spec with a second resource (`gadget`, copied from the
// test specs' widget.yaml's `widget`), with no generator change: test/generated/two-resources,
// committed and drift-checked by `pnpm check:generated`. regenerate.test-d.ts types it; here it
// calls the new resource.
describe('a spec with one more resource', () => {
  test('calls the new resource at its routes', async () => {
    const urls: string[] = [];
    const client = new Lightfield({
      apiKey: API_KEY,
      baseUrl: 'http://api.test',
      rateLimit: false,
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const r = new Request(input, init);
        urls.push(`${r.method} ${new URL(r.url).pathname}`);
        return Promise.resolve(
          r.url.includes('?')
            ? json({ object: 'list', data: [], totalCount: 0 })
            : json(entity('gad_1')),
        );
      },
    });
    await client.gadget.retrieve('gad_1');
    await client.gadget.update('gad_1', { fields: { $name: 'B' } });
    await client.gadget.list({ limit: 5 });
    await client.gadget.definitions();
    await client.widget.retrieve('wid_1');
    expect(urls).toEqual([
      'GET /v1/gadgets/gad_1',
      'POST /v1/gadgets/gad_1',
      'GET /v1/gadgets',
      'GET /v1/gadgets/definitions',
      'GET /v1/widgets/wid_1',
    ]);
  });
});
