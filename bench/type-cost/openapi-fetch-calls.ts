// The same calls through bare openapi-fetch over the same types.
import type { paths } from '@lightfield/types';
import createClient from 'openapi-fetch';

const client = createClient<paths>({ baseUrl: 'https://api.lightfield.app' });
const header = { 'Lightfield-Version': '2026-03-01' } as const;

export async function everyCall() {
  const { data: definitions } = await client.GET('/v1/opportunities/definitions', {
    params: { header },
  });
  const { data: created } = await client.POST('/v1/opportunities', {
    params: { header },
    body: {
      fields: { $name: 'Acme', $stage: 'Lead', amount: 1000 },
      relationships: { $account: 'acc_1' },
    },
  });
  const { data: retrieved } = await client.GET('/v1/opportunities/{id}', {
    params: { header, path: { id: created!.id } },
  });
  const { data: updated } = await client.POST('/v1/opportunities/{id}', {
    params: { header, path: { id: retrieved!.id } },
    body: { fields: { amount: null }, relationships: { $owner: { replace: 'mem_1' } } },
  });
  const { data: page } = await client.GET('/v1/opportunities', {
    params: { header, query: { limit: 25, offset: 0 } },
  });
  return [definitions!.objectType, updated!.id, page!.totalCount] as const;
}
