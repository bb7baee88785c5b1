import { describe, expectTypeOf, test } from 'vitest';
import type { OpportunityListParams as TypesListParams } from '@lightfield/types';
import { Lightfield, type Filter, type OpportunityListParams } from '@lightfield/client';
import { createRawClient, filterQuery } from '@lightfield/client/raw';

const raw = createRawClient(new Lightfield({ apiKey: 'k' }));

describe('raw client', () => {
  test('takes no header the client already sends', () => {
    void raw.GET('/v1/opportunities/{id}', { params: { path: { id: 'opp_1' } } });
    void raw.GET('/v1/opportunities/definitions');
    void raw.GET('/v1/opportunities', { params: { query: { limit: 5 } } });
    // A filter goes in the query without hand-written keys or a cast.
    void raw.GET('/v1/opportunities', {
      params: { query: { limit: 5, ...filterQuery({ $name: { startsWith: 'Acme' } }) } },
    });
    void raw.POST('/v1/opportunities', {
      body: { fields: { $name: 'A', $stage: 'L' }, relationships: { $account: 'a' } },
    });
    // Still typed when given, and the other headers stay as the spec has them.
    void raw.POST('/v1/opportunities/{id}', {
      params: { path: { id: 'o' }, header: { 'Lightfield-Version': '2026-03-01' } },
      body: { fields: { amount: 1 } },
    });
    void raw.POST('/v1/opportunities/{id}', {
      params: { path: { id: 'o' }, header: { 'Idempotency-Key': 'k' } },
      body: {},
    });
    void raw.GET('/v1/opportunities/definitions', {
      // @ts-expect-error not an accepted version
      params: { header: { 'Lightfield-Version': '1999' } },
    });
    // @ts-expect-error the path parameter is still required
    void raw.GET('/v1/opportunities/{id}', { params: {} });
    // @ts-expect-error an unknown route
    void raw.GET('/v1/nothing');
  });

  test('responses keep their types', async () => {
    const { data } = await raw.GET('/v1/opportunities/{id}', { params: { path: { id: 'o' } } });
    expectTypeOf(data?.createdAt).toEqualTypeOf<string | undefined>();
  });
});

describe('list params', () => {
  test('share their name with @lightfield/types, plus the field filter', () => {
    expectTypeOf<OpportunityListParams>().toExtend<TypesListParams>();
    expectTypeOf<OpportunityListParams['limit']>().toEqualTypeOf<TypesListParams['limit']>();
    expectTypeOf<OpportunityListParams['filter']>().toEqualTypeOf<Filter | undefined>();
    expectTypeOf<Lightfield['opportunity']['list']>()
      .parameter(0)
      .toEqualTypeOf<OpportunityListParams | undefined>();
  });
});
