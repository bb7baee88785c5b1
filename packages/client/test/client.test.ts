import { sentOf } from '@lightfield/testkit/recording-fetch';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { APIError, InvalidArgumentError, LightfieldError } from '../src/index.js';
import { API_KEY, entity, fetchClient, json } from './helpers.js';
import { WidgetClient, widgetDefaults, widgetRaw } from './widget/client.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe('configuration', () => {
  test('fails at construction without an API key', () => {
    vi.stubEnv('LIGHTFIELD_API_KEY', '');
    expect(() => new WidgetClient()).toThrow(/No API key.*LIGHTFIELD_API_KEY/);
  });

  test('reads the key and base URL from the environment', async () => {
    vi.stubEnv('LIGHTFIELD_API_KEY', 'env_key');
    vi.stubEnv('LIGHTFIELD_BASE_URL', 'http://env.test/');
    const seen: Request[] = [];
    const client = new WidgetClient({
      fetch: ((input: RequestInfo, init?: RequestInit) => (
        seen.push(new Request(input, init)),
        Promise.resolve(json(entity()))
      )) as typeof fetch,
      rateLimit: false,
    });
    await client.widget.retrieve('wid_1');
    expect(seen[0]?.url).toBe('http://env.test/v1/widgets/wid_1');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer env_key');
  });

  test('defaults to the spec server, 2 retries and 60 s', () => {
    vi.stubEnv('LIGHTFIELD_BASE_URL', '');
    const client = new WidgetClient({ apiKey: 'k' });
    expect(client.baseUrl).toBe(widgetDefaults.baseUrl);
    expect(client.maxRetries).toBe(2);
    expect(client.timeout).toBe(60_000);
  });

  test('sends auth, version, accept, content type and user agent on every request', async () => {
    const { client, requests } = fetchClient(() => json(entity()), {
      defaultHeaders: { 'X-Team': 'sales' },
    });
    await client.widget.create({
      fields: { $name: 'A', $status: 'Draft' },
      relationships: { $team: 'team_1' },
    });
    const h = requests[0]!.headers;
    expect(h.get('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(h.get('api-version')).toBe(widgetDefaults.headers['Api-Version']);
    expect(h.get('accept')).toBe('application/json');
    expect(h.get('content-type')).toBe('application/json');
    expect(h.get('user-agent')).toMatch(/^lightfield-client-typescript\/\d+\.\d+\.\d+/);
    expect(h.get('x-team')).toBe('sales');
  });
});

