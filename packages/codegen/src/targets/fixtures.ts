import { readDerived, type DerivedField } from '../derived.js';
import { formatTs, jsdoc } from '../format.js';
import { generatedHeader, specIdentity } from '../header.js';
import { deref, isObject } from '../rules.js';
import { sampleSchema } from '../sample-schema.js';
import { pascal, refName, type OperationModel, type SpecModel } from '../spec-model.js';
import type { FileMap } from '../write-output.js';
import { isPaginated } from './client.js';

type Json = Record<string, unknown>;

/**
 * Writes the fixtures' `src/generated/`: `document.ts` (the bundled spec, for request
 * validation), `resources.ts` (every operation as the mock routes it), `examples.ts` (a
 * schema-valid example per response) and `factories.ts` (typed factories per resource).
 */
export async function generateFixtures(model: SpecModel): Promise<FileMap> {
  const header = generatedHeader(model, 'fixtures');
  const files: FileMap = new Map();
  // The data files are printed as indented JSON, not run through prettier: on a large spec
  // formatting them would cost more than everything else (they are in .prettierignore).
  files.set('document.ts', `${header}\n${documentFile(model)}\n`);
  files.set('resources.ts', `${header}\n${resourcesFile(model)}\n`);
  files.set('examples.ts', `${header}\n${examplesFile(model)}\n`);
  files.set('factories.ts', await formatTs(`${header}\n${factoriesFile(model)}`));
  return files;
}

function documentFile(model: SpecModel): string {
  return [
    `${jsdoc('The spec these fixtures were generated from.')}export const spec = ${JSON.stringify(specIdentity(model))} as const;`,
    '',
    `${jsdoc('The bundled OpenAPI document: request validation compiles its schemas.')}export const document: Record<string, unknown> = ${JSON.stringify(model.document, null, 2)};`,
  ].join('\n');
}

/** Required create fields with their `x-lightfield-value-type`, and required relationships. */
function createRequirements(model: SpecModel, op: OperationModel): Json {
  const body = deref(model.document, op.requestBody?.schema);
  const props = isObject(body) && isObject(body['properties']) ? body['properties'] : {};
  const fields = deref(model.document, props['fields']);
  const rels = deref(model.document, props['relationships']);
  const fieldProps = isObject(fields) && isObject(fields['properties']) ? fields['properties'] : {};
  const required = (s: unknown) =>
    isObject(s) && Array.isArray(s['required']) ? (s['required'] as string[]) : [];
  return {
    fields: Object.fromEntries(
      required(fields).map((key) => {
        const p = deref(model.document, fieldProps[key]);
        const type =
          isObject(p) && typeof p['x-lightfield-value-type'] === 'string'
            ? p['x-lightfield-value-type']
            : 'TEXT';
        return [key, type];
      }),
    ),
    relationships: required(rels),
  };
}

/** The `x-lightfield-derived` fields of an entity schema, by field key. */
function derivedFields(model: SpecModel, entity: Json | undefined): Record<string, DerivedField> {
  const schema = deref(model.document, entity);
  const props = isObject(schema) && isObject(schema['properties']) ? schema['properties'] : {};
  const fields = deref(model.document, props['fields']);
  const fieldProps = isObject(fields) && isObject(fields['properties']) ? fields['properties'] : {};
  return Object.fromEntries(
    Object.entries(fieldProps).flatMap(([key, p]) => {
      const rule = readDerived(p);
      return rule ? [[key, rule]] : [];
    }),
  );
}

