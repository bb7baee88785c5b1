import { readDerived, type DerivedField } from '../derived.js';
import { formatTs, jsdoc } from '../format.js';
import { generatedHeader, specIdentity } from '../header.js';
import { deref, isObject } from '../rules.js';
import { sampleSchema } from '../sample-schema.js';
import { objectSchema, propertiesOf } from '../classify.js';
import {
  jsonMedia,
  refName,
  type MediaModel,
  type OperationModel,
  type ResourceModel,
  type SpecModel,
} from '../spec-model.js';
import { readVariants } from '../variants.js';
import type { FileMap } from '../write-output.js';
import { arrayOf, type Json } from '../json.js';

/**
 * Writes the fixtures' `src/generated/`: `document.ts` (the bundled spec, for request
 * validation), `resources.ts` (every operation as the mock routes it, by kind), `examples.ts` (a
 * schema-valid example per response) and `factories.ts` (a typed factory per response schema).
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
  const doc = model.document;
  const props = propertiesOf(doc, op.requestBody?.schema);
  const fields = objectSchema(doc, props['fields']);
  const rels = objectSchema(doc, props['relationships']);
  const fieldProps = propertiesOf(doc, fields);
  const required = (s: unknown) =>
    isObject(s) && Array.isArray(s['required']) ? (s['required'] as string[]) : [];
  const optionalRels = Object.keys(propertiesOf(doc, rels)).filter(
    (k) => !required(rels).includes(k),
  );
  return {
    fields: Object.fromEntries(
      required(fields).map((key) => {
        const p = deref(doc, fieldProps[key]);
        const type =
          isObject(p) && typeof p['x-lightfield-value-type'] === 'string'
            ? p['x-lightfield-value-type']
            : 'TEXT';
        return [key, type];
      }),
    ),
    relationships: required(rels),
    // Named but optional relationships: a create may set them, so the definitions list them.
    ...(optionalRels.length ? { optionalRelationships: optionalRels } : {}),
  };
}

/** The examples the spec gives for an entity's fields (create body and response), by field key. */
function fieldExamples(model: SpecModel, r: ResourceModel): Record<string, unknown[]> {
  const doc = model.document;
  const out: Record<string, unknown[]> = {};
  const create = r.operations.find((o) => o.kind === 'create');
  for (const schema of [create?.requestBody?.schema, r.schema]) {
    const fields = propertiesOf(doc, propertiesOf(doc, schema)['fields']);
    for (const [key, raw] of Object.entries(fields)) {
      const p = isObject(raw) ? raw : {};
      const target = deref(doc, raw);
      const list = [p, isObject(target) ? target : {}].flatMap((s) => [
        ...arrayOf(s['examples']),
        ...('example' in s ? [s['example']] : []),
      ]);
      if (list.length) out[key] = [...(out[key] ?? []), ...list];
    }
  }
  return out;
}

/**
 * The valueTypes an entity's fields may have: the enum of the field schema's `valueType`, each
 * with the schema the spec gives its value (`x-lightfield-variants`), if any.
 */
export function valueTypesOf(
  model: SpecModel,
  r: ResourceModel,
): { name: string; schema?: Json }[] {
  const doc = model.document;
  const fields = objectSchema(doc, propertiesOf(doc, r.schema)['fields']);
  if (!fields) return [];
  const extra = fields['additionalProperties'];
  const fieldSchema = isObject(extra) ? extra : Object.values(propertiesOf(doc, fields))[0];
  const valueType = objectSchema(doc, propertiesOf(doc, fieldSchema)['valueType']);
  const names = Array.isArray(valueType?.['enum'])
    ? valueType['enum'].filter((v): v is string => typeof v === 'string')
    : [];
  const target = refName(isObject(fieldSchema) ? fieldSchema : undefined);
  const variants = readVariants(doc).find((v) => v.schema === target);
  return names.map((name) => {
    const schema = variants?.schemas[name];
    return { name, ...(schema ? { schema: inline(doc, schema) } : {}) };
  });
}

/** A schema with its top-level `$ref` followed, for a runtime that has no document at hand. */
function inline(doc: Json, schema: unknown): Json {
  const s = deref(doc, schema);
  return isObject(s) ? s : {};
}

function mediaInfo(media: MediaModel[], withSchema: boolean): Json[] {
  return media.map((m) => ({
    type: m.type,
    format: m.format,
    ...(withSchema && m.schema && m.format !== 'json' ? { schema: m.schema } : {}),
  }));
}