describe('methods', () => {
  test.each([
    [
      'definitions',
      {
        call: (c: WidgetClient) => c.widget.definitions(),
        want: ['GET', '/v1/widgets/definitions', null],
      },
    ],
    [
      'create',
      {
        call: (c: WidgetClient) =>
          c.widget.create({
            fields: { $name: 'A', $status: 'Draft' },
            relationships: { $team: 'team_1' },
          }),
        want: [
          'POST',
          '/v1/widgets',
          { fields: { $name: 'A', $status: 'Draft' }, relationships: { $team: 'team_1' } },
        ],
      },
    ],
    [
      'retrieve',
      {
        call: (c: WidgetClient) => c.widget.retrieve('wid_1'),
        want: ['GET', '/v1/widgets/wid_1', null],
      },
    ],
    [
      'update',
      {
        call: (c: WidgetClient) =>
          c.widget.update('wid_1', {
            fields: { weight: null },
            relationships: { $owner: { replace: 'u_2' } },
          }),
        want: [
          'POST',
          '/v1/widgets/wid_1',
          { fields: { weight: null }, relationships: { $owner: { replace: 'u_2' } } },
        ],
      },
    ],
    [
      'list',
      {
        call: (c: WidgetClient) => c.widget.list({ limit: 10, offset: 20 }),
        want: ['GET', '/v1/widgets?limit=10&offset=20', null],
      },
    ],
  ] as const)('%s sends its method, path and body', async (_, { call, want }) => {
    const body = _ === 'list' ? { object: 'list', data: [], totalCount: 0 } : entity();
    const { client, requests } = fetchClient(() => json(body));
    await call(client);
    expect(await sentOf(requests[0]!, 'http://api.test')).toEqual(want);
  });

  test('resolve to the body, and withResponse() gives the raw response too', async () => {
    const { client } = fetchClient(() => json(entity(), 200, { 'x-ratelimit-remaining': '24' }));
    expect(await client.widget.retrieve('wid_1')).toEqual(entity());
    const { data, response } = await client.widget.retrieve('wid_1').withResponse();
    expect(data.id).toBe('wid_1');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('24');
  });

  test('tolerate a body without the newer properties, and an unknown valueType', async () => {
    const body = { ...entity(), fields: { body: { value: '<p>x</p>', valueType: 'HTML' } } };
    const { client } = fetchClient(() => json(body));
    const widget = await client.widget.retrieve('wid_1');
    expect(widget.updatedAt).toBeUndefined();
    expect(widget.fields['body']?.valueType).toBe('HTML');
  });

  test('a raw openapi-fetch client sends as the client does, with its middleware', async () => {
    const { client, requests } = fetchClient(() => json(entity()));
    const before = widgetRaw(client);
    const tagged: string[] = [];
    // Registered on the raw client, the middleware runs for the methods too.
    before.use({
      onRequest({ request }) {
        tagged.push(request.url);
        request.headers.set('x-trace', 't1');
        return request;
      },
    });
    const after = widgetRaw(client);
    // One raw client per client, so calling it per request holds nothing more.
    expect(after).toBe(before);
    const params = { header: { 'Api-Version': '2025-06-01' } } as const;
    const { data } = await before.GET('/v1/widgets/{id}', {
      params: { ...params, path: { id: 'wid_9' } },
    });
    await after.GET('/v1/widgets/{id}', { params: { ...params, path: { id: 'wid_8' } } });
    await client.widget.retrieve('wid_2');
    expect(data?.id).toBe('wid_1');
    expect(tagged).toEqual([
      'http://api.test/v1/widgets/wid_9',
      'http://api.test/v1/widgets/wid_8',
      'http://api.test/v1/widgets/wid_2',
    ]);
    for (const r of requests) {
      expect(r.headers.get('authorization')).toBe(`Bearer ${API_KEY}`);
      expect(r.headers.get('x-trace')).toBe('t1');
    }
    expect(() => widgetRaw({} as never)).toThrow(LightfieldError);
  });
});

describe('input safety', () => {
  test.each([
    ['limit 0', { given: { limit: 0 }, want: '`limit` must be an integer from 1 to 20, got 0' }],
    ['limit 21', { given: { limit: 21 }, want: '`limit` must be an integer from 1 to 20, got 21' }],
    ['limit 2.5', { given: { limit: 2.5 }, want: 'from 1 to 20, got 2.5' }],
    ['limit "10"', { given: { limit: '10' as unknown as number }, want: 'got "10"' }],
    ['offset -1', { given: { offset: -1 }, want: '`offset` must be an integer ≥ 0, got -1' }],
  ])('%s is an InvalidArgumentError naming it and its bound, before sending', async (_, t) => {
    const { client, requests } = fetchClient(() =>
      json({ object: 'list', data: [], totalCount: 0 }),
    );
    const error = await client.widget.list(t.given).catch((e: unknown) => e);
    // Told apart from the API's 400, which is a BadRequestError.
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).not.toBeInstanceOf(APIError);
    expect((error as InvalidArgumentError).message).toContain(t.want);
    expect((error as InvalidArgumentError).param).toBe(Object.keys(t.given)[0]);
    expect(requests).toHaveLength(0);
  });
});

// Ids, CR/LF in headers and secrets are covered in secrets.test.ts.
