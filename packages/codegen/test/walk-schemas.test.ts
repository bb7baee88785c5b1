import { describe, expect, test } from 'vitest';
import type { Json } from '../src/json.js';
import { checkRules, walkSchemas } from '../src/rules.js';

// Which nodes of a spec are its schemas: a `schema` key inside example data or an `x-` extension
// is no schema (a spec converted from Swagger 2 keeps its old responses under `x-…`), while a
// header or a component named `x-…` is one.

const text = { type: 'string' };
const notASchema = { schema: { type: 'file' } };
const media = (extra: Json) => ({ content: { 'application/json': { schema: text, ...extra } } });
const spec = (operation: Json, components: Json = {}): Json => ({
  openapi: '3.0.3',
  paths: { '/things': { get: { responses: { '200': { description: 'OK', ...operation } } } } },
  components,
});
const ok = '/paths/~1things/get/responses/200';

type Case = [string, { given: Json; want: string[] }];

describe('walkSchemas', () => {
  test.each<Case>([
    [
      'an example whose value has a schema key',
      {
        given: spec(media({ examples: { one: { value: notASchema } }, example: notASchema })),
        want: [`${ok}/content/application~1json/schema`],
      },
    ],
    [
      'an extension that holds a Swagger 2 response',
      {
        given: spec({ ...media({}), 'x-responsesObject': { '200': notASchema } }),
        want: [`${ok}/content/application~1json/schema`],
      },
    ],
    [
      'a header named x-…',
      {
        given: spec({ headers: { 'x-rate-limit': { schema: text } } }),
        want: [`${ok}/headers/x-rate-limit/schema`],
      },
    ],
    [
      'components named x-…, beside extensions and examples of components',
      {
        given: spec(
          {},
          {
            parameters: { 'x-trace': { name: 'trace', in: 'header', schema: text } },
            examples: { one: { value: notASchema } },
            'x-extra': notASchema,
          },
        ),
        want: ['/components/parameters/x-trace/schema'],
      },
    ],
  ])('%s', (_, { given, want }) => {
    const seen: string[] = [];
    walkSchemas(given, (_schema, pointer) => seen.push(pointer));
    expect(seen).toEqual(want);
    expect(checkRules(given).filter((p) => p.rule === 'schema-type')).toEqual([]);
  });
});
