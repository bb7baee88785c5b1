import { describe, expectTypeOf, test } from 'vitest';
import type { Opportunity, OpportunityDefinitions } from '@lightfield/types';
import { Lightfield, type Page, type PagePromise } from '@lightfield/client';

const client = new Lightfield({ apiKey: 'k' });

describe('methods', () => {
  test('create requires $name, $stage and $account', () => {
    const noName = { fields: { $stage: 'Lead' }, relationships: { $account: 'acc_1' } };
    const noAccount = { fields: { $name: 'A', $stage: 'Lead' }, relationships: {} };
    const ok = { fields: { $name: 'A', $stage: 'L' }, relationships: { $account: 'a' } };
    // @ts-expect-error $name is missing
    void client.opportunity.create(noName);
    // @ts-expect-error $account is missing
    void client.opportunity.create(noAccount);
    // @ts-expect-error snake_case is not the wire
    void client.opportunity.create({ ...ok, created_at: 'x' });
    expectTypeOf<typeof client.opportunity.create>().parameter(0).toHaveProperty('fields');
  });

  test('retrieve requires a string id', () => {
    // @ts-expect-error no id
    void client.opportunity.retrieve();
    // @ts-expect-error a number is not an id
    void client.opportunity.retrieve(42);
    expectTypeOf<typeof client.opportunity.retrieve>().parameter(0).toEqualTypeOf<string>();
  });

  test('update takes relationship operations', () => {
    void client.opportunity.update('opp_1', { relationships: { $owner: { add: ['u_1'] } } });
    // @ts-expect-error a bare id is not an operation
    void client.opportunity.update('opp_1', { relationships: { $owner: 'u_1' } });
  });

  test('list takes typed limit, offset and filter', () => {
    void client.opportunity.list({
      limit: 10,
      filter: { $name: { startsWith: 'A' }, $stage: { not: { equal: 'x' } } },
    });
    // @ts-expect-error limit is a number
    void client.opportunity.list({ limit: '10' });
    // @ts-expect-error no such operator
    void client.opportunity.list({ filter: { $name: { like: 'A' } } });
  });

  test('results are the @lightfield/types types', () => {
    expectTypeOf(client.opportunity.retrieve('x')).resolves.toEqualTypeOf<Opportunity>();
    expectTypeOf(client.opportunity.definitions()).resolves.toEqualTypeOf<OpportunityDefinitions>();
    expectTypeOf(client.opportunity.list()).toEqualTypeOf<PagePromise<Opportunity>>();
    expectTypeOf(client.opportunity.list()).resolves.toEqualTypeOf<Page<Opportunity>>();
    expectTypeOf(client.opportunity.retrieve('x').withResponse()).resolves.toEqualTypeOf<{
      data: Opportunity;
      response: Response;
      requestId: string | undefined;
    }>();
  });

  test('every method takes request options last', () => {
    void client.opportunity.retrieve('x', {
      timeout: 1,
      maxRetries: 0,
      signal: AbortSignal.abort(),
      headers: { a: 'b' },
    });
    void client.opportunity.create(
      { fields: { $name: 'A', $stage: 'Lead' }, relationships: { $account: 'a' } },
      { idempotencyKey: 'k' },
    );
    // @ts-expect-error unknown option
    void client.opportunity.definitions({ retries: 3 });
  });
});
