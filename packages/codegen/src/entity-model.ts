import { isEntitySchema, objectSchema, propertiesOf } from './classify.js';
import { readDerived, type DerivedField } from './derived.js';
import { arrayOf, deref, isObject, type Json } from './json.js';
import { jsonMedia } from './model-media.js';
import type { EntityModel, OperationModel, OperationShapes, ResourceModel } from './model-types.js';
import { refName } from './naming.js';
import type { Variants } from './variants.js';

// The entity model's facts, read once from the schemas: which schemas have the entity shape, and
// an entity resource's fields and relationships. The targets and the mock read them from here.

/** Which of an operation's schemas have the entity shape, and whether it answers definitions. */
export function operationShapes(
  doc: Json,
  op: Omit<OperationModel, 'types' | 'shapes'>,
): OperationShapes {
  const success = propertiesOf(doc, op.success.schema);
  const items = op.pagination ? objectSchema(doc, success[op.pagination.itemsProperty]) : undefined;
  return {
    entityBody: isEntitySchema(doc, op.requestBody?.schema),
    entityResponse: isEntitySchema(doc, op.success.schema),
    entityItems: isEntitySchema(doc, items?.['items']),
    definitions: 'fieldDefinitions' in success && 'relationshipDefinitions' in success,
  };
}

const required = (s: unknown): string[] =>
  isObject(s) && Array.isArray(s['required'])
    ? s['required'].filter((k): k is string => typeof k === 'string')
    : [];

/**
 * A field property's valueType: its `x-lightfield-value-type` (on it or its `$ref` target), or the
 * one value its own `valueType` property allows (`enum: [EMAIL]`, `const`); undefined if neither.
 */
function declaredValueType(doc: Json, property: unknown): string | undefined {
  for (const node of [property, deref(doc, property)])
    if (isObject(node) && typeof node['x-lightfield-value-type'] === 'string')
      return node['x-lightfield-value-type'];
  const own = objectSchema(doc, propertiesOf(doc, property)['valueType']);
  const only = own && ('const' in own ? [own['const']] : arrayOf(own['enum']));
  return only?.length === 1 && typeof only[0] === 'string' ? only[0] : undefined;
}

/** A field property's declared valueType, else `TEXT`. */
function valueTypeOf(doc: Json, property: unknown): string {
  return declaredValueType(doc, property) ?? 'TEXT';
}

/**
 * The ids the spec's examples show for one record (the example of the last path parameter of its
 * retrieve, update and delete): the documented ids, which the seeded data always has.
 */
export function exampleIds(ops: OperationModel[]): string[] {
  const own = ops.filter((o) => ['retrieve', 'update', 'delete'].includes(o.kind));
  const values = own.map((o) => o.pathParams.at(-1)?.example?.value);
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))];
}

/**
 * The fields a write gives a list of values (`type: array` in a create or update body) that are
 * not selects: each takes several values (a meeting's attendees' emails).
 */
function multipleFields(
  doc: Json,
  r: Omit<ResourceModel, 'className' | 'entity'>,
  fields: Record<string, string>,
): string[] {
  const keys = new Set<string>();
  for (const schema of entitySchemas(r).filter((s) => s !== r.schema))
    for (const [key, p] of Object.entries(propertiesOf(doc, parts(doc, schema).fields))) {
      const type = objectSchema(doc, p)?.['type'];
      const array = type === 'array' || (Array.isArray(type) && type.includes('array'));
      if (array && !fields[key]?.endsWith('SELECT')) keys.add(key);
    }
  return [...keys];
}

/** The object types its schemas give relationships (`x-lightfield-object-type: file`), by key. */
function relationshipTypes(
  doc: Json,
  r: Omit<ResourceModel, 'className' | 'entity'>,
): Record<string, string> {
  const types: Record<string, string> = {};
  for (const schema of entitySchemas(r))
    for (const [key, p] of Object.entries(propertiesOf(doc, parts(doc, schema).relationships)))
      for (const node of [p, deref(doc, p)])
        if (isObject(node) && typeof node['x-lightfield-object-type'] === 'string')
          types[key] ??= node['x-lightfield-object-type'];
  return types;
}

