import { deref, isObject, type Json } from './json.js';

/**
 * A schema that the spec declares discriminated with `x-lightfield-variants`: the schema of its
 * `property` for each value of its `discriminator` (a string enum). The spec's `Field` uses it to
 * say what `value` holds for each `valueType`.
 */
export interface Variants {
  /** The component schema's name, e.g. `Field`. */
  schema: string;
  /** The property whose value picks the variant, e.g. `valueType`. */
  discriminator: string;
  /** The property each variant narrows, e.g. `value`. */
  property: string;
  /** Every value of the discriminator's enum, in the spec's order. */
  values: string[];
  /** The narrowed schema of `property` by discriminator value; values missing keep the schema. */
  schemas: Record<string, Json>;
}

/** The extension that declares a discriminated schema. */
export const VARIANTS = 'x-lightfield-variants';
/** The extension that narrows a reference to a discriminated schema to one of its variants. */
export const VALUE_TYPE = 'x-lightfield-value-type';

function schemasOf(doc: Json): Record<string, Json> {
  const components = isObject(doc['components']) ? doc['components'] : {};
  return (isObject(components['schemas']) ? components['schemas'] : {}) as Record<string, Json>;
}

/** Every well-formed `x-lightfield-variants` declaration of the spec, by schema name order. */
export function readVariants(doc: Json): Variants[] {
  const out: Variants[] = [];
  for (const [schema, node] of Object.entries(schemasOf(doc))) {
    const ext = isObject(node) ? node[VARIANTS] : undefined;
    if (!isObject(ext)) continue;
    const { discriminator, property } = ext;
    const props = isObject(node['properties']) ? node['properties'] : {};
    if (typeof discriminator !== 'string' || typeof property !== 'string') continue;
    const disc = deref(doc, props[discriminator]);
    const values = isObject(disc) && Array.isArray(disc['enum']) ? disc['enum'] : [];
    out.push({
      schema,
      discriminator,
      property,
      values: values.filter((v): v is string => typeof v === 'string'),
      schemas: (isObject(ext['schemas']) ? ext['schemas'] : {}) as Record<string, Json>,
    });
  }
  return out;
}

/** The problems of each `x-lightfield-variants`, as JSON pointers and messages. */
export function checkVariants(doc: Json): { pointer: string; message: string }[] {
  const problems: { pointer: string; message: string }[] = [];
  for (const [schema, node] of Object.entries(schemasOf(doc))) {
    const ext = isObject(node) ? node[VARIANTS] : undefined;
    if (ext === undefined) continue;
    const at = `/components/schemas/${schema}/${VARIANTS}`;
    const props = isObject(node['properties']) ? node['properties'] : {};
    if (!isObject(ext)) {
      problems.push({ pointer: at, message: `${VARIANTS} must be an object` });
      continue;
    }
    for (const key of ['discriminator', 'property'] as const) {
      const name = ext[key];
      if (typeof name !== 'string' || !(name in props))
        problems.push({
          pointer: `${at}/${key}`,
          message: `${key} must name a property of ${schema} (${Object.keys(props).join(', ')})`,
        });
    }
    const values = readVariants(doc).find((v) => v.schema === schema)?.values ?? [];
    if (typeof ext['discriminator'] === 'string' && ext['discriminator'] in props && !values.length)
      problems.push({
        pointer: `${at}/discriminator`,
        message: `the discriminator ${ext['discriminator']} must be a string enum`,
      });
    const schemas = isObject(ext['schemas']) ? ext['schemas'] : {};
    for (const key of Object.keys(schemas))
      if (values.length > 0 && !values.includes(key))
        problems.push({
          pointer: `${at}/schemas/${key}`,
          message: `${key} is not a value of ${String(ext['discriminator'])} (${values.join(', ')})`,
        });
  }
  return problems;
}

/** The schema of one variant: the discriminator fixed to `value`, the property narrowed. */
function variantSchema(base: Json, v: Variants, value: string): Json {
  const props = isObject(base['properties']) ? base['properties'] : {};
  const narrowed = v.schemas[value];
  return {
    type: 'object',
    ...(Array.isArray(base['required']) ? { required: base['required'] } : {}),
    properties: {
      ...props,
      [v.discriminator]: { type: 'string', const: value },
      [v.property]: narrowed ? { anyOf: [narrowed, { type: 'null' }] } : props[v.property],
    },
    ...('additionalProperties' in base
      ? { additionalProperties: base['additionalProperties'] }
      : {}),
  };
}

/**
 * A copy of the document in which each discriminated schema is the union of its variants, and each
 * reference to one that carries `x-lightfield-value-type` is that one variant. It is what the types
 * are generated from; the wire schemas (validation, fixtures) keep the original. A spec without
 * `x-lightfield-variants` comes back unchanged.
 */
export function discriminatedDocument(doc: Json): Json {
  const all = readVariants(doc);
  if (all.length === 0) return doc;
  const out = structuredClone(doc);
  const schemas = schemasOf(out);
  const byRef = new Map(all.map((v) => [`#/components/schemas/${v.schema}`, v]));
  const bases = new Map(all.map((v) => [v.schema, structuredClone(schemas[v.schema]!)]));
  const narrow = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(narrow);
    if (!isObject(node)) return node;
    const v = typeof node['$ref'] === 'string' ? byRef.get(node['$ref']) : undefined;
    const value = node[VALUE_TYPE];
    if (v && typeof value === 'string' && v.values.includes(value)) {
      const description = node['description'];
      return {
        ...(typeof description === 'string' ? { description } : {}),
        ...variantSchema(bases.get(v.schema)!, v, value),
      };
    }
    return Object.fromEntries(Object.entries(node).map(([k, n]) => [k, narrow(n)]));
  };
  for (const v of all) {
    const base = bases.get(v.schema)!;
    const { [VARIANTS]: _, ...rest } = base;
    schemas[v.schema] = {
      ...(typeof rest['description'] === 'string' ? { description: rest['description'] } : {}),
      oneOf: v.values.map((value) => variantSchema(rest, v, value)),
    };
  }
  return narrow(out) as Json;
}
