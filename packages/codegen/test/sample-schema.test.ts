import { describe, expect, test } from 'vitest';
import { sampleSchema } from '../src/index.js';
import { SpecValidator } from '../src/spec-validator.js';

// A spec's example is taken where it has the schema's type and format; where it contradicts its
// schema (as real specs' do), the sample is built from the schema instead.
const cases: [string, { given: Record<string, unknown>; want: unknown }][] = [
  ['a fitting example', { given: { type: 'object', example: { a: 1 } }, want: { a: 1 } }],
  ['an array example of an object', { given: { type: 'object', example: ['x'] }, want: {} }],
  ['a text example of an integer', { given: { type: 'integer', example: 'person' }, want: 0 }],
  ['an integer example of a number', { given: { type: 'number', example: 3 }, want: 3 }],
  ['a null example of a string', { given: { type: 'string', example: null }, want: 'string' }],
  [
    'a null example of a nullable string',
    { given: { type: 'string', nullable: true, example: null }, want: null },
  ],
  [
    'a null example of a type array with null',
    { given: { type: ['string', 'null'], example: null }, want: null },
  ],
  [
    'a date example in another format',
    {
      given: { type: 'string', format: 'date', example: '2025-10-15T13:51:09Z' },
      want: '2026-03-01',
    },
  ],
  ['an example without a type', { given: { example: [1] }, want: [1] }],
  ['the first fitting of examples', { given: { type: 'integer', examples: ['one', 2] }, want: 2 }],
  [
    'a property whose example contradicts it',
    {
      given: { type: 'object', properties: { failed: { type: 'object', example: ['email'] } } },
      want: { failed: {} },
    },
  ],
];

describe('sampleSchema', () => {
  test.each(cases)('%s', (_, { given, want }) => {
    expect(sampleSchema({}, given)).toEqual(want);
  });
});

test('an array example whose items contradict their schema is built from the schema', () => {
  const doc = {
    components: {
      schemas: {
        Attendee: { type: 'object', properties: { at: { type: 'string', format: 'date' } } },
      },
    },
  };
  const given = {
    type: 'array',
    items: { $ref: '#/components/schemas/Attendee' },
    example: [{ at: null }],
  };
  expect(sampleSchema(doc, given)).toEqual([{ at: '2026-03-01' }]);
  expect(sampleSchema(doc, { ...given, example: [{ at: '2025-01-02' }] })).toEqual([
    { at: '2025-01-02' },
  ]);
});

