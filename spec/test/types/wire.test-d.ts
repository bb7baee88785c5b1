import { describe, expectTypeOf, test } from 'vitest';
import type {
  Address,
  FieldDefinition,
  FieldValue,
  FullName,
  Opportunity,
  OpportunityCreateParams,
  OpportunityDefinitions,
  OpportunityList,
  OpportunityListParams,
  OpportunityUpdateParams,
  RelationshipOperation,
  ValueType,
  operations,
  paths,
} from '@lightfield/types';

// These tests fail to compile when the types drift from the wire format of the facts sheet.
describe('entity', () => {
  test('uses camelCase wire names', () => {
    expectTypeOf<Opportunity>().toHaveProperty('createdAt').toEqualTypeOf<string>();
    expectTypeOf<Opportunity>().not.toHaveProperty('created_at');
    expectTypeOf<Opportunity['fields'][string]>().toHaveProperty('valueType');
    expectTypeOf<Opportunity['fields'][string]>().not.toHaveProperty('value_type');
    expectTypeOf<Opportunity['relationships'][string]>().toHaveProperty('objectType');
  });

  test('has the newer nullable properties: updatedAt and httpLink always present', () => {
    expectTypeOf<Opportunity['updatedAt']>().toEqualTypeOf<string | null>();
    expectTypeOf<Opportunity['httpLink']>().toEqualTypeOf<string | null>();
    expectTypeOf<Opportunity['externalId']>().toEqualTypeOf<string | null | undefined>();
  });

  test('field values are the full union', () => {
    expectTypeOf<string>().toExtend<FieldValue>();
    expectTypeOf<number>().toExtend<FieldValue>();
    expectTypeOf<boolean>().toExtend<FieldValue>();
    expectTypeOf<null>().toExtend<FieldValue>();
    expectTypeOf<string[]>().toExtend<FieldValue>();
    expectTypeOf<{ city: string; country: string }>().toExtend<FieldValue>();
    expectTypeOf<{ firstName: string; lastName: string }>().toExtend<FieldValue>();
    expectTypeOf<{ unknown: true }>().not.toExtend<FieldValue>();
  });

  test('address and full-name parts are optional and nullable', () => {
    expectTypeOf<Address['street2']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Address['latitude']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<FullName['lastName']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<{ street2: null; latitude: null }>().toExtend<FieldValue>();
  });

  test('valueType is the closed union of the page', () => {
    expectTypeOf<'CURRENCY'>().toExtend<ValueType>();
    expectTypeOf<'SOCIAL_HANDLE'>().toExtend<ValueType>();
    expectTypeOf<'currency'>().not.toExtend<ValueType>();
  });
});

describe('create', () => {
  test('requires $name, $stage and $account', () => {
    expectTypeOf<OpportunityCreateParams['fields']['$name']>().toEqualTypeOf<string>();
    expectTypeOf<OpportunityCreateParams['fields']['$stage']>().toEqualTypeOf<string>();
    expectTypeOf<{
      fields: { $name: 'A' };
      relationships: { $account: 'acc_1' };
    }>().not.toExtend<OpportunityCreateParams>();
    expectTypeOf<{
      fields: { $name: 'A'; $stage: 's' };
      relationships: Record<string, never>;
    }>().not.toExtend<OpportunityCreateParams>();
    expectTypeOf<{
      fields: { $name: 'A'; $stage: 's'; amount: 5 };
      relationships: { $account: 'acc_1'; $owner: ['u_1'] };
    }>().toExtend<OpportunityCreateParams>();
  });
});

describe('update', () => {
  test('takes relationship operations and nullable fields', () => {
    expectTypeOf<{ add: 'c_1' }>().toExtend<RelationshipOperation>();
    expectTypeOf<{ remove: ['c_1'] }>().toExtend<RelationshipOperation>();
    expectTypeOf<{ replace: null }>().toExtend<RelationshipOperation>();
    // One object whose parts are each optional (not a union of one-part objects).
    expectTypeOf<RelationshipOperation['add']>().toEqualTypeOf<string | string[] | undefined>();
    expectTypeOf<RelationshipOperation['remove']>().toEqualTypeOf<string | string[] | undefined>();
    expectTypeOf<RelationshipOperation['replace']>().toEqualTypeOf<
      string | string[] | null | undefined
    >();
    expectTypeOf<{ set: 'c_1' }>().not.toExtend<RelationshipOperation>();
    expectTypeOf<{ fields: { $name: null } }>().toExtend<OpportunityUpdateParams>();
    expectTypeOf<{
      relationships: { $account: 'acc_1' };
    }>().not.toExtend<OpportunityUpdateParams>();
  });
});

describe('list', () => {
  test('limit and offset are numbers, the page has totalCount', () => {
    expectTypeOf<OpportunityListParams['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<OpportunityListParams['offset']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<OpportunityList>().toHaveProperty('totalCount').toEqualTypeOf<number>();
    expectTypeOf<OpportunityList>().not.toHaveProperty('total_count');
    expectTypeOf<OpportunityList['object']>().toEqualTypeOf<'list'>();
    expectTypeOf<OpportunityList['data']>().toEqualTypeOf<Opportunity[]>();
  });
});

describe('definitions', () => {
  test('use camelCase and the definition enums', () => {
    expectTypeOf<OpportunityDefinitions>().toHaveProperty('fieldDefinitions');
    expectTypeOf<OpportunityDefinitions>().toHaveProperty('relationshipDefinitions');
    expectTypeOf<OpportunityDefinitions>().not.toHaveProperty('field_definitions');
    expectTypeOf<FieldDefinition>().toHaveProperty('typeConfiguration');
    expectTypeOf<FieldDefinition['readOnly']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<
      OpportunityDefinitions['relationshipDefinitions'][string]['cardinality']
    >().toEqualTypeOf<'HAS_ONE' | 'HAS_MANY'>();
  });
});

describe('paths', () => {
  test('hold every route and the version header', () => {
    expectTypeOf<paths>().toHaveProperty('/v1/opportunities/{id}');
    expectTypeOf<paths['/v1/opportunities/{id}']['post']>().toEqualTypeOf<
      operations['opportunity.update']
    >();
    expectTypeOf<
      operations['opportunity.create']['parameters']['header']['Lightfield-Version']
    >().toEqualTypeOf<'2026-03-01'>();
  });
});
