import { createConfig } from '@redocly/openapi-core';
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../src/load-spec.js';
import { openapiTypescript, typesOf } from '../src/targets/types.js';
import { SPEC } from './helpers.js';
import { generated, json, model, ok, retrieve, WIDGET, widgetRef, type Case } from './tiny-spec.js';

// The pieces of each target, in openapi-typescript's table form: given a tiny spec (what differs
// from the base below), want a snippet of one generated file, as prettier lays it out. The golden
// files show whole files for the repository's spec; these pin one rule each. No tsc runs here.

const MEDIA = 'responses/200/content/application~1json/schema';
const JSON_VALUE = {
  oneOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/components/schemas/Value' } }],
};

describe('types', () => {
  test.each<Case>([
    [
      'a schema alias carries the schema description',
      {
        given: {},
        file: 'aliases.ts',
        want: "/**\n * A widget.\n */\nexport type Widget = components['schemas']['Widget'];\n",
      },
    ],
    [
      'a schema without a description gets a default doc',
      {
        given: { components: { schemas: { Widget: WIDGET, Gadget: { type: 'object' } } } },
        file: 'aliases.ts',
        want: "/**\n * The `Gadget` schema.\n */\nexport type Gadget = components['schemas']['Gadget'];\n",
      },
    ],
    [
      'the import names only what the aliases use',
      {
        given: {},
        file: 'aliases.ts',
        want: "import type { components } from './openapi.js';\n",
      },
    ],
    [
      'a response alias looks the body up by operationId, broken after = when long',
      {
        given: { paths: retrieve },
        file: 'aliases.ts',
        want: "export type WidgetRetrieveResponse =\n  operations['widget.retrieve']['responses'][200]['content']['application/json'];\n",
      },
    ],
    [
      'query parameters are the params when there is no body',
      {
        given: {
          paths: {
            '/widgets': {
              get: {
                operationId: 'widget.list',
                parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
                responses: ok({ type: 'array', items: widgetRef }),
              },
            },
          },
        },
        file: 'aliases.ts',
        want: "export type WidgetListParams = NonNullable<operations['widget.list']['parameters']['query']>;\n",
      },
    ],
    [
      'a request body is the params, with a non-null requestBody',
      {
        given: {
          paths: {
            '/widgets': {
              post: {
                operationId: 'widget.create',
                requestBody: { required: true, ...json(widgetRef) },
                responses: ok(widgetRef),
              },
            },
          },
        },
        file: 'aliases.ts',
        want: "export type WidgetCreateParams = NonNullable<\n  operations['widget.create']['requestBody']\n>['content']['application/json'];\n",
      },
    ],
    [
      'an operation without operationId is looked up by path',
      {
        given: {
          paths: {
            '/widgets/{id}': { get: { ...retrieve['/widgets/{id}'].get, operationId: undefined } },
          },
        },
        file: 'aliases.ts',
        want: "['/widgets/{id}']['get']['responses'][200]['content']['application/json'];\n",
      },
    ],
    [
      'the spec constant, broken one property per line when long',
      {
        given: {},
        file: 'spec.ts',
        want: "export const spec = {\n  title: 'Tiny',\n  version: '1.0.0',\n  apiVersion: '1.0.0',\n  hash: '0123456789abcdef',\n} as const;\n",
      },
    ],
    [
      'a $ref into an operation is typed inline: the output has no `schema` key to index',
      {
        given: {
          paths: {
            '/widgets': {
              get: {
                operationId: 'widget.list',
                responses: {
                  '200': {
                    description: 'OK',
                    content: {
                      ...json({ type: 'object', properties: { ok: { type: 'boolean' } } }).content,
                      'text/xml': { schema: { $ref: `#/paths/~1widgets/get/${MEDIA}` } },
                    },
                  },
                },
              },
            },
          },
        },
        file: 'openapi.ts',
        want: '"text/xml": {\n                        ok?: boolean;\n                    };',
      },
    ],
    [
      "an allOf that makes a nullable member's property required compiles",
      {
        given: {
          openapi: '3.0.3',
          components: {
            schemas: {
              Widget: WIDGET,
              Base: { type: 'object', nullable: true, properties: { code: { type: 'string' } } },
              Cause: { allOf: [{ $ref: '#/components/schemas/Base' }], required: ['code'] },
            },
          },
        },
        file: 'openapi.ts',
        want: 'type WithRequired<T, K extends keyof NonNullable<T>> = NonNullable<T> & {',
      },
    ],
    [
      'a schema that contains itself outside any object is unknown where it does',
      {
        given: { components: { schemas: { Widget: WIDGET, Value: JSON_VALUE } } },
        file: 'openapi.ts',
        want: 'Value: string | unknown[];',
      },
    ],
    [
      'no discriminated schema, no field variants',
      { given: {}, file: 'fields.ts', want: 'export type FieldVariants = {};\n' },
    ],
  ])('%s', async (_, { given, file, want }) => {
    expect(await generated('types', given, file)).toContain(want);
  });

  test('a note says where a self-containing schema is typed unknown', () => {
    expect(model({ components: { schemas: { Value: JSON_VALUE } } }).notes).toContain(
      "#/components/schemas/Value/oneOf/1/items: a schema that contains itself outside any object can't be a TypeScript type; typed unknown there",
    );
  });
});

describe('openapi-typescript', () => {
  test('its transform, called with our context, prints what openapiTS prints', async () => {
    // typesOf copies openapiTS's default options to skip its second lint and bundle; an upgrade
    // that adds an option or changes a default shows here.
    const { document } = await loadSpec(SPEC);
    const { default: openapiTS, astToString } = openapiTypescript();
    const redocly = await createConfig({ rules: {} }, { extends: [] });
    const theirs = await openapiTS(structuredClone(document) as never, { silent: true, redocly });
    const ours = await typesOf(structuredClone(document));
    expect(astToString(ours)).toBe(astToString(theirs));
  });
});
