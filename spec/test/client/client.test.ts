import { Lightfield, spec } from '@lightfield/client';
import { recordingFetch, sentOf } from '@lightfield/testkit/recording-fetch';
import { describe, expect, test } from 'vitest';

// The published client's routes and defaults for today's spec: the wire facts the runtime tests
// (packages/client/test, on a neutral widget spec) leave to this folder.
function fetchClient(body: unknown): { client: Lightfield; requests: Request[] } {
  const headers = { 'content-type': 'application/json' };
  const { fetch, requests } = recordingFetch(() => new Response(JSON.stringify(body), { headers }));
  const client = new Lightfield({
    apiKey: 'k',
    baseUrl: 'http://api.test',
    fetch,
    rateLimit: false,
    logLevel: 'off',
  });
  return { client, requests };
}

const opportunity = {
  id: 'opp_1',
  createdAt: '2026-01-01T00:00:00.000Z',
  fields: {},
  relationships: {},
};

describe('@lightfield/client', () => {
  test('defaults to the spec server, and sends its Lightfield-Version', async () => {
    const { client, requests } = fetchClient(opportunity);
    expect(new Lightfield({ apiKey: 'k' }).baseUrl).toBe('https://api.lightfield.app');
    await client.opportunity.retrieve('opp_1');
    expect(spec.apiVersion).toBe('2026-03-01');
    expect(requests[0]!.headers.get('lightfield-version')).toBe('2026-03-01');
  });

  test.each([
    [
      'definitions',
      {
        call: (c: Lightfield) => c.opportunity.definitions(),
        want: ['GET', '/v1/opportunities/definitions', null],
      },
    ],
    [
      'create',
      {
        call: (c: Lightfield) =>
          c.opportunity.create({
            fields: { $name: 'A', $stage: 'Lead' },
            relationships: { $account: 'acc_1' },
          }),
        want: [
          'POST',
          '/v1/opportunities',
          { fields: { $name: 'A', $stage: 'Lead' }, relationships: { $account: 'acc_1' } },
        ],
      },
    ],
    [
      'retrieve',
      {
        call: (c: Lightfield) => c.opportunity.retrieve('opp_1'),
        want: ['GET', '/v1/opportunities/opp_1', null],
      },
    ],
    [
      'update',
      {
        call: (c: Lightfield) =>
          c.opportunity.update('opp_1', {
            fields: { amount: null },
            relationships: { $owner: { replace: 'u_2' } },
          }),
        want: [
          'POST',
          '/v1/opportunities/opp_1',
          { fields: { amount: null }, relationships: { $owner: { replace: 'u_2' } } },
        ],
      },
    ],
    [
      'list',
      {
        call: (c: Lightfield) => c.opportunity.list({ limit: 25, offset: 20 }),
        want: ['GET', '/v1/opportunities?limit=25&offset=20', null],
      },
    ],
  ] as const)('opportunity.%s sends its method, path and body', async (name, { call, want }) => {
    const body = name === 'list' ? { object: 'list', data: [], totalCount: 0 } : opportunity;
    const { client, requests } = fetchClient(body);
    await call(client);
    expect(await sentOf(requests[0]!, 'http://api.test')).toEqual(want);
  });

  test('a list limit above 25 fails before sending', async () => {
    const { client, requests } = fetchClient({ object: 'list', data: [], totalCount: 0 });
    await expect(client.opportunity.list({ limit: 26 })).rejects.toThrow(/limit/);
    expect(requests).toHaveLength(0);
  });
});
