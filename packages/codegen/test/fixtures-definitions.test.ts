import { beforeAll, describe, expect, test } from 'vitest';
import { loadSpec } from '../src/load-spec.js';
import { buildModel, type SpecModel } from '../src/spec-model.js';
import { targets } from '../src/targets/index.js';
import type { Json } from '../src/json.js';
import { SPEC } from './helpers.js';

// The fixtures target hands the runtime what the spec says of an entity's definitions: the
// example of its definitions response (custom fields and relationships, without ids) and the
// relationships its entity schema marks `readOnly: true`. Given a change to the neutral widget
// spec, want the widget's ResourceInfo keys in resources.ts.

let base: SpecModel;
beforeAll(async () => {
  base = await loadSpec(SPEC);
});

/** The JSON media of `widget.definitions`'s 200 response, in a document. */
function definitionsMedia(doc: Json): Json {
  const paths = doc['paths'] as Record<string, Record<string, Json>>;
  const responses = paths['/v1/widgets/definitions']!['get']!['responses'] as Json;
  const content = (responses['200'] as Json)['content'] as Json;
  return content['application/json'] as Json;
}

/** The components of one kind (`schemas`, `parameters`), by name, in a document. */
const components = (doc: Json, kind: string) =>
  (doc['components'] as Json)[kind] as Record<string, Json>;

/** The properties of the schema `name`, in a document. */
const properties = (doc: Json, name: string) =>
  components(doc, 'schemas')[name]!['properties'] as Json;

/** The `relationships` schema of the `Widget` entity, in a document. */
const widgetRelationships = (doc: Json) => properties(doc, 'Widget')['relationships'] as Json;

/** The `fields` schema of the `Widget` entity, in a document. */
const widgetFields = (doc: Json) => properties(doc, 'Widget')['fields'] as Json;

/** Gives the `WidgetCreate` body a `fields` object of these properties. */
const createFields = (doc: Json, fields: Json) => {
  properties(doc, 'WidgetCreate')['fields'] = { type: 'object', properties: fields };
};

/** The widget's ResourceInfo, as the fixtures target writes it, for the spec changed by `change`. */
async function widgetInfo(change: (doc: Json) => void): Promise<Json> {
  const document = structuredClone(base.document);
  // Without the spec's own definitions example, read-only relationship and id example: each case
  // adds its own.
  delete definitionsMedia(document)['example'];
  delete widgetRelationships(document)['properties'];
  delete components(document, 'parameters')['Id']!['example'];
  change(document);
  const model = buildModel({ file: base.file, document, hash: base.hash });
  const text = (await targets['fixtures']!(model)).get('resources.ts')!;
  const json = /export const resources: ResourceInfo\[\] = ([\s\S]*?);\n/.exec(text)![1]!;
  return (JSON.parse(json) as Json[]).find((r) => r['name'] === 'widget')!;
}

const field = {
  label: 'Gear count',
  description: null,
  valueType: 'NUMBER',
  typeConfiguration: {},
};
const link = {
  label: 'Reviewers',
  description: null,
  cardinality: 'HAS_MANY',
  objectType: 'member',
};