function operationInfo(op: OperationModel): Json {
  return {
    id: op.operationId,
    verb: op.method,
    kind: op.kind,
    ...(op.parent ? { parent: op.parent } : {}),
    method: op.httpMethod.toUpperCase(),
    path: op.path,
    ...(op.rateLimit ? { category: op.rateLimit } : {}),
    ...(op.scope ? { scope: op.scope } : {}),
    filter: op.filter,
    paginated: op.pagination !== undefined,
    ...(op.pagination
      ? {
          pagination: {
            limitParam: op.pagination.limitParam,
            offsetParam: op.pagination.offsetParam,
            itemsProperty: op.pagination.itemsProperty,
            ...(op.pagination.totalProperty ? { totalProperty: op.pagination.totalProperty } : {}),
            ...(op.pagination.pageSize ? { pageSize: op.pagination.pageSize } : {}),
            ...(op.pagination.maxPageSize ? { maxPageSize: op.pagination.maxPageSize } : {}),
          },
        }
      : {}),
    idempotent: op.idempotent,
    pathParams: op.pathParams.map((p) => p.name),
    query: op.queryParams.map((p) => ({
      name: p.name,
      required: p.required,
      schema: p.schema,
      ...(p.shape === 'primitive' ? {} : { shape: p.shape }),
      // Only what differs from the query default (form, exploded) is written.
      ...(p.shape !== 'primitive' && p.style !== 'form' ? { style: p.style } : {}),
      ...(p.shape !== 'primitive' && !p.explode ? { explode: false } : {}),
    })),
    headers: op.headerParams.map((p) => ({
      name: p.name,
      required: p.required,
      schema: p.schema,
    })),
    ...(op.requestBody?.media.length
      ? {
          body: {
            required: op.requestBody.required,
            ...(op.requestBody.schema ? { schema: op.requestBody.schema } : {}),
            media: mediaInfo(op.requestBody.media, true),
          },
        }
      : {}),
    success: op.success.status,
    ...(op.success.schema ? { responseSchema: op.success.schema } : {}),
    responseMedia: mediaInfo(op.success.media, false),
    errors: op.errorStatuses,
  };
}

function resourceInfo(model: SpecModel, r: ResourceModel): Json {
  const create = r.operations.find((o) => o.kind === 'create');
  const entity = r.kind === 'entity';
  const examples = entity ? fieldExamples(model, r) : {};
  const derived = entity ? derivedFields(model, r.schema) : {};
  const defined = entity ? exampleDefinitions(r) : {};
  const readOnly = entity ? readOnlyRelationships(model, r.schema) : [];
  return {
    name: r.name,
    kind: r.kind,
    ...(entity && create ? { create: createRequirements(model, create) } : {}),
    ...(entity ? { valueTypes: valueTypesOf(model, r) } : {}),
    ...(Object.keys(examples).length ? { fieldExamples: examples } : {}),
    ...(Object.keys(derived).length ? { derived } : {}),
    ...defined,
    ...(readOnly.length ? { readOnlyRelationships: readOnly } : {}),
    operations: r.operations.map(operationInfo),
  };
}

/**
 * What the example of an entity's definitions response gives: its field and relationship
 * definitions, without their ids (the runtime numbers its own), in the shape the runtime types
 * them. Entries that lack a `valueType`, or a `cardinality` and an `objectType`, are left out.
 */
function exampleDefinitions(r: ResourceModel): Json {
  const op = r.operations.find((o) => o.kind === 'definitions');
  const example = op ? jsonMedia(op.success.media)?.example?.value : undefined;
  if (!isObject(example)) return {};
  const fields = definitionsIn(example['fieldDefinitions'], fieldDefinition);
  const relationships = definitionsIn(example['relationshipDefinitions'], relationshipDefinition);
  return {
    ...(Object.keys(fields).length ? { fieldDefinitions: fields } : {}),
    ...(Object.keys(relationships).length ? { relationshipDefinitions: relationships } : {}),
  };
}

/** The entries of a definitions map that `read` accepts, as it gives them. */
function definitionsIn(map: unknown, read: (key: string, def: Json) => Json | undefined): Json {
  if (!isObject(map)) return {};
  return Object.fromEntries(
    Object.entries(map).flatMap(([key, def]) => {
      const value = isObject(def) ? read(key, def) : undefined;
      return value ? [[key, value]] : [];
    }),
  );
}