function resourcesFile(model: SpecModel): string {
  const valueTypes = deref(model.document, { $ref: '#/components/schemas/ValueType' });
  const valueTypeList =
    isObject(valueTypes) && Array.isArray(valueTypes['enum']) ? valueTypes['enum'] : [];
  const operationIds = model.resources.flatMap((r) => r.operations.map((op) => op.operationId));
  const resources = model.resources.map((r) => {
    const create = r.operations.find((o) => o.method === 'create');
    const retrieve = r.operations.find((o) => o.method === 'retrieve') ?? create;
    const derived = derivedFields(model, retrieve?.success.schema);
    return {
      name: r.name,
      ...(create ? { create: createRequirements(model, create) } : {}),
      ...(Object.keys(derived).length ? { derived } : {}),
      operations: r.operations.map((op) => ({
        id: op.operationId,
        verb: op.method,
        method: op.httpMethod.toUpperCase(),
        path: op.path,
        ...(op.rateLimit ? { category: op.rateLimit } : {}),
        ...(op.scope ? { scope: op.scope } : {}),
        filter: op.filter,
        paginated: isPaginated(model, op),
        idempotent: op.idempotent,
        pathParams: op.pathParams.map((p) => p.name),
        query: op.queryParams.map((p) => ({
          name: p.name,
          required: p.required,
          schema: p.schema,
        })),
        headers: op.headerParams.map((p) => ({
          name: p.name,
          required: p.required,
          schema: p.schema,
        })),
        ...(op.requestBody?.schema
          ? { body: { required: op.requestBody.required, schema: op.requestBody.schema } }
          : {}),
        success: op.success.status,
        ...(op.success.schema ? { responseSchema: op.success.schema } : {}),
        errors: op.errorStatuses,
      })),
    };
  });
  return [
    "import type { ResourceInfo } from '../core/resource-info.js';",
    '',
    `${jsdoc('Every resource of the spec, with the operations the mock and the handlers serve.')}export const resources: ResourceInfo[] = ${JSON.stringify(resources, null, 2)};`,
    '',
    `${jsdoc('The valueTypes the spec knows.')}export const valueTypes = ${JSON.stringify(valueTypeList)} as const;`,
    '',
    `${jsdoc('A valueType of the spec.')}export type ValueType = ${valueTypeList.length ? '(typeof valueTypes)[number]' : 'string'};`,
    '',
    `${jsdoc('The id of every operation of the spec.')}export const operationIds = ${JSON.stringify(operationIds)} as const;`,
    '',
    `${jsdoc('An operation id of the spec, e.g. for `errorHandler`.')}export type OperationId = ${operationIds.length ? '(typeof operationIds)[number]' : 'never'};`,
    '',
    `${jsdoc("The spec's first server: where the client sends requests unless told otherwise.")}export const defaultBaseUrl = ${JSON.stringify(model.baseUrl)};`,
    '',
    `${jsdoc('Headers every request must send, with their only accepted value.')}export const constantHeaders: Readonly<Record<string, string>> = ${JSON.stringify(model.constantHeaders)};`,
    '',
    `${jsdoc('Requests per second by rate-limit category.')}export const rateLimits: Readonly<Record<string, number>> = ${JSON.stringify(model.rateLimits)};`,
  ].join('\n');
}

function examplesFile(model: SpecModel): string {
  const examples: Record<string, Record<string, unknown>> = {};
  for (const op of model.operations) {
    const responses = (((model.document['paths'] as Json)[op.path] as Json)[op.httpMethod] as Json)[
      'responses'
    ] as Json;
    const byStatus: Record<string, unknown> = {};
    for (const [status, raw] of Object.entries(responses)) {
      const response = deref(model.document, raw);
      const content =
        isObject(response) && isObject(response['content']) ? response['content'] : {};
      const media = content['application/json'];
      if (isObject(media) && media['schema'])
        byStatus[status] = sampleSchema(model.document, media['schema']);
    }
    examples[op.operationId] = byStatus;
  }
  return `${jsdoc(
    'A deterministic, schema-valid example body for every response of every operation, by operationId and status.',
  )}export const examples: Record<string, Record<string, unknown>> = ${JSON.stringify(examples, null, 2)};`;
}

function factoriesFile(model: SpecModel): string {
  const imports = new Set<string>();
  const blocks: string[] = [];
  for (const r of model.resources) {
    const retrieve =
      r.operations.find((o) => o.method === 'retrieve') ??
      r.operations.find((o) => o.method === 'create');
    const list = r.operations.find((o) => isPaginated(model, o));
    const definitions = r.operations.find((o) => o.method === 'definitions');
    const entityType = refName(retrieve?.success.schema);
    const R = pascal(r.name);
    if (entityType) {
      imports.add(entityType);
      blocks.push(
        `${jsdoc(
          `A realistic \`${entityType}\` with a field of every valueType, and a new id on each call.`,
          '`overrides` replace top-level properties; `fields` and `relationships` merge by key (a key set to `undefined` is removed).',
          '@param options.seed The same seed gives the same entity.',
        )}export function make${R}(overrides: EntityOverrides<${entityType}> = {}, options: FactoryOptions = {}): ${entityType} {
          return makeEntity(${JSON.stringify(r.name)}, overrides, options) as ${entityType};
        }`,
      );
    }
    const listType = refName(list?.success.schema);
    if (listType && entityType) {
      imports.add(listType);
      blocks.push(
        `${jsdoc(`A \`${listType}\` page of \`n\` entities, new ones on each call.`, '@param options.seed The same seed gives the same page.')}export function make${R}List(n = 3, options: FactoryOptions = {}): ${listType} {
          return makeList(${JSON.stringify(r.name)}, n, options) as ${listType};
        }`,
      );
    }
    const defsType = refName(definitions?.success.schema);
    if (defsType) {
      imports.add(defsType);
      blocks.push(
        `${jsdoc(`The \`${defsType}\` the dataset and the mock use.`)}export function make${R}Definitions(): ${defsType} {
          return makeDefinitions(${JSON.stringify(r.name)}) as ${defsType};
        }`,
      );
    }
  }
  return [
    [...imports].length
      ? `import type { ${[...imports].sort().join(', ')} } from '@lightfield/types';`
      : '',
    "import { makeDefinitions, makeEntity, makeList, type EntityOverrides, type FactoryOptions } from '../core/factories.js';",
    '',
    blocks.join('\n\n'),
  ].join('\n');
}
