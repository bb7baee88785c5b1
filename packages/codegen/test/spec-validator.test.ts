import { describe, expect, test } from 'vitest';
import { fromOpenApi30, SpecValidator } from '../src/spec-validator.js';

describe('OpenAPI 3.0 schemas as JSON Schema', () => {
  test.each<[string, { given: unknown; want: unknown }]>([
    [
      'a nullable scalar',
      { given: { type: 'string', nullable: true }, want: { type: ['string', 'null'] } },
    ],
    [
      'a nullable enum',
      {
        given: { type: 'string', enum: ['a'], nullable: true },
        want: { type: ['string', 'null'], enum: ['a', null] },
      },
    ],
    [
      'a nullable $ref',
      {
        given: { allOf: [{ $ref: '#/x' }], nullable: true },
        want: { anyOf: [{ allOf: [{ $ref: '#/x' }] }, { type: 'null' }] },
      },
    ],
    [
      'a boolean exclusiveMinimum',
      { given: { minimum: 1, exclusiveMinimum: true }, want: { exclusiveMinimum: 1 } },
    ],
    [
      'an example dropped',
      { given: { type: 'string', example: { $id: 'x' } }, want: { type: 'string' } },
    ],
    [
      'a property named like a keyword kept, and rewritten',
      {
        given: { properties: { example: { type: 'string', nullable: true }, nullable: {} } },
        want: { properties: { example: { type: ['string', 'null'] }, nullable: {} } },
      },
    ],
    [
      'an enum left alone',
      { given: { enum: [{ nullable: true }] }, want: { enum: [{ nullable: true }] } },
    ],
    [
      'an enum of the items beside an array type dropped',
      {
        given: { type: 'array', enum: ['a', 'b'], items: { type: 'string', enum: ['a', 'b'] } },
        want: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
      },
    ],
    [
      'an enum none of whose members has the type dropped',
      { given: { type: 'string', enum: [true, false] }, want: { type: 'string' } },
    ],
    [
      'an enum with one member of the type kept',
      { given: { type: 'integer', enum: ['1', 2] }, want: { type: 'integer', enum: ['1', 2] } },
    ],
  ])('%s', (_, { given, want }) => {
    expect(fromOpenApi30(given)).toEqual(want);
  });
});

// Every case is a document the validator once got wrong, or that real specs carry.
const cases: [
  string,
  { doc: Record<string, unknown>; keys: string[]; valid: unknown[]; invalid: [unknown, RegExp][] },
][] = [
  [
    '3.0: nullable through a $ref',
    {
      doc: {
        openapi: '3.0.3',
        components: {
          schemas: {
            N: { type: 'integer', nullable: true },
            R: { $ref: '#/components/schemas/N' },
          },
        },
      },
      keys: ['components', 'schemas', 'R'],
      valid: [null, 3],
      invalid: [['x', /must be integer/]],
    },
  ],
  [
    '3.1: type arrays',
    {
      doc: { openapi: '3.1.0', components: { schemas: { T: { type: ['integer', 'null'] } } } },
      keys: ['components', 'schemas', 'T'],
      valid: [null, 1],
      invalid: [[1.5, /must be integer/]],
    },
  ],
  [
    'formats, OpenAPI ones included',
    {
      doc: {
        openapi: '3.1.0',
        components: {
          schemas: {
            F: {
              type: 'object',
              properties: {
                at: { type: 'string', format: 'date-time' },
                n: { type: 'integer', format: 'int32' },
              },
            },
          },
        },
      },
      keys: ['components', 'schemas', 'F'],
      valid: [{ at: '2026-03-01T12:00:00Z', n: 5 }],
      invalid: [
        [{ at: 'yesterday' }, /must match format "date-time"/],
        [{ n: 2 ** 40 }, /must match format "int32"/],
      ],
    },
  ],
  [
    // The provider's own email pattern: its unescaped `]` is a "lone quantifier bracket" under `u`.
    'a pattern JavaScript reads only without the u flag',
    {
      doc: {
        openapi: '3.1.0',
        components: {
          schemas: {
            E: {
              type: 'string',
              pattern: String.raw`^(([^<>()\[\]\\.,;:\s@"]+(\.[^<>()\[\]\\.,;:\s@"]+)*)|(".+"))@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}])|(([a-zA-Z\-0-9]+\.)+[a-zA-Z]{2,}))$`,
            },
          },
        },
      },
      keys: ['components', 'schemas', 'E'],
      valid: ['ada@example.com'],
      invalid: [['ada.example.com', /must match pattern/]],
    },
  ],
  [
    'a leading (?i) as the i flag',
    {
      doc: {
        openapi: '3.0.0',
        components: { schemas: { I: { type: 'string', pattern: '(?i)^ab$' } } },
      },
      keys: ['components', 'schemas', 'I'],
      valid: ['AB', 'ab'],
      invalid: [['abc', /must match pattern/]],
    },
  ],
  [
    'a regex literal with anchors as its source and flags',
    {
      doc: {
        openapi: '3.0.0',
        components: {
          schemas: {
            L: { type: 'string', pattern: '/^[a-z0-9\\-_.:]+$/' },
            F: { type: 'string', pattern: '/^ab$/i' },
            S: {
              type: 'object',
              properties: {
                l: { $ref: '#/components/schemas/L' },
                f: { $ref: '#/components/schemas/F' },
              },
            },
          },
        },
      },
      keys: ['components', 'schemas', 'S'],
      valid: [{ l: 'root_channel' }, { l: 'a-b.c:d' }, { f: 'AB' }],
      invalid: [
        [{ l: '/root/' }, /must match pattern/],
        [{ f: 'abc' }, /must match pattern/],
      ],
    },
  ],
  [
    'the same $id in two examples',
    {
      doc: {
        openapi: '3.0.1',
        components: {
          schemas: {
            A: { type: 'object', example: { $id: 'thing', a: 1 } },
            B: { type: 'object', required: ['b'], example: { $id: 'thing', b: 2 } },
          },
        },
      },
      keys: ['components', 'schemas', 'B'],
      valid: [{ b: 1 }],
      invalid: [[{}, /must have required property 'b'/]],
    },
  ],
  ...(['3.0.3', '3.1.0'] as const).map((openapi): (typeof cases)[number] => [
    `${openapi}: additionalProperties beside allOf and oneOf, or in an allOf part, sees the whole`,
    {
      doc: {
        openapi,
        components: {
          schemas: {
            Money: {
              type: 'object',
              additionalProperties: false,
              required: ['amount'],
              properties: { amount: { type: 'number' }, currency: { type: 'string' } },
            },
            Funds: { allOf: [{ $ref: '#/components/schemas/Money' }], additionalProperties: false },
            Link: {
              type: 'object',
              properties: { note: { type: 'string' } },
              oneOf: [
                { required: ['href'], properties: { href: { type: 'string' } } },
                { required: ['id'], properties: { id: { type: 'integer' } } },
              ],
              additionalProperties: { type: 'boolean' },
            },
            Label: {
              allOf: [{ $ref: '#/components/schemas/Money' }],
              properties: { label: { type: 'string' } },
            },
            Tagged: {
              allOf: [{ $ref: '#/components/schemas/Label' }],
              properties: { tag: { type: 'string' } },
            },
            Both: {
              type: 'object',
              properties: {
                funds: { $ref: '#/components/schemas/Funds' },
                link: { $ref: '#/components/schemas/Link' },
                label: { $ref: '#/components/schemas/Label' },
                tagged: { $ref: '#/components/schemas/Tagged' },
              },
            },
          },
        },
      },
      keys: ['components', 'schemas', 'Both'],
      valid: [
        { funds: { amount: 1, currency: 'USD' } },
        { link: { href: 'x', note: 'n', extra: true } },
        { link: { id: 1 } },
        { label: { amount: 1, label: 'x' } },
        { tagged: { amount: 1, label: 'x', tag: 't' } },
      ],
      invalid: [
        [{ funds: { amount: 1, other: 2 } }, /must NOT have unevaluated properties/],
        [{ funds: { currency: 'USD' } }, /must have required property 'amount'/],
        [{ link: { id: 1, extra: 'no' } }, /must be boolean/],
        [{ label: { amount: 1, other: 'x' } }, /must NOT have unevaluated properties/],
        [{ tagged: { amount: 1, other: 'x' } }, /must NOT have unevaluated properties/],
      ],
    },
  ]),
];

