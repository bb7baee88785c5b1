import { describe, expect, test } from 'vitest';
import {
  generated,
  json,
  ok,
  pathParam,
  retrieve,
  WIDGET,
  widgetRef,
  type Case,
} from './tiny-spec.js';

// The pieces of each target, in openapi-typescript's table form: given a tiny spec (what differs
// from the base below), want a snippet of one generated file, as prettier lays it out. The golden
// files show whole files for the repository's spec; these pin one rule each. No tsc runs here.

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
      'no discriminated schema, no field variants',
      { given: {}, file: 'fields.ts', want: 'export type FieldVariants = {};\n' },
    ],
  ])('%s', async (_, { given, file, want }) => {
    expect(await generated('types', given, file)).toContain(want);
  });
});

describe('client', () => {
  test.each<Case>([
    [
      'an operation entry with its summary and path parameters',
      {
        given: { paths: retrieve },
        file: 'operations.ts',
        want: "/**\n * `widget.retrieve`: Get a widget\n */\nexport const widgetRetrieve = {\n  id: 'widget.retrieve',\n  method: 'GET',\n  path: '/widgets/{id}',\n  pathParams: ['id'],\n} as const satisfies OperationInfo;\n",
      },
    ],
    [
      'an operation without query parameters names no query code',
      {
        given: { paths: retrieve },
        file: 'operations.ts',
        want: "its hash is in `spec`.\n\nimport type { OperationInfo } from '../internal/operation.js';\n",
      },
    ],
    [
      'a filtered list names the filter and query code it sends with',
      {
        given: {
          paths: {
            '/widgets': {
              get: {
                operationId: 'widget.list',
                'x-lightfield-filter': true,
                responses: ok({ type: 'array', items: widgetRef }),
              },
            },
          },
        },
        file: 'operations.ts',
        want: "import { serializeFilter } from '../core/filter.js';\nimport { serializeQuery } from '../core/query.js';\nimport type { OperationInfo } from '../internal/operation.js';\n\n/**\n * `widget.list`: GET /widgets\n */\nexport const widgetList = {\n  id: 'widget.list',\n  method: 'GET',\n  path: '/widgets',\n  encodeQuery: serializeQuery,\n  filter: serializeFilter,\n} as const satisfies OperationInfo;\n",
      },
    ],
    [
      'an operation function takes the client first, and sends on it',
      {
        given: { paths: retrieve },
        file: 'client.ts',
        want: 'export function widgetRetrieve<Org extends OrgDefinitions = {}>(\n  client: LightfieldClient<Org>,\n  id: string,\n  options?: RequestOptions,\n): APIPromise<Widget> {\n  return request(client, operation.widgetRetrieve, { path: { id } }, options);\n}\n',
      },
    ],
    [
      'a function name a runtime import holds takes the next free one',
      {
        given: {
          paths: {
            '/reads/{id}': {
              get: {
                operationId: 'read.empty',
                parameters: [pathParam('id')],
                responses: ok(widgetRef),
              },
            },
          },
        },
        file: 'operations.ts',
        want: 'export const readEmpty2 = {',
      },
    ],
    [
      'query rules keep type and bounds',
      {
        given: {
          paths: {
            '/widgets': {
              get: {
                operationId: 'widget.list',
                parameters: [
                  {
                    name: 'limit',
                    in: 'query',
                    schema: { type: 'integer', minimum: 1, maximum: 100 },
                  },
                ],
                responses: ok({ type: 'array', items: widgetRef }),
              },
            },
          },
        },
        file: 'operations.ts',
        want: "query: { limit: { type: 'integer', minimum: 1, maximum: 100 } },\n  encodeQuery: serializeQuery,",
      },
    ],
    [
      'a multipart body names its encoder, imported from the runtime',
      {
        given: {
          paths: {
            '/widgets': {
              post: {
                operationId: 'widget.upload',
                requestBody: {
                  required: true,
                  content: {
                    'multipart/form-data': {
                      schema: {
                        type: 'object',
                        properties: { file: { type: 'string', format: 'binary' } },
                      },
                    },
                  },
                },
                responses: ok(widgetRef),
              },
            },
          },
        },
        file: 'operations.ts',
        want: "body: { type: 'multipart/form-data', encode: multipart },",
      },
    ],
    [
      'an empty success reads nothing',
      {
        given: {
          paths: {
            '/widgets/{id}': {
              delete: {
                operationId: 'widget.delete',
                parameters: [pathParam('id')],
                responses: { '204': { description: 'Deleted' } },
              },
            },
          },
        },
        file: 'operations.ts',
        want: "import { readEmpty } from '../core/media.js';\nimport type { OperationInfo } from '../internal/operation.js';\n",
      },
    ],
    [
      'a JSON-only spec imports no encoder',
      {
        given: { paths: retrieve },
        file: 'operations.ts',
        want: "`pnpm generate`.\n// Spec: Tiny 1.0.0, API version 1.0.0; its hash is in `spec`.\n\nimport type { OperationInfo } from '../internal/operation.js';\n",
      },
    ],
    [
      'the defaults carry the server, constant headers and rate limits',
      {
        given: {
          'x-lightfield-rate-limits': { read: 25 },
          paths: {
            '/widgets/{id}': {
              get: {
                ...retrieve['/widgets/{id}'].get,
                'x-lightfield-rate-limit': 'read',
                parameters: [
                  pathParam('id'),
                  {
                    name: 'Api-Version',
                    in: 'header',
                    required: true,
                    schema: { type: 'string', enum: ['2024-01-01'] },
                  },
                ],
              },
            },
          },
        },
        file: 'spec.ts',
        want: "export const specDefaults: SpecDefaults = {\n  baseUrl: 'https://api.test/v1',\n  headers: { 'Api-Version': '2024-01-01' },\n  rateLimits: { read: 25 },\n};\n",
      },
    ],
    [
      'constant headers are the ones the client sends itself',
      {
        given: {
          paths: {
            '/widgets/{id}': {
              get: {
                ...retrieve['/widgets/{id}'].get,
                parameters: [
                  pathParam('id'),
                  {
                    name: 'Api-Version',
                    in: 'header',
                    required: true,
                    schema: { const: '2024-01-01' },
                  },
                ],
              },
            },
          },
        },
        file: 'spec.ts',
        want: "export type SentHeader = 'Api-Version';\n",
      },
    ],
    [
      'no constant header, no sent header',
      { given: {}, file: 'spec.ts', want: 'export type SentHeader = never;\n' },
    ],
    [
      'a path parameter that is no identifier is passed under its own name',
      {
        given: {
          paths: {
            '/widgets/{widget-id}': {
              get: {
                ...retrieve['/widgets/{id}'].get,
                parameters: [pathParam('widget-id')],
              },
            },
          },
        },
        file: 'client.ts',
        want: "{ path: { 'widget-id': widgetId } }",
      },
    ],
    [
      'a path parameter named by a reserved word keeps an unquoted key',
      {
        given: {
          paths: {
            '/widgets/{class}': {
              get: { ...retrieve['/widgets/{id}'].get, parameters: [pathParam('class')] },
            },
          },
        },
        file: 'client.ts',
        want: '{ path: { class: classParam } }',
      },
    ],
    [
      'caller headers get a type, with each description as JSDoc',
      {
        given: {
          paths: {
            '/widgets/{id}': {
              get: {
                ...retrieve['/widgets/{id}'].get,
                parameters: [
                  pathParam('id'),
                  {
                    name: 'X-Trace',
                    in: 'header',
                    description: 'A trace id.',
                    schema: { type: 'string' },
                  },
                ],
              },
            },
          },
        },
        file: 'client.ts',
        want: "export type WidgetRetrieveHeaders = {\n  /**\n   * A trace id.\n   */\n  'X-Trace'?: string;\n};\n",
      },
    ],
  ])('%s', async (_, { given, file, want }) => {
    expect(await generated('client', given, file)).toContain(want);
  });
});