const text = (v: unknown, fallback: string | null) => (typeof v === 'string' ? v : fallback);

/** A field definition of the example, or undefined if it has no string `valueType`. */
function fieldDefinition(key: string, def: Json): Json | undefined {
  if (typeof def['valueType'] !== 'string') return undefined;
  return {
    label: text(def['label'], key),
    description: text(def['description'], null),
    valueType: def['valueType'],
    typeConfiguration: typeConfiguration(def['typeConfiguration']),
    ...(def['readOnly'] === true ? { readOnly: true } : {}),
  };
}

/** The keys of a `typeConfiguration` that the runtime knows, where they have the right type. */
function typeConfiguration(raw: unknown): Json {
  const config = isObject(raw) ? raw : {};
  const typed = (key: string, type: string) =>
    typeof config[key] === type ? { [key]: config[key] } : {};
  const options = arrayOf(config['options']).filter(
    (o): o is Json => isObject(o) && typeof o['id'] === 'string' && typeof o['label'] === 'string',
  );
  return {
    ...('options' in config
      ? {
          options: options.map((o) => ({
            id: o['id'],
            label: o['label'],
            description: text(o['description'], null),
          })),
        }
      : {}),
    ...typed('currency', 'string'),
    ...typed('unique', 'boolean'),
    ...typed('multipleValues', 'boolean'),
    ...typed('handleService', 'string'),
  };
}

/** A relationship definition of the example, or undefined without a cardinality and objectType. */
function relationshipDefinition(key: string, def: Json): Json | undefined {
  const cardinality = def['cardinality'];
  if (typeof def['objectType'] !== 'string') return undefined;
  if (cardinality !== 'HAS_ONE' && cardinality !== 'HAS_MANY') return undefined;
  return {
    label: text(def['label'], key),
    description: text(def['description'], null),
    cardinality,
    objectType: def['objectType'],
  };
}

/** The relationship keys an entity schema marks `readOnly: true` (JSON Schema's annotation). */
function readOnlyRelationships(model: SpecModel, entity: Json | undefined): string[] {
  const doc = model.document;
  const relationships = propertiesOf(doc, propertiesOf(doc, entity)['relationships']);
  return Object.entries(relationships)
    .filter(([, p]) => isObject(p) && (p['readOnly'] === true || isReadOnly(doc, p)))
    .map(([key]) => key);
}