describe('the widget resource info', () => {
  test.each<[string, { given: (doc: Json) => void; want: Json }]>([
    [
      'takes the definitions example, without ids',
      {
        given: (doc) => {
          definitionsMedia(doc)['example'] = {
            objectType: 'widget',
            fieldDefinitions: { gearCount: { id: 'fld_1', ...field } },
            relationshipDefinitions: { $reviewers: { id: 'rel_1', ...link } },
          };
        },
        want: {
          fieldDefinitions: { gearCount: field },
          relationshipDefinitions: { $reviewers: link },
        },
      },
    ],
    [
      'takes the first of named examples',
      {
        given: (doc) => {
          definitionsMedia(doc)['examples'] = {
            org: { value: { fieldDefinitions: { gearCount: field } } },
          };
        },
        want: { fieldDefinitions: { gearCount: field } },
      },
    ],
    [
      'leaves out entries it cannot use and keys the runtime does not type',
      {
        given: (doc) => {
          definitionsMedia(doc)['example'] = {
            fieldDefinitions: {
              noType: { label: 'No type' },
              tiers: {
                valueType: 'SINGLE_SELECT',
                typeConfiguration: {
                  options: [{ id: 'o1', label: 'Gold' }, { label: 'no id' }],
                  precision: 2,
                  unique: 'yes',
                },
                readOnly: true,
              },
            },
            relationshipDefinitions: {
              $odd: { label: 'Odd', cardinality: 'MANY_TO_MANY', objectType: 'x' },
              $noType: { label: 'No type', cardinality: 'HAS_ONE' },
            },
          };
        },
        want: {
          fieldDefinitions: {
            tiers: {
              label: 'tiers',
              description: null,
              valueType: 'SINGLE_SELECT',
              typeConfiguration: { options: [{ id: 'o1', label: 'Gold', description: null }] },
              readOnly: true,
            },
          },
        },
      },
    ],
    [
      'lists the relationships the entity schema marks readOnly',
      {
        given: (doc) => {
          components(doc, 'schemas')['LinkedFromElsewhere'] = {
            allOf: [{ $ref: '#/components/schemas/Link' }],
            readOnly: true,
          };
          widgetRelationships(doc)['properties'] = {
            $tasks: { $ref: '#/components/schemas/Link', readOnly: true },
            $team: { $ref: '#/components/schemas/Link' },
            $notes: { $ref: '#/components/schemas/LinkedFromElsewhere' },
          };
        },
        want: { readOnlyRelationships: ['$tasks', '$notes'] },
      },
    ],
    [
      'types a field its schemas leave untyped as the definitions example does',
      {
        given: (doc) => {
          widgetFields(doc)['properties'] = {
            gearCount: { $ref: '#/components/schemas/TypedValue' },
          };
          definitionsMedia(doc)['example'] = { fieldDefinitions: { gearCount: field } };
        },
        want: { fieldDefinitions: { gearCount: field }, fields: { gearCount: 'NUMBER' } },
      },
    ],
    [
      "types a field by the one value its own valueType allows, and a closed fields' schema",
      {
        given: (doc) => {
          widgetFields(doc)['additionalProperties'] = false;
          widgetFields(doc)['properties'] = {
            $mail: {
              type: 'object',
              properties: { value: { type: 'string' }, valueType: { enum: ['EMAIL'] } },
            },
            $site: { type: 'object', properties: { valueType: { const: 'URL' } } },
          };
        },
        want: { fields: { $mail: 'EMAIL', $site: 'URL' }, closedFields: true },
      },
    ],
    [
      'gives the required properties beyond the entity model their first value',
      {
        given: (doc) => {
          const widget = components(doc, 'schemas')['Widget']!;
          widget['required'] = [...(widget['required'] as string[]), 'kind', 'level', 'free'];
          Object.assign(properties(doc, 'Widget'), {
            kind: { type: 'string', enum: ['widget'] },
            level: { type: 'string', enum: ['FULL', 'PART'], default: 'PART' },
            free: { type: 'string' },
          });
        },
        want: { recordProperties: { kind: 'widget', level: 'PART' } },
      },
    ],
    [
      "lists the ids its record's path parameter shows",
      {
        given: (doc) => {
          const params = components(doc, 'parameters');
          params['Id'] = { ...params['Id'], example: 'wid_123' };
        },
        want: { exampleIds: ['wid_123'] },
      },
    ],
    [
      'lists the fields a write gives a list of values, selects aside',
      {
        given: (doc) =>
          createFields(doc, {
            $sites: { type: ['array', 'null'], items: { type: 'string' } },
            $tags: { type: 'array', 'x-lightfield-value-type': 'MULTI_SELECT' },
            $label: { type: 'string' },
          }),
        want: { multipleFields: ['$sites'] },
      },
    ],
    [
      'lists the times marked x-lightfield-past',
      {
        given: (doc) =>
          createFields(doc, {
            $heldAt: { type: 'string', 'x-lightfield-past': true },
            $dueAt: { type: 'string' },
          }),
        want: { pastFields: ['$heldAt'] },
      },
    ],
    [
      'gives relationships the object type x-lightfield-object-type names',
      {
        given: (doc) => {
          widgetRelationships(doc)['properties'] = {
            $manual: { $ref: '#/components/schemas/Link', 'x-lightfield-object-type': 'file' },
            $team: { $ref: '#/components/schemas/Link' },
          };
        },
        want: { relationshipTypes: { $manual: 'file' } },
      },
    ],
    ['adds nothing for a spec without them', { given: () => {}, want: {} }],
  ])('%s', async (_, { given, want }) => {
    const info = await widgetInfo(given);
    const keys = [
      'fieldDefinitions',
      'relationshipDefinitions',
      'readOnlyRelationships',
      'closedFields',
      'recordProperties',
      'exampleIds',
      'multipleFields',
      'pastFields',
      'relationshipTypes',
    ];
    // Only the field keys a case names: the widget's create body declares more of its own.
    const named = Object.keys((want['fields'] as Json | undefined) ?? {});
    if (named.length)
      info['fields'] = Object.fromEntries(named.map((k) => [k, (info['fields'] as Json)[k]]));
    if (named.length) keys.push('fields');
    expect(Object.fromEntries(keys.filter((k) => k in info).map((k) => [k, info[k]]))).toEqual(
      want,
    );
  });
});
