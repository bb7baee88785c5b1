import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, test } from 'vitest';
import { orgModule, type Definitions } from '../src/fields.js';
import { PRETTIER_OPTIONS } from '../src/format.js';

// orgModule prints the module itself (the client's `lightfield-fields` bin can't ship prettier),
// so what it prints must be what prettier prints: a team's format check then leaves it alone and
// `--check` keeps matching.
const stable = async (text: string) =>
  expect(await prettier.format(text, PRETTIER_OPTIONS)).toBe(text);

const text = fc.oneof(
  fc.constantFrom(
    'Lead',
    "It's",
    'say "hi"',
    `a'b"c'`,
    'back\\slash',
    'tab\tnew\nline',
    'é ü 🙂',
    '商談の段階',
    'ｆｕｌｌ',
    'e\u0301',
    '👍🏽 ok',
    'Ελληνικά',
    '👩‍💻 dev',
    '❤️',
  ),
  fc.string({ maxLength: 40 }),
);
const keyName = fc.oneof(
  fc.constantFrom('$name', 'amount', 'win-reason', '1st', 'a b', "o'k", 'café', '_x', 'A1'),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const field = fc.record(
  {
    label: text,
    description: fc.option(text),
    valueType: fc.constantFrom('TEXT', 'SINGLE_SELECT', 'MULTI_SELECT', 'A_VERY_LONG_VALUE_TYPE'),
    typeConfiguration: fc.record(
      { options: fc.array(fc.record({ id: text, label: text }), { maxLength: 8 }) },
      { requiredKeys: [] },
    ),
    readOnly: fc.boolean(),
  },
  { requiredKeys: ['label', 'valueType', 'typeConfiguration'] },
);
const relationship = fc.record(
  {
    label: text,
    description: fc.option(text),
    cardinality: fc.constantFrom('HAS_ONE', 'HAS_MANY'),
    objectType: fc.oneof(fc.constantFrom('account', 'member'), fc.string({ maxLength: 60 })),
    readOnly: fc.boolean(),
    required: fc.boolean(),
  },
  { requiredKeys: ['label', 'cardinality', 'objectType'] },
);
const definitions = fc.record({
  objectType: fc.oneof(fc.constantFrom('widget', 'account'), keyName),
  fieldDefinitions: fc.dictionary(keyName, field, { maxKeys: 6 }),
  relationshipDefinitions: fc.dictionary(keyName, relationship, { maxKeys: 4 }),
}) as fc.Arbitrary<Definitions>;

describe('orgModule prints as prettier does', () => {
  const long = Array.from({ length: 12 }, (_, i) => ({ id: `opt_${i}`, label: `Option ${i}` }));
  test.each([
    ['no objects', { given: [] as Definitions[] }],
    [
      'empty maps',
      { given: [{ objectType: 'a', fieldDefinitions: {}, relationshipDefinitions: {} }] },
    ],
    [
      'a union too long for one line, read-only flags, quoted keys and labels',
      {
        given: [
          {
            objectType: 'widget',
            fieldDefinitions: {
              stage: { label: "Rep's stage", valueType: 'SINGLE_SELECT', readOnly: true },
              'win-reason': {
                label: 'Reason',
                description: 'Why "we" won */ or lost',
                valueType: 'MULTI_SELECT',
                typeConfiguration: { options: long },
              },
            },
            relationshipDefinitions: {
              $task: {
                label: 'Tasks',
                cardinality: 'HAS_MANY',
                objectType: 'task',
                readOnly: true,
              },
            },
          },
        ] as Definitions[],
      },
    ],
  ])('%s', async (_, { given }) => {
    await stable(orgModule(given, 'Org', ['d.json']));
  });

  test('any definitions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(definitions, { maxLength: 2 }), async (all) => {
        const unique = [...new Map(all.map((d) => [d.objectType, d])).values()];
        await stable(orgModule(unique, 'Org', ['d.json']));
      }),
      { numRuns: 60 }, // each run formats with prettier (~40 ms)
    );
  });

  test('options: the first of each id and label wins, and `__proto__` stays out of the maps', () => {
    const text = orgModule(
      [
        {
          objectType: 'a',
          fieldDefinitions: {
            stage: {
              label: 'Stage',
              valueType: 'SINGLE_SELECT',
              typeConfiguration: {
                options: [
                  { id: 'opt_1', label: 'Open' },
                  { id: 'opt_1', label: 'Again' },
                  { id: 'opt_2', label: 'Open' },
                  { id: '__proto__', label: 'Odd' },
                  { id: 'opt_3', label: '__proto__' },
                ],
              },
            },
          },
          relationshipDefinitions: {},
        },
      ],
      'Org',
      ['d.json'],
    );
    expect(text).toContain(
      "options: { opt_1: 'Open'; opt_2: 'Open'; __proto__: 'Odd'; opt_3: '__proto__' };",
    );
    expect(text).toContain("ids: { Open: 'opt_1' },");
    expect(text).toContain("labels: { opt_1: 'Open', opt_2: 'Open', opt_3: '__proto__' },");
  });

  test('read-only and required relationships are marked for the types', () => {
    const text = orgModule(
      [
        {
          objectType: 'a',
          fieldDefinitions: {},
          relationshipDefinitions: {
            $task: { label: 'Tasks', cardinality: 'HAS_MANY', objectType: 'task', readOnly: true },
            $owner: { label: 'Owner', cardinality: 'HAS_ONE', objectType: 'member' },
            $account: {
              label: 'Account',
              cardinality: 'HAS_ONE',
              objectType: 'account',
              required: true,
            },
          },
        },
      ],
      'Org',
      ['d.json'],
    );
    expect(text).toContain(
      "$task: { cardinality: 'HAS_MANY'; objectType: 'task'; readOnly: true };",
    );
    expect(text).toContain("$owner: { cardinality: 'HAS_ONE'; objectType: 'member' };");
    // A relationship the definitions call required is always on the entity.
    expect(text).toContain(
      "$account: { cardinality: 'HAS_ONE'; objectType: 'account'; required: true };",
    );
  });
});
