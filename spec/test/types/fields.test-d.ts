import { describe, expectTypeOf, test } from 'vitest';
import type {
  Address,
  Field,
  FieldValueOf,
  FieldVariants,
  FullName,
  Opportunity,
  OrgBody,
  OrgEntity,
  ValueType,
} from '@lightfield/types';

// (a) Field is a union discriminated on valueType, from the spec's x-lightfield-variants.
describe('Field', () => {
  test('narrows on valueType', () => {
    const read = (f: Field) => {
      if (f.valueType === 'NUMBER') expectTypeOf(f.value).toEqualTypeOf<number | null>();
      if (f.valueType === 'CURRENCY') expectTypeOf(f.value).toEqualTypeOf<number | null>();
      if (f.valueType === 'ADDRESS') expectTypeOf(f.value).toEqualTypeOf<Address | null>();
      if (f.valueType === 'FULL_NAME') expectTypeOf(f.value).toEqualTypeOf<FullName | null>();
      if (f.valueType === 'CHECKBOX') expectTypeOf(f.value).toEqualTypeOf<boolean | null>();
      if (f.valueType === 'MULTI_SELECT') expectTypeOf(f.value).toEqualTypeOf<string[] | null>();
      if (f.valueType === 'TEXT') expectTypeOf(f.value).toEqualTypeOf<string | null>();
      if (f.valueType === 'HTML') expectTypeOf(f.value).toEqualTypeOf<string | null>();
      // A contact's `$email` and an account's `$website` hold several values.
      if (f.valueType === 'EMAIL') expectTypeOf(f.value).toEqualTypeOf<string | string[] | null>();
      if (f.valueType === 'URL') expectTypeOf(f.value).toEqualTypeOf<string | string[] | null>();
      switch (f.valueType) {
        case 'DATETIME':
        case 'TELEPHONE':
          return f.value?.toUpperCase();
        default:
          return undefined;
      }
    };
    void read;
  });

  test('has one variant per valueType, and rejects a value of another', () => {
    expectTypeOf<keyof FieldVariants>().toEqualTypeOf<ValueType>();
    expectTypeOf<FieldValueOf<FieldVariants['NUMBER']>>().toEqualTypeOf<number>();
    expectTypeOf({ valueType: 'NUMBER', value: 5 } as const).toExtend<Field>();
    expectTypeOf({ valueType: 'NUMBER', value: null } as const).toExtend<Field>();
    expectTypeOf({ valueType: 'NUMBER', value: 'five' } as const).not.toExtend<Field>();
    expectTypeOf({ valueType: 'CHECKBOX', value: 1 } as const).not.toExtend<Field>();
    expectTypeOf({ valueType: 'ADDRESS', value: { city: 'Paris' } } as const).toExtend<Field>();
    // @ts-expect-error a number is not a TEXT value
    const wrong: Field = { valueType: 'TEXT', value: 5 };
    void wrong;
  });
});

// (b) The system fields the spec declares on the entity are present and narrowed.
describe('system fields', () => {
  test('are present and narrowed; other keys stay possibly undefined', () => {
    const opp = {} as Opportunity;
    expectTypeOf(opp.fields.$name).toEqualTypeOf<{ value: string | null; valueType: 'TEXT' }>();
    expectTypeOf(opp.fields.$name.value).toEqualTypeOf<string | null>();
    expectTypeOf(opp.fields.$stage.valueType).toEqualTypeOf<'SINGLE_SELECT'>();
    expectTypeOf(opp.fields['amount']).toEqualTypeOf<Field | undefined>();
  });

  test('an entity without them does not type-check', () => {
    expectTypeOf<{
      id: 'o';
      createdAt: 'x';
      fields: { $name: { value: 'A'; valueType: 'TEXT' } };
      relationships: Record<string, never>;
    }>().not.toExtend<Opportunity>();
    expectTypeOf<{
      id: 'o';
      createdAt: 'x';
      fields: {
        $name: { value: 5; valueType: 'TEXT' };
        $stage: { value: null; valueType: 'SINGLE_SELECT' };
      };
      relationships: Record<string, never>;
    }>().not.toExtend<Opportunity>();
  });
});

// (c) at the types level: with no organization the types are the spec's.
/** No organization: an object type with no keys (as `{}` is, without meaning "any value"). */
type NoOrg = Record<never, never>;
/** A body's `fields` with none set. */
type NoFields = Record<never, never>;

describe('org typing', () => {
  test('is the identity without an organization', () => {
    expectTypeOf<OrgEntity<Opportunity, NoOrg, 'opportunity'>>().toEqualTypeOf<Opportunity>();
    expectTypeOf<OrgBody<{ fields: NoFields }, { account: never }, 'opportunity'>>().toEqualTypeOf<{
      fields: NoFields;
    }>();
  });

  test('narrows a field by its valueType and options', () => {
    type Org = {
      opportunity: {
        fields: {
          size: { valueType: 'NUMBER' };
          kind: { valueType: 'SINGLE_SELECT'; options: 'a' | 'A' };
        };
        relationships: Record<string, never>;
      };
    };
    type Typed = OrgEntity<Opportunity, Org, 'opportunity'>;
    expectTypeOf<Typed['fields']['size']['value']>().toEqualTypeOf<number | null>();
    expectTypeOf<Typed['fields']['kind']['value']>().toEqualTypeOf<'a' | 'A' | null>();
    expectTypeOf<Typed['fields']>().not.toHaveProperty('$name');
  });
});
