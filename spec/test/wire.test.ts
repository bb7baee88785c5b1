import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, resolvePointer } from '@lightfield/codegen';
import type { Json } from '@lightfield/codegen/json';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';

// Wire facts of the Opportunity API that the provider's own schema and SDKs rely on, as
// bodies the spec must accept or refuse (issue 11, item 8). When the spec changes, these are
// the tests that may need editing.

// ajv ships CommonJS; under NodeNext its default export sits on `.default`.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;

const here = path.dirname(fileURLToPath(import.meta.url));
let valid: (schema: string, value: unknown) => boolean;

beforeAll(async () => {
  const model = await loadSpec(path.resolve(here, '..', 'openapi.yaml'));
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema({ ...model.document, $id: 'spec' });
  valid = (schema, value) => ajv.validate({ $ref: `spec#/components/schemas/${schema}` }, value);
});

type Row = [string, { schema: string; given: unknown; want: boolean }];

describe('address and full-name parts are nullable', () => {
  const rows: Row[] = [
    ['street2: null', { schema: 'Address', given: { street: 'a', street2: null }, want: true }],
    [
      'every part null',
      {
        schema: 'Address',
        given: Object.fromEntries(
          [
            'street',
            'street2',
            'city',
            'state',
            'postalCode',
            'country',
            'latitude',
            'longitude',
          ].map((k) => [k, null]),
        ),
        want: true,
      },
    ],
    ['latitude as text', { schema: 'Address', given: { latitude: '1' }, want: false }],
    ['an unknown part', { schema: 'Address', given: { planet: 'Mars' }, want: false }],
    ['a lower-case country', { schema: 'Address', given: { country: 'us' }, want: false }],
    [
      'lastName: null',
      { schema: 'FullName', given: { firstName: 'Ada', lastName: null }, want: true },
    ],
    ['firstName as a number', { schema: 'FullName', given: { firstName: 1 }, want: false }],
    [
      'in an update body',
      {
        schema: 'OpportunityUpdateParams',
        given: { fields: { billingAddress: { street2: null, latitude: null } } },
        want: true,
      },
    ],
    [
      'in a response',
      {
        schema: 'Field',
        given: { value: { firstName: null, lastName: 'Lovelace' }, valueType: 'FULL_NAME' },
        want: true,
      },
    ],
  ];
  test.each(rows)('%s', (_, { schema, given, want }) => {
    expect(valid(schema, given)).toBe(want);
  });
});

describe('a relationship operation is one object with optional add, remove and replace', () => {
  const rows: Row[] = [
    [
      'add and remove',
      { schema: 'RelationshipOperation', given: { add: 'c_1', remove: ['c_2'] }, want: true },
    ],
    [
      'all three',
      {
        schema: 'RelationshipOperation',
        given: { replace: null, remove: 'c_1', add: ['c_2'] },
        want: true,
      },
    ],
    ['replace: null', { schema: 'RelationshipOperation', given: { replace: null }, want: true }],
    ['add: null', { schema: 'RelationshipOperation', given: { add: null }, want: false }],
    [
      'an unknown key',
      { schema: 'RelationshipOperation', given: { add: 'c_1', set: 'c_2' }, want: false },
    ],
    ['an empty id', { schema: 'RelationshipOperation', given: { remove: '' }, want: false }],
  ];
  test.each(rows)('%s', (_, { schema, given, want }) => {
    expect(valid(schema, given)).toBe(want);
  });
});

describe('$opportunityStatus is declared derived from $stage', () => {
  test('the entity schema maps every stage to Open, Won or Lost', async () => {
    const model = await loadSpec(path.resolve(here, '..', 'openapi.yaml'));
    const status = resolvePointer(
      model.document,
      '#/components/schemas/Opportunity/properties/fields/properties/$opportunityStatus',
    ) as Json;
    expect(status['x-lightfield-value-type']).toBe('SINGLE_SELECT');
    expect(status['x-lightfield-derived']).toEqual({
      from: '$stage',
      map: {
        Lead: 'Open',
        Qualified: 'Open',
        Proposal: 'Open',
        Negotiation: 'Open',
        'Closed Won': 'Won',
        'Closed Lost': 'Lost',
      },
    });
    expect(valid('Field', { value: null, valueType: 'SINGLE_SELECT' })).toBe(true);
  });
});

describe('updatedAt and httpLink are always present, and nullable', () => {
  const entity = {
    id: 'opp_1',
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: null,
    httpLink: null,
    fields: {
      $name: { value: 'A', valueType: 'TEXT' },
      $stage: { value: 'opt_1', valueType: 'SINGLE_SELECT' },
    },
    relationships: {},
  };
  const without = (key: string) =>
    Object.fromEntries(Object.entries(entity).filter(([k]) => k !== key));
  const rows: Row[] = [
    ['both null', { schema: 'Opportunity', given: entity, want: true }],
    [
      'both set',
      {
        schema: 'Opportunity',
        given: {
          ...entity,
          updatedAt: '2026-03-02T00:00:00.000Z',
          httpLink: 'https://lightfield.app/x',
        },
        want: true,
      },
    ],
    ['no updatedAt', { schema: 'Opportunity', given: without('updatedAt'), want: false }],
    ['no httpLink', { schema: 'Opportunity', given: without('httpLink'), want: false }],
    [
      'no externalId (still optional)',
      { schema: 'Opportunity', given: without('externalId'), want: true },
    ],
  ];
  test.each(rows)('%s', (_, { schema, given, want }) => {
    expect(valid(schema, given)).toBe(want);
  });
});
