import { describe, expectTypeOf, test } from 'vitest';
import type { Address, Opportunity, Relationship, RelationshipOperation } from '@lightfield/types';
import {
  Lightfield,
  LightfieldClient,
  opportunityList,
  opportunityRetrieve,
  type Page,
} from '@lightfield/client';
import { MyOrgOptions, type MyOrg } from './org/my-org.js';

// my-org.ts is what `lightfield-fields` writes from org/definitions.json (fields.test.ts
// checks that it is current).
const client = new Lightfield<MyOrg>({ apiKey: 'k' });
const plain = new Lightfield({ apiKey: 'k' });
declare const opp: Awaited<ReturnType<typeof client.opportunity.retrieve>>;

describe('new Lightfield<MyOrg>(): entities', () => {
  test('every defined field is present and typed by its valueType', () => {
    expectTypeOf(opp.fields.amount.value).toEqualTypeOf<number | null>();
    expectTypeOf(opp.fields.amount.valueType).toEqualTypeOf<'CURRENCY'>();
    expectTypeOf(opp.fields.closeDate.value).toEqualTypeOf<string | null>();
    expectTypeOf(opp.fields.hq.value).toEqualTypeOf<Address | null>();
    expectTypeOf(opp.fields.strategic.value).toEqualTypeOf<boolean | null>();
    expectTypeOf(opp.fields['win-reason'].value).toEqualTypeOf<string | null>();
    expectTypeOf(opp.fields.$name.value).toEqualTypeOf<string | null>();
    // @ts-expect-error no such field in this organization
    void opp.fields.amuont;
  });

  test('select values read back as the option ids, which the API returns', () => {
    expectTypeOf(opp.fields.$stage.value).toEqualTypeOf<'opt_lead' | 'opt_won' | null>();
    expectTypeOf(opp.fields.tags.value).toEqualTypeOf<('opt_smb' | 'opt_ent')[] | null>();
    expectTypeOf(opp.fields.$opportunityStatus.value).toEqualTypeOf<'opt_open' | null>();
    // @ts-expect-error a label is never what an entity holds
    void (opp.fields.$stage.value === 'Closed Won');
  });

  test('the options constant maps labels to ids and back', () => {
    const { ids, labels } = MyOrgOptions.opportunity.$stage;
    expectTypeOf(ids['Closed Won']).toEqualTypeOf<'opt_won'>();
    expectTypeOf(labels.opt_lead).toEqualTypeOf<'Lead'>();
    void (opp.fields.$stage.value === ids['Closed Won']);
    expectTypeOf(MyOrgOptions.opportunity.tags.ids.SMB).toEqualTypeOf<'opt_smb'>();
    // @ts-expect-error a field without options has no maps
    void MyOrgOptions.opportunity.amount;
  });

  test('a module of an earlier version (options as one union) still types its selects', () => {
    type Earlier = {
      opportunity: {
        fields: { $stage: { valueType: 'SINGLE_SELECT'; options: 'opt_lead' | 'Lead' } };
        relationships: Record<never, never>;
      };
    };
    type Read = Awaited<ReturnType<Lightfield<Earlier>['opportunity']['retrieve']>>;
    expectTypeOf<Read['fields']['$stage']['value']>().toEqualTypeOf<'opt_lead' | 'Lead' | null>();
  });

  test('a valueType the spec does not know keeps the whole field union', () => {
    expectTypeOf(opp.fields.notes).toEqualTypeOf<Opportunity['fields'][string]>();
  });

  test('a relationship every create requires is present, with at least one id', () => {
    expectTypeOf(opp.relationships.$account.values[0]).toEqualTypeOf<string>();
    expectTypeOf(opp.relationships.$account.values).toExtend<string[]>();
    expectTypeOf(opp.relationships.$owner).toEqualTypeOf<Relationship | undefined>();
    type Listed = Awaited<ReturnType<typeof client.opportunity.list>>['data'][number];
    expectTypeOf<Listed['relationships']['$account']['values'][0]>().toEqualTypeOf<string>();
  });

  test('a relationship the definitions mark required is present too', () => {
    type Marked = {
      opportunity: {
        fields: Record<never, never>;
        relationships: { $owner: { cardinality: 'HAS_ONE'; objectType: 'member'; required: true } };
      };
    };
    type Read = Awaited<ReturnType<Lightfield<Marked>['opportunity']['retrieve']>>;
    expectTypeOf<Read['relationships']['$owner']['values'][0]>().toEqualTypeOf<string>();
  });

  test('relationship keys are checked', () => {
    // A read-only relationship is still read.
    expectTypeOf(opp.relationships.$task).toEqualTypeOf<Relationship | undefined>();
    // @ts-expect-error no such relationship in this organization
    void opp.relationships.$champion;
  });

  test('every method returns the typed entity; lists too', () => {
    expectTypeOf<typeof client.opportunity.create>().returns.resolves.toEqualTypeOf<typeof opp>();
    expectTypeOf<typeof client.opportunity.update>().returns.resolves.toEqualTypeOf<typeof opp>();
    expectTypeOf(client.opportunity.list()).resolves.toEqualTypeOf<Page<typeof opp>>();
  });

  test('a typed client goes where a client is expected', () => {
    const takes = (c: Lightfield) => c.baseUrl;
    void takes(client);
    expectTypeOf(client).toExtend<Lightfield>();
  });

  test('without an org the types are the spec’s', () => {
    expectTypeOf(plain.opportunity.retrieve('x')).resolves.toEqualTypeOf<Opportunity>();
  });
});

