import { objectSchema } from './classify.js';
import { arrayOf, deref, isObject, type Json } from './json.js';
import { exampleOf, optional, str } from './model-media.js';
import type { ParamModel, ParamShape } from './model-types.js';
import { sampleSchema } from './sample-schema.js';

/**
 * The parameters of an operation: the path item's, overridden by the operation's own of the same
 * name and place, each resolved from its `$ref`.
 */
export function mergeParams(doc: Json, shared: unknown, own: unknown): ParamModel[] {
  const byKey = new Map<string, ParamModel>();
  for (const list of [shared, own]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = deref(doc, raw);
      if (!isObject(p) || typeof p['name'] !== 'string') continue;
      const where = p['in'];
      if (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie')
        continue;
      const schema = isObject(p['schema']) ? p['schema'] : {};
      const example = exampleOf(doc, p) ?? exampleOf(doc, deref(doc, schema));
      const style =
        str(p['style']) ?? (where === 'query' || where === 'cookie' ? 'form' : 'simple');
      // An operation's parameter overrides the path item's one of the same name and place.
      byKey.set(`${where}:${p['name']}`, {
        name: p['name'],
        in: where,
        // Path parameters are always required, whatever the spec says.
        required: p['required'] === true || where === 'path',
        ...optional('description', str(p['description'])),
        schema,
        style,
        explode: typeof p['explode'] === 'boolean' ? p['explode'] : style === 'form',
        ...shapeOf(doc, schema),
        ...primitiveOf(doc, schema),
        ...optional('example', example),
        ...(where === 'path' ? { pathValue: pathText(doc, example, schema) } : {}),
      });
    }
  }
  return [...byKey.values()];
}

/** A path parameter's value as the path carries it: its example, else one sampled from its schema. */
function pathText(doc: Json, example: { value: unknown } | undefined, schema: Json): string {
  const value = example ? example.value : sampleSchema(doc, schema);
  // A `simple`-style array is its items joined by commas, as `String` writes it.
  return isObject(value) ? JSON.stringify(value) : String(value);
}

const PRIMITIVES = ['integer', 'number', 'string', 'boolean'];

/** A primitive parameter's type, bounds and string enum, as the client checks and types them. */
function primitiveOf(doc: Json, schema: unknown): Partial<ParamModel> {
  const s = objectSchema(doc, schema);
  if (!s) return {};
  const out: Partial<ParamModel> = {};
  if (typeof s['type'] === 'string' && PRIMITIVES.includes(s['type']))
    out.type = s['type'] as ParamModel['type'];
  if (typeof s['minimum'] === 'number') out.minimum = s['minimum'];
  if (typeof s['maximum'] === 'number') out.maximum = s['maximum'];
  const values = s['enum'];
  if (Array.isArray(values) && values.length && values.every((v) => typeof v === 'string'))
    out.enum = values;
  return out;
}

/**
 * How a parameter's value is shaped: its type's, else that of its `anyOf`/`oneOf` branches (an
 * object or a `"null"` text, say): an array or object where one branch is, `mixed` where another
 * branch takes a primitive too.
 */
function shapeOf(doc: Json, schema: unknown, depth = 0): { shape: ParamShape; mixed?: true } {
  const s = objectSchema(doc, schema);
  const type = s?.['type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('array')) return { shape: 'array' };
  if (types.includes('object')) return { shape: 'object' };
  // `properties` applies to objects only: a schema typed otherwise (`type: string`) ignores them.
  const typed = types.some((t) => typeof t === 'string');
  if (!typed && s && isObject(s['properties'])) return { shape: 'object' };
  const branches = typed || !s || depth > 8 ? [] : [s['anyOf'], s['oneOf']].flatMap(arrayOf);
  const shapes = branches.map((b) => shapeOf(doc, b, depth + 1).shape);
  const shape = shapes.find((k) => k !== 'primitive') ?? 'primitive';
  return shape !== 'primitive' && shapes.includes('primitive') ? { shape, mixed: true } : { shape };
}

/** The one string value a schema allows (`const`, or a one-member `enum`), if so. */
export function singleValue(schema: Json): string | undefined {
  if (typeof schema['const'] === 'string') return schema['const'];
  const values = schema['enum'];
  return Array.isArray(values) && values.length === 1 && typeof values[0] === 'string'
    ? values[0]
    : undefined;
}

// RFC 9110's `token`: the characters a header name may have.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// OpenAPI ignores header parameters of these names: the client sets them itself.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/**
 * The parameters HTTP can carry: a header parameter whose name is not a legal header name (an
 * empty one, say), or one OpenAPI ignores (`Accept`, `Content-Type`, `Authorization`), is dropped,
 * with a note naming the operation (`id`).
 */
export function carriedParams(id: string, params: ParamModel[], notes: string[]): ParamModel[] {
  return params.filter((p) => {
    if (p.in !== 'header') return true;
    if (!HEADER_NAME.test(p.name)) {
      notes.push(
        `${id}: header parameter ${JSON.stringify(p.name)} is not a legal header name; dropped`,
      );
      return false;
    }
    if (IGNORED_HEADERS.has(p.name.toLowerCase())) {
      notes.push(
        `${id}: header parameter ${p.name} is one OpenAPI ignores (the client sets it); dropped`,
      );
      return false;
    }
    return true;
  });
}
