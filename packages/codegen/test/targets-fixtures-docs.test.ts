import { describe, expect, test } from 'vitest';
import {
  generated,
  json,
  retrieve,
  retrieveWith,
  WIDGET,
  widgetRef,
  type Case,
} from './tiny-spec.js';

// The pieces of each target, in openapi-typescript's table form: given a tiny spec (what differs
// from the base below), want a snippet of one generated file, as prettier lays it out. The golden
// files show whole files for the repository's spec; these pin one rule each. No tsc runs here.

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
    ...(['2XX', 'default'] as const).flatMap((key): Case[] => [
      [
        `a success documented only as ${key} answers in its schema`,
        {
          given: {
            paths: retrieveWith({
              responses: { [key]: { description: 'OK', ...json(widgetRef) } },
            }),
          },
          file: 'resources.ts',
          want: '"success": "200",\n        "responseSchema": {\n          "$ref": "#/components/schemas/Widget"\n        },\n        "responseMedia": [\n          {\n            "type": "application/json",',
        },
      ],
      [
        `a success documented only as ${key} has its example under 200`,
        {
          given: {
            paths: retrieveWith({
              responses: { [key]: { description: 'OK', ...json(widgetRef) } },
            }),
          },
          file: 'examples.ts',
          want: '"200": {\n      "id": "w_1",\n',
        },
      ],
    ]),
    [
      'a default beside a 2xx is no success',
      {
        given: {
          paths: retrieveWith({
            responses: {
              '201': { description: 'Made' },
              default: { description: 'Error', ...json(widgetRef) },
            },
          }),
        },
        file: 'resources.ts',
        want: '"success": "201",\n        "responseMedia": [],',
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