describe('one validator for every spec', () => {
  test.each(cases)('%s', (_, { doc, keys, valid, invalid }) => {
    const validator = new SpecValidator(doc);
    for (const value of valid) expect(validator.check(keys, value)).toBeUndefined();
    for (const [value, want] of invalid) expect(validator.check(keys, value)).toMatch(want);
  });

  test('notes what it reads differently, or cannot check, and accepts it', () => {
    const validator = new SpecValidator({
      openapi: '3.1.0',
      components: {
        schemas: {
          U: { type: 'string', pattern: 'a{' },
          P: { type: 'string', pattern: '^(?<n>a)(?<n>b)$' },
          M: { $ref: '#/components/schemas/Missing' },
        },
      },
    });
    expect(validator.check(['components', 'schemas', 'P'], 'zz')).toBeUndefined();
    expect(validator.check(['components', 'schemas', 'U'], 'a{')).toBeUndefined();
    expect(validator.check(['components', 'schemas', 'M'], 1)).toBeUndefined();
    expect([...validator.notes]).toEqual([
      'pattern ^(?<n>a)(?<n>b)$ is not a JavaScript regex: not checked',
      'pattern a{ is invalid with the u flag: checked without it',
      expect.stringMatching(/^spec#\/components\/schemas\/M: not checked, ajv can't compile it/),
    ]);
  });

  test('a pattern that repeats a repeat is not checked, so no value stalls the check', () => {
    // `([\w.-]*)*` backtracks exponentially on a value that misses: 30 characters take minutes.
    const pattern = String.raw`^([a-z]+)\.([\w.-]*)*$`;
    const validator = new SpecValidator({
      openapi: '3.1.0',
      components: { schemas: { S: { type: 'string', pattern } } },
    });
    expect(validator.check(['components', 'schemas', 'S'], 'ab!')).toBeUndefined();
    expect([...validator.notes]).toEqual([
      `pattern ${pattern} repeats a repeat, which can take exponential time: not checked`,
    ]);
  });

  test('compiles a fragment whose $refs point into the document', () => {
    const validator = new SpecValidator({
      openapi: '3.0.3',
      components: { schemas: { Id: { type: 'string', nullable: true } } },
    });
    const fn = validator.compile('q', () => ({
      type: 'object',
      properties: {
        id: { $ref: '#/components/schemas/Id' },
        n: { type: 'integer', nullable: true },
      },
    }));
    expect(fn({ id: null, n: null })).toBe(true);
    expect(fn({ id: 1 })).toBe(false);
  });
});