/** The fields any of its schemas marks `x-lightfield-past: true`: a write may not set a future time. */
function pastFields(doc: Json, r: Omit<ResourceModel, 'className' | 'entity'>): string[] {
  const keys = new Set<string>();
  for (const schema of entitySchemas(r))
    for (const [key, p] of Object.entries(propertiesOf(doc, parts(doc, schema).fields)))
      if ([p, deref(doc, p)].some((n) => isObject(n) && n['x-lightfield-past'] === true))
        keys.add(key);
  return [...keys];
}

/** Entity-model keys of a record: the rest of its required properties are its own. */
const MODEL_KEYS = [
  'id',
  'createdAt',
  'updatedAt',
  'httpLink',
  'externalId',
  'fields',
  'relationships',
];

/**
 * The required properties of an entity's read schema beyond the entity model (`objectType`,
 * `accessLevel`), each with the value its schema gives first: `const`, `default`, an example, the
 * first of its `enum`. A property with none of them is left out.
 */
function recordProperties(doc: Json, schema: unknown): Json {
  const props = propertiesOf(doc, schema);
  const out: Json = {};
  for (const key of required(objectSchema(doc, schema))) {
    const s = objectSchema(doc, props[key]);
    if (MODEL_KEYS.includes(key) || !s) continue;
    const values = [
      ...('const' in s ? [s['const']] : []),
      ...('default' in s ? [s['default']] : []),
      ...arrayOf(s['examples']),
      ...('example' in s ? [s['example']] : []),
      ...arrayOf(s['enum']),
    ];
    if (values.length) out[key] = values[0];
  }
  return out;
}

/** The `fields` and `relationships` object schemas of an entity-shaped schema. */
function parts(doc: Json, schema: unknown): { fields?: Json; relationships?: Json } {
  const props = propertiesOf(doc, schema);
  const fields = objectSchema(doc, props['fields']);
  const relationships = objectSchema(doc, props['relationships']);
  return { ...(fields ? { fields } : {}), ...(relationships ? { relationships } : {}) };
}

/** The schemas that describe an entity's records: its read schema and its write bodies. */
function entitySchemas(r: Omit<ResourceModel, 'className' | 'entity'>): unknown[] {
  const bodies = r.operations
    .filter((o) => o.kind === 'create' || o.kind === 'update')
    .map((o) => o.requestBody?.schema);
  return [r.schema, ...bodies].filter((s) => s !== undefined);
}

/** The facts of one entity resource (see {@link EntityModel}). */
export function entityOf(
  doc: Json,
  r: Omit<ResourceModel, 'className' | 'entity'>,
  variants: Variants[],
): EntityModel {
  const create = r.operations.find((o) => o.kind === 'create');
  const examples = exampleDefinitions(r.operations);
  // A field the schemas leave untyped takes the valueType of the definitions example, else TEXT.
  const exampleType = (key: string) => {
    const def = examples.fieldDefinitions[key];
    return isObject(def) && typeof def['valueType'] === 'string' ? def['valueType'] : undefined;
  };
  const declared: Record<string, string | undefined> = {};
  for (const schema of entitySchemas(r))
    for (const [key, p] of Object.entries(propertiesOf(doc, parts(doc, schema).fields)))
      declared[key] ??= declaredValueType(doc, p);
  const fields = Object.fromEntries(
    Object.entries(declared).map(([key, type]) => [key, type ?? exampleType(key) ?? 'TEXT']),
  );
  const read = parts(doc, r.schema);
  return {
    fields,
    ...(create ? { create: createRequirements(doc, create.requestBody?.schema) } : {}),
    valueTypes: valueTypesOf(doc, read.fields, variants),
    fieldExamples: fieldExamples(doc, [create?.requestBody?.schema, r.schema]),
    derived: derivedFields(read.fields),
    ...examples,
    readOnlyRelationships: readOnlyRelationships(doc, read.relationships),
    closedFields: read.fields?.['additionalProperties'] === false,
    relationshipTypes: relationshipTypes(doc, r),
    multipleFields: multipleFields(doc, r, fields),
    pastFields: pastFields(doc, r),
    recordProperties: recordProperties(doc, r.schema),
  };
}

