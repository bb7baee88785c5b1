import { describe, expect, test } from 'vitest';
import {
  generated,
  headerParam,
  ok,
  pathParam,
  retrieve,
  retrieveWith,
  widgetRef,
  type Case,
} from './tiny-spec.js';

// The pieces of each target, in openapi-typescript's table form: given a tiny spec (what differs
// from the base below), want a snippet of one generated file, as prettier lays it out. The golden
// files show whole files for the repository's spec; these pin one rule each. No tsc runs here.

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
    ...(['operations.ts', 'client.ts'] as const).map((file): Case => [
      `a multipart body of one file (a binary string) is that file: ${file}`,
      {
        given: {
          paths: {
            '/widgets/{id}/files': {
              post: {
                operationId: 'widget.attach',
                parameters: [pathParam('id')],
                requestBody: {
                  content: {
                    'multipart/form-data': { schema: { type: 'string', format: 'binary' } },
                  },
                },
                responses: ok(widgetRef),
              },
            },
          },
        },
        file,
        want:
          file === 'operations.ts'
            ? "body: { type: 'multipart/form-data', encode: multipartFile },"
            : 'body?: UploadData,',
      },
    ]),
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
          paths: retrieveWith({
            'x-lightfield-rate-limit': 'read',
            parameters: [
              pathParam('id'),
              headerParam(
                'Api-Version',
                { type: 'string', enum: ['2024-01-01'] },
                { required: true },
              ),
            ],
          }),
        },
        file: 'spec.ts',
        want: "export const specDefaults: SpecDefaults = {\n  baseUrl: 'https://api.test/v1',\n  headers: { 'Api-Version': '2024-01-01' },\n  rateLimits: { read: 25 },\n};\n",
      },
    ],
    [
      'constant headers are the ones the client sends itself',
      {
        given: {
          paths: retrieveWith({
            parameters: [
              pathParam('id'),
              headerParam('Api-Version', { const: '2024-01-01' }, { required: true }),
            ],
          }),
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
          paths: retrieveWith({ parameters: [pathParam('widget-id')] }, '/widgets/{widget-id}'),
        },
        file: 'client.ts',
        want: "{ path: { 'widget-id': widgetId } }",
      },
    ],
    [
      'a path parameter named by a reserved word keeps an unquoted key',
      {
        given: {
          paths: retrieveWith({ parameters: [pathParam('class')] }, '/widgets/{class}'),
        },
        file: 'client.ts',
        want: '{ path: { class: classParam } }',
      },
    ],
    [
      'caller headers get a type, with each description as JSDoc',
      {
        given: {
          paths: retrieveWith({
            parameters: [
              pathParam('id'),
              headerParam('X-Trace', { type: 'string' }, { description: 'A trace id.' }),
            ],
          }),
        },
        file: 'client.ts',
        want: "export type WidgetRetrieveHeaders = {\n  /**\n   * A trace id.\n   */\n  'X-Trace'?: string;\n};\n",
      },
    ],
  ])('%s', async (_, { given, file, want }) => {
    expect(await generated('client', given, file)).toContain(want);
  });
});
