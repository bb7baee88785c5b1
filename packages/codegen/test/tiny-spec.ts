import { buildModel, type SpecModel } from '../src/spec-model.js';
import { targets } from '../src/targets/index.js';
import type { Json } from '../src/json.js';

// A tiny spec for the target tests: a base with one `Widget` schema, which each case extends.

/** A case: the spec fragment, the generated file to look in and the snippet it must contain. */
export type Case = [string, { given: Json; file: string; want: string }];

/** The base spec's one schema. */
export const WIDGET = {
  type: 'object',
  description: 'A widget.',
  required: ['id'],
  properties: { id: { type: 'string', example: 'w_1' }, name: { type: 'string' } },
};
/** A `$ref` to `Widget`. */
export const widgetRef = { $ref: '#/components/schemas/Widget' };
/** A JSON `content` of `schema`. */
export const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
/** A `200` response of `schema`. */
export const ok = (schema: unknown) => ({ '200': { description: 'OK', ...json(schema) } });
/** A required string path parameter. */
export const pathParam = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
});
/** `GET /widgets/{id}`, `widget.retrieve`. */
export const retrieve = {
  '/widgets/{id}': {
    get: {
      operationId: 'widget.retrieve',
      summary: 'Get a widget',
      parameters: [pathParam('id')],
      responses: { ...ok(widgetRef), '404': { description: 'Not found' } },
    },
  },
};

/** `retrieve` at `path`, its operation's keys replaced by those of `get`. */
export const retrieveWith = (get: Json, path = '/widgets/{id}') => ({
  [path]: { get: { ...retrieve['/widgets/{id}'].get, ...get } },
});
/** A header parameter of `schema`. */
export const headerParam = (name: string, schema: Json, more: Json = {}) => ({
  name,
  in: 'header',
  ...more,
  schema,
});

/** A model of the base spec (one `Widget` schema) with `given` merged over it. */
export function model(given: Json): SpecModel {
  const document = {
    openapi: '3.1.0',
    info: { title: 'Tiny', version: '1.0.0' },
    servers: [{ url: 'https://api.test/v1' }],
    paths: {},
    ...given,
    components: { schemas: { Widget: WIDGET }, ...(given['components'] as Json | undefined) },
  };
  return buildModel({ file: '/repo/spec/tiny.yaml', document, hash: '0123456789abcdef'.repeat(4) });
}

// Cases that share a spec share one run of the target.
const runs = new Map<string, Promise<Map<string, string>>>();

/** Runs one target on the case's spec and returns the file it names. */
export async function generated(target: string, given: Json, file: string): Promise<string> {
  const key = `${target} ${JSON.stringify(given)}`;
  if (!runs.has(key)) runs.set(key, targets[target]!(model(given)));
  const text = (await runs.get(key)!).get(file);
  if (text === undefined) throw new Error(`${target} wrote no ${file}`);
  return text;
}