describe('new Lightfield<MyOrg>(): writes', () => {
  const relationships = { $account: 'acc_1' };

  test('create checks field keys and values', () => {
    void client.opportunity.create({
      fields: {
        $name: 'Acme',
        $stage: 'Lead',
        amount: 5,
        tags: ['SMB', 'opt_ent'],
        hq: { city: 'Paris' },
      },
      relationships: { $account: 'acc_1', $owner: 'mem_1' },
    });
    void client.opportunity.create({
      // @ts-expect-error amount is a CURRENCY: a number
      fields: { $name: 'Acme', $stage: 'Lead', amount: 'abc' },
      relationships,
    });
    void client.opportunity.create({
      // @ts-expect-error no such field (a typo)
      fields: { $name: 'Acme', $stage: 'Lead', amuont: 5 },
      relationships,
    });
    void client.opportunity.create({
      // @ts-expect-error not an option of $stage
      fields: { $name: 'Acme', $stage: 'Won' },
      relationships,
    });
    void client.opportunity.create({
      // @ts-expect-error not an option of tags
      fields: { $name: 'Acme', $stage: 'Lead', tags: ['Huge'] },
      relationships,
    });
    void client.opportunity.create({
      // @ts-expect-error $opportunityStatus is read-only
      fields: { $name: 'Acme', $stage: 'Lead', $opportunityStatus: 'Open' },
      relationships,
    });
    void client.opportunity.create({
      fields: { $name: 'Acme', $stage: 'Lead' },
      // @ts-expect-error $task is read-only
      relationships: { $account: 'acc_1', $task: 'task_1' },
    });
    // @ts-expect-error $stage is still required
    void client.opportunity.create({ fields: { $name: 'Acme' }, relationships });
    void client.opportunity.create({
      fields: { $name: 'Acme', $stage: 'Lead' },
      // @ts-expect-error no such relationship
      relationships: { $account: 'acc_1', $champion: 'c_1' },
    });
  });

  test('update checks keys, values and relationship operations', () => {
    void client.opportunity.update('o', { fields: { amount: null, closeDate: '2026-01-01' } });
    void client.opportunity.update('o', { relationships: { $owner: { replace: 'mem_2' } } });
    // @ts-expect-error strategic is a CHECKBOX
    void client.opportunity.update('o', { fields: { strategic: 'yes' } });
    // @ts-expect-error no such field
    void client.opportunity.update('o', { fields: { amuont: 5 } });
    // @ts-expect-error $opportunityStatus is read-only
    void client.opportunity.update('o', { fields: { $opportunityStatus: 'Open' } });
    // @ts-expect-error a relationship takes an operation
    void client.opportunity.update('o', { relationships: { $owner: 'mem_2' } });
    type Relationships = NonNullable<
      Parameters<typeof client.opportunity.update>[1]['relationships']
    >;
    // $task is read-only in this organization: no write may send it.
    expectTypeOf<keyof Relationships>().toEqualTypeOf<'$account' | '$owner'>();
    // @ts-expect-error $task is read-only
    void client.opportunity.update('o', { relationships: { $task: { add: 'task_1' } } });
    expectTypeOf<Relationships['$owner']>().toEqualTypeOf<RelationshipOperation | undefined>();
  });

  test("list filters take only the organization's field keys", () => {
    void client.opportunity.list({ filter: { $name: { startsWith: 'Acme' }, amount: 5 } });
    // @ts-expect-error no such field (a typo)
    void client.opportunity.list({ filter: { amuont: { greaterThan: 5 } } });
    void plain.opportunity.list({ filter: { amuont: { greaterThan: 5 } } });
  });

  test('without an org any key is accepted, as the spec says', () => {
    void plain.opportunity.update('o', { fields: { amuont: 5 } });
  });
});

describe('operation functions: the organization of the client they are given', () => {
  const bare = new LightfieldClient<MyOrg>({ apiKey: 'k' });

  test('a function types its entity as the method does, on either client', () => {
    expectTypeOf(opportunityRetrieve(bare, 'x')).resolves.toEqualTypeOf<typeof opp>();
    expectTypeOf(opportunityRetrieve(client, 'x')).resolves.toEqualTypeOf<typeof opp>();
    expectTypeOf(opportunityRetrieve(plain, 'x')).resolves.toEqualTypeOf<Opportunity>();
    expectTypeOf(opportunityList(bare)).resolves.toEqualTypeOf<Page<typeof opp>>();
  });

  test('its writes and filters are checked against the organization', () => {
    // @ts-expect-error no such field (a typo)
    void opportunityList(bare, { filter: { amuont: { greaterThan: 5 } } });
    void opportunityList(new LightfieldClient(), { filter: { amuont: { greaterThan: 5 } } });
    // @ts-expect-error a number is not an id
    void opportunityRetrieve(bare, 42);
  });
});
