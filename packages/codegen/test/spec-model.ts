// Shared by the spec-model-*.test.ts files: small specs of their own, and how they load.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { openApiDocument } from '@lightfield/testkit';
import { loadSpec } from '../src/load-spec.js';
import type { OperationModel, SpecModel } from '../src/spec-model.js';
import { tempDir } from './helpers.js';

import type { Json } from '../src/json.js';

export const ok = (schema: Json, type = 'application/json') => ({
  description: 'ok',
  content: { [type]: { schema } },
});
export const thing = { $ref: '#/components/schemas/Thing' };
/** An operation that takes one `Thing` as JSON and answers it with `status`. */
const write = (operationId: string, status: string) => ({
  operationId,
  requestBody: { content: { 'application/json': { schema: thing } } },
  responses: { [status]: ok(thing) },
});
export const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
export const page = {
  type: 'object',
  properties: { items: { type: 'array', items: thing }, total: { type: 'integer' } },
};
export const paging = [
  { name: 'limit', in: 'query', schema: { type: 'integer', default: 10, maximum: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer' } },
];

/** A small spec of its own: no operation or schema of the project's spec. */
export function spec(paths: Json, schemas: Json = {}): Json {
  const thing = { type: 'object', properties: { id: { type: 'string' } } };
  return openApiDocument(paths, {
    servers: [{ url: 'https://api.example.test' }],
    components: { schemas: { Thing: thing, ...schemas } },
  });
}

export async function model(doc: Json): Promise<SpecModel> {
  const file = path.join(await tempDir(), 'spec.yaml');
  await writeFile(file, stringify(doc));
  return loadSpec(file);
}

export const crud = spec({
  '/v1/things': {
    get: { operationId: 'thing.all', parameters: paging, responses: { '200': ok(page) } },
    post: write('thing.make', '201'),
  },
  '/v1/things/{id}': {
    parameters: [id],
    get: { operationId: 'thing.one', responses: { '200': ok(thing) } },
    patch: write('thing.change', '200'),
    delete: { operationId: 'thing.delete', responses: { '204': { description: 'gone' } } },
  },
  '/v1/things/{id}/parts': {
    parameters: [id],
    get: { operationId: 'part.list', parameters: paging, responses: { '200': ok(page) } },
  },
  // The parent's id named in the nested path's own words, as specs often do.
  '/v1/things/{thingId}/notes': {
    parameters: [{ ...id, name: 'thingId' }],
    get: { operationId: 'note.list', parameters: paging, responses: { '200': ok(page) } },
    post: write('note.add', '200'),
  },
  '/v1/things/{id}/archive': {
    parameters: [id],
    post: { operationId: 'thing.archive', responses: { '200': ok(thing) } },
  },
});

export const byId = (m: SpecModel, opId: string): OperationModel => {
  const op = m.operations.find((o) => o.operationId === opId);
  if (!op) throw new Error(`no ${opId} in ${m.operations.map((o) => o.operationId).join(', ')}`);
  return op;
};