describe('fixtures', () => {
  test.each<Case>([
    [
      'the bundled document is indented JSON',
      {
        given: {},
        file: 'document.ts',
        want: 'export const document: Record<string, unknown> = {\n  "openapi": "3.1.0",\n  "info": {\n    "title": "Tiny",\n',
      },
    ],
    [
      'the fixtures record the spec identity on one line',
      {
        given: {},
        file: 'document.ts',
        want: 'export const spec = {"title":"Tiny","version":"1.0.0","apiVersion":"1.0.0","hash":"0123456789abcdef"} as const;\n',
      },
    ],
    [
      'an example per response takes the schema examples',
      {
        given: { paths: retrieve },
        file: 'examples.ts',
        want: '"widget.retrieve": {\n    "200": {\n      "id": "w_1",\n',
      },
    ],
    [
      'a resource lists its operations with route and kind',
      {
        given: { paths: retrieve },
        file: 'resources.ts',
        want: '"id": "widget.retrieve",\n        "verb": "retrieve",\n        "kind": "retrieve",\n        "method": "GET",\n        "path": "/widgets/{id}",\n',
      },
    ],
    [
      'factories import the response types',
      {
        given: { paths: retrieve },
        file: 'factories.ts',
        want: "import type { Widget } from '@lightfield/types';\n",
      },
    ],
  ])('%s', async (_, { given, file, want }) => {
    expect(await generated('fixtures', given, file)).toContain(want);
  });
});

describe('docs', () => {
  test.each<Case>([
    [
      'a method line with its signature and route',
      {
        given: { paths: retrieve },
        file: 'api.md',
        want: '- <code title="get /widgets/{id}">client.widget.<a href="../src/generated/client.ts">retrieve</a>(id: string, options?: RequestOptions) -> APIPromise&lt;Widget&gt;</code>\n',
      },
    ],
    [
      'method details list the route and error statuses',
      {
        given: { paths: retrieve },
        file: 'api.md',
        want: '- **Errors:** 404\n',
      },
    ],
    [
      'a schema no operation names is a shared type',
      {
        given: {
          paths: retrieve,
          components: { schemas: { Widget: WIDGET, Gadget: { type: 'object' } } },
        },
        file: 'api.md',
        want: '# Shared types\n\nTypes every resource uses, exported by `@lightfield/types`:\n\n- <code><a href="../../types/src/generated/aliases.ts">Gadget</a></code>\n',
      },
    ],
  ])('%s', async (_, { given, file, want }) => {
    expect(await generated('docs', given, file)).toContain(want);
  });
});
