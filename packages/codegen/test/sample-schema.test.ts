import { describe, expect, test } from 'vitest';
import { sampleSchema } from '../src/index.js';

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