/** Whether a schema's `$ref` target is `readOnly: true`. */
function isReadOnly(doc: Json, schema: Json): boolean {
  const target = deref(doc, schema);
  return isObject(target) && target['readOnly'] === true;
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
  const valueTypeList = [
    ...new Set(
      model.resources.flatMap((r) =>
        r.kind === 'entity' ? valueTypesOf(model, r).map((v) => v.name) : [],
      ),
    ),
  ];
  const operationIds = model.resources.flatMap((r) => r.operations.map((op) => op.operationId));
  const resources = model.resources.map((r) => resourceInfo(model, r));
  return [
    "import type { ResourceInfo } from '../core/mock/resource-info.js';",
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

/** A schema-valid example of one media type: JSON as a value, text and binary as text. */
function mediaExample(model: SpecModel, media: MediaModel): unknown {
  const value = media.schema ? sampleSchema(model.document, media.schema) : undefined;
  if (media.format === 'json') return value ?? {};
  if (typeof value === 'string' && value !== 'string') return value;
  // A string schema with no example: something that reads as the media type.
  if (/csv/i.test(media.type)) return 'id,name\nexample_1,Example\n';
  return media.format === 'text' ? 'example' : 'example bytes';
}

function examplesFile(model: SpecModel): string {
  const examples: Record<string, Record<string, unknown>> = {};
  for (const op of model.operations) {
    const byStatus: Record<string, unknown> = {};
    for (const response of op.responses) {
      const media = response.media.find((m) => m.format === 'json') ?? response.media[0];
      if (media && (media.schema || media.format !== 'json'))
        byStatus[response.status] = mediaExample(model, media);
    }
    examples[op.operationId] = byStatus;
  }
  return `${jsdoc(
    'A deterministic, schema-valid example body for every response of every operation, by operationId and status (text and binary bodies as text).',
  )}export const examples: Record<string, Record<string, unknown>> = ${JSON.stringify(examples, null, 2)};`;
}

/** What a factory builds: a resource's record, a page of them, its definitions, or an example. */
type FactoryPlan =
  | { helper: 'makeEntity' | 'makeRecord'; resource: string }
  | { helper: 'makePage'; resource: string; operation: string }
  | { helper: 'makeDefinitions'; resource: string }
  | { helper: 'makeExample'; operation: string; status: string };

/** One factory per named response schema, planned from the operation that returns it. */
function factoryPlans(model: SpecModel): Map<string, FactoryPlan> {
  const plans = new Map<string, FactoryPlan>();
  const add = (schema: Json | undefined, plan: FactoryPlan) => {
    const name = refName(schema);
    if (name && !plans.has(name)) plans.set(name, plan);
  };
  // Records first, so a schema both a resource's record and another's response is built as a record.
  for (const r of model.resources) {
    if (r.kind === 'entity') add(r.schema, { helper: 'makeEntity', resource: r.name });
    if (r.kind === 'record') add(r.schema, { helper: 'makeRecord', resource: r.name });
  }
  for (const r of model.resources) {
    for (const op of r.operations) {
      const stateful = r.kind !== 'actions';
      if (stateful && op.kind === 'list' && op.pagination)
        add(op.success.schema, {
          helper: 'makePage',
          resource: r.name,
          operation: op.operationId,
        });
      else if (r.kind === 'entity' && op.kind === 'definitions')
        add(op.success.schema, { helper: 'makeDefinitions', resource: r.name });
    }
  }
  for (const op of model.operations)
    for (const response of op.responses.filter((x) => /^2/.test(x.status)))
      add(jsonMedia(response.media)?.schema, {
        helper: 'makeExample',
        operation: op.operationId,
        status: response.status,
      });
  return plans;
}

function factoryBlock(type: string, plan: FactoryPlan): string {
  const q = JSON.stringify;
  switch (plan.helper) {
    case 'makeEntity':
      return `${jsdoc(
        `A realistic \`${type}\` with a field of every valueType, and a new id on each call.`,
        '`overrides` replace top-level properties; `fields` and `relationships` merge by key (a key set to `undefined` is removed).',
        '@param options.seed The same seed gives the same entity.',
      )}export function make${type}(overrides: $core.EntityOverrides<${type}> = {}, options: $core.FactoryOptions = {}): ${type} {
        return $core.makeEntity<${type}>(${q(plan.resource)}, overrides, options);
      }`;
    case 'makeRecord':
      return `${jsdoc(
        `A schema-valid \`${type}\` with a new id on each call; \`overrides\` replace top-level properties.`,
        '@param options.seed The same seed gives the same id.',
      )}export function make${type}(overrides: Partial<${type}> = {}, options: $core.FactoryOptions = {}): ${type} {
        return $core.makeRecord<${type}>(${q(plan.resource)}, overrides, options);
      }`;
    case 'makePage':
      return `${jsdoc(`A \`${type}\` page of \`n\` records, new ones on each call.`, '@param options.seed The same seed gives the same page.')}export function make${type}(n = 3, options: $core.FactoryOptions = {}): ${type} {
        return $core.makePage<${type}>(${q(plan.resource)}, ${q(plan.operation)}, n, options);
      }`;
    case 'makeDefinitions':
      return `${jsdoc(`The \`${type}\` the dataset and the mock use.`)}export function make${type}(): ${type} {
        return $core.makeDefinitions<${type}>(${q(plan.resource)});
      }`;
    case 'makeExample':
      return `${jsdoc(`The spec's example \`${type}\` (a fresh copy); \`overrides\` replace top-level properties.`)}export function make${type}(overrides: Partial<${type}> = {}): ${type} {
        return $core.makeExample<${type}>(${q(plan.operation)}, ${q(plan.status)}, overrides);
      }`;
  }
}

function factoriesFile(model: SpecModel): string {
  const plans = factoryPlans(model);
  const names = [...plans.keys()];
  // The helpers come in as a namespace: a resource or schema named `List` or `File` can't collide.
  return [
    names.length ? `import type { ${[...names].sort().join(', ')} } from '@lightfield/types';` : '',
    "import * as $core from '../core/data/factories.js';",
    '',
    names.map((name) => factoryBlock(name, plans.get(name)!)).join('\n\n'),
    names.length ? '' : 'export {};',
  ].join('\n');
}