/** Required create fields with their valueType, and required and optional relationships. */
function createRequirements(doc: Json, body: Json | undefined): EntityModel['create'] {
  const { fields, relationships } = parts(doc, body);
  const fieldProps = propertiesOf(doc, fields);
  const needed = required(relationships);
  return {
    fields: Object.fromEntries(required(fields).map((k) => [k, valueTypeOf(doc, fieldProps[k])])),
    relationships: needed,
    optionalRelationships: Object.keys(propertiesOf(doc, relationships)).filter(
      (k) => !needed.includes(k),
    ),
  };
}

/** The examples the spec gives for an entity's fields (create body and response), by field key. */
function fieldExamples(doc: Json, schemas: unknown[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const schema of schemas) {
    for (const [key, raw] of Object.entries(propertiesOf(doc, parts(doc, schema).fields))) {
      const p = isObject(raw) ? raw : {};
      const target = deref(doc, raw);
      const list = [p, isObject(target) ? target : {}].flatMap((s) => [
        ...arrayOf(s['examples']),
        ...('example' in s ? [s['example']] : []),
      ]);
      // The same example in the create body and the read schema counts once.
      const seen = new Set((out[key] ?? []).map((v) => JSON.stringify(v)));
      const fresh = list.filter((v) => !seen.has(JSON.stringify(v)) && seen.add(JSON.stringify(v)));
      if (fresh.length) out[key] = [...(out[key] ?? []), ...fresh];
    }
  }
  return out;
}

/**
 * The valueTypes an entity's fields may have: the enum of the field schema's `valueType`, each
 * with the schema the spec gives its value (`x-lightfield-variants`), if any.
 */
function valueTypesOf(
  doc: Json,
  fields: Json | undefined,
  variants: Variants[],
): EntityModel['valueTypes'] {
  if (!fields) return [];
  const extra = fields['additionalProperties'];
  const fieldSchema = isObject(extra) ? extra : Object.values(propertiesOf(doc, fields))[0];
  const valueType = objectSchema(doc, propertiesOf(doc, fieldSchema)['valueType']);
  const names = arrayOf(valueType?.['enum']).filter((v): v is string => typeof v === 'string');
  const target = refName(isObject(fieldSchema) ? fieldSchema : undefined);
  const own = variants.find((v) => v.schema === target);
  return names.map((name) => {
    const schema = deref(doc, own?.schemas[name]);
    return { name, ...(isObject(schema) ? { schema } : {}) };
  });
}

/** The `x-lightfield-derived` fields of an entity's `fields` schema, by field key. */
function derivedFields(fields: Json | undefined): Record<string, DerivedField> {
  const props = isObject(fields?.['properties']) ? fields['properties'] : {};
  return Object.fromEntries(
    Object.entries(props).flatMap(([key, p]) => {
      const rule = readDerived(p);
      return rule ? [[key, rule]] : [];
    }),
  );
}

/** The relationship keys an entity schema marks `readOnly: true` (JSON Schema's annotation). */
function readOnlyRelationships(doc: Json, relationships: Json | undefined): string[] {
  return Object.entries(propertiesOf(doc, relationships))
    .filter(([, p]) => [p, deref(doc, p)].some((n) => isObject(n) && n['readOnly'] === true))
    .map(([key]) => key);
}

/**
 * What the example of an entity's definitions response gives: its field and relationship
 * definitions, without their ids (the runtime numbers its own), in the shape the runtime types
 * them. Entries that lack a `valueType`, or a `cardinality` and an `objectType`, are left out.
 */
function exampleDefinitions(
  ops: OperationModel[],
): Pick<EntityModel, 'fieldDefinitions' | 'relationshipDefinitions'> {
  const op = ops.find((o) => o.kind === 'definitions');
  const example = op ? jsonMedia(op.success.media)?.example?.value : undefined;
  const from = isObject(example) ? example : {};
  return {
    fieldDefinitions: definitionsIn(from['fieldDefinitions'], fieldDefinition),
    relationshipDefinitions: definitionsIn(from['relationshipDefinitions'], relationshipDefinition),
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