// Each sample must fit its own schema: what real specs showed it didn't (class 5, 7 and 10 of
// the public-directory failures). The validator is the one the mock and the contract use.
const Tree = {
  type: 'object',
  required: ['name', 'settings'],
  properties: {
    name: { type: 'string' },
    settings: { type: 'object', nullable: false, properties: { on: { type: 'boolean' } } },
    children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
    parent: { $ref: '#/components/schemas/Tree' },
  },
};
const Cat = {
  type: 'object',
  required: ['kind', 'lives'],
  properties: { kind: { type: 'string' }, lives: { type: 'integer', minimum: 1, maximum: 9 } },
};
const Dog = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { type: 'string' }, good: { type: 'boolean' } },
};
const Track = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string', enum: ['track'] } },
};
const doc = { openapi: '3.0.3', components: { schemas: { Tree, Cat, Dog, Track } } };
const valid: [string, { schema: unknown; want?: unknown }][] = [
  ['a pattern', { schema: { type: 'string', pattern: '^[a-f0-9]{32}$' } }],
  ['a pattern and a length', { schema: { type: 'string', pattern: '^[A-Z]+$', minLength: 5 } }],
  [
    'a pattern JavaScript reads only without u',
    { schema: { type: 'string', pattern: '^\\[\\d]$' } },
  ],
  ['a maxLength under 6', { schema: { type: 'string', maxLength: 3 }, want: 'str' }],
  ['base64', { schema: { type: 'string', format: 'byte' } }],
  [
    'an exclusive minimum (3.0)',
    { schema: { type: 'integer', minimum: 0, exclusiveMinimum: true }, want: 1 },
  ],
  ['a multiple', { schema: { type: 'number', minimum: 1, multipleOf: 5 }, want: 5 }],
  ['a negative maximum', { schema: { type: 'integer', maximum: -3 }, want: -3 }],
  [
    'a property required by one allOf part, declared by another',
    {
      schema: {
        allOf: [
          { type: 'object', properties: { project: { type: 'string', pattern: '^p_\\d+$' } } },
          { required: ['project', 'id'], properties: { id: { type: 'integer' } } },
        ],
      },
    },
  ],
  [
    'a required property no part declares',
    { schema: { allOf: [{ type: 'object' }, { required: ['data'] }] }, want: { data: 'string' } },
  ],
  [
    'oneOf branches only a discriminator tells apart',
    {
      schema: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind' },
      },
      // A cat is a dog too (no additionalProperties): only the dog is exactly one of them.
      want: { kind: 'Dog', good: false },
    },
  ],
  [
    'a discriminator whose value a branch fixes by an enum',
    {
      schema: {
        oneOf: [
          {
            $ref: '#/components/schemas/Track',
          },
        ],
        discriminator: { propertyName: 'type' },
      },
      want: { type: 'track' },
    },
  ],
  [
    'oneOf branches that each require one of two optional properties',
    {
      schema: {
        type: 'object',
        properties: { url: { type: 'string' }, html: { type: 'string' } },
        oneOf: [{ required: ['url'] }, { required: ['html'] }],
      },
      // Both properties would select both branches: only the one the branch requires is sent.
      want: { url: 'string' },
    },
  ],
  [
    'oneOf objects that differ only in optional properties',
    {
      schema: {
        oneOf: [
          { type: 'object', properties: { data: { type: 'array', items: { type: 'integer' } } } },
          { type: 'object', properties: { warning: { type: 'string' } } },
        ],
      },
      // Every object fits both: the other branch's property, of a type it refuses, sets it apart.
      want: { data: [0], warning: 0 },
    },
  ],
  [
    'a recursive schema, deep and through optional properties',
    {
      schema: { $ref: '#/components/schemas/Tree' },
      want: { name: 'string', settings: { on: false }, children: [] },
    },
  ],
  [
    'an enum of another type than its own: a member of its type',
    { schema: { type: 'string', enum: [1, '2'] }, want: '2' },
  ],
  [
    'optional properties no value fits: left out',
    {
      schema: {
        type: 'object',
        properties: {
          at: { type: 'string', oneOf: [{ type: 'number' }, { type: 'boolean' }] },
          name: { type: 'string' },
        },
      },
      want: { name: 'string' },
    },
  ],
  [
    'an additional property named as propertyNames says',
    {
      schema: {
        type: 'object',
        additionalProperties: { type: 'integer' },
        propertyNames: { type: 'string', pattern: '^[A-Z]{3}$' },
      },
    },
  ],
  [
    'an optional property whose schema is false: left out',
    {
      schema: {
        type: 'object',
        properties: { additionalProperties: false, name: { type: 'string' } },
      },
      want: { name: 'string' },
    },
  ],
  [
    'a pattern written as a regex literal',
    { schema: { type: 'string', pattern: '/^[a-z0-9\\-_.:]+$/' } },
  ],
  [
    'an enum none of whose members has the type: the type sampled',
    { schema: { type: 'string', enum: [true, false] }, want: 'string' },
  ],
  [
    'an enum of the items beside an array type: the array sampled',
    {
      schema: { type: 'array', enum: ['a', 'b'], items: { type: 'string', enum: ['a', 'b'] } },
      want: ['a'],
    },
  ],
  [
    'an example that misses a required property',
    { schema: { ...Cat, example: { kind: 'cat' } }, want: { kind: 'string', lives: 1 } },
  ],
];

describe('a sample fits its own schema', () => {
  const validator = new SpecValidator(doc);
  test.each(valid)('%s', (_, { schema, want }) => {
    const value = sampleSchema(doc, schema);
    expect(validator.fits(schema, value), JSON.stringify(value)).toBe(true);
    if (want !== undefined) expect(value).toEqual(want);
  });
});
