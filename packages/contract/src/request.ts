import { sampleSchema, type SpecModel } from '@lightfield/codegen';
import type { SpecOperation } from './operations.js';
import type { SpecValidator } from '@lightfield/codegen/validator';
import {
  arrayOf,
  deref,
  isObject,
  nodeAt,
  parseRef,
  resolvePointer,
  type Json,
} from '@lightfield/codegen/json';

/**
 * The canonical key path of the node at `keys`: every `$ref` met on the way is followed, so the
 * path can be handed to the validator even where the spec references a shared component.
 */
export function locate(doc: Json, keys: string[]): string[] {
  let path: string[] = [];
  let node: unknown = doc;
  const follow = () => {
    const seen = new Set<string>();
    while (isObject(node) && typeof node['$ref'] === 'string' && !seen.has(node['$ref'])) {
      seen.add(node['$ref']);
      const ref = node['$ref'];
      path = parseRef(ref) ?? [];
      node = resolvePointer(doc, ref);
    }
  };
  for (const key of keys) {
    follow();
    path = [...path, key];
    node = isObject(node) || Array.isArray(node) ? (node as Json)[key] : undefined;
  }
  follow();
  return path;
}

/**
 * A value for a parameter: its example, its schema's example, else a sampled one. An example that
 * breaks the parameter's own schema (`"6530"` for an integer) is sampled anew: the client would
 * refuse it before sending anything, as it should.
 */
export function paramValue(doc: Json, param: Json, validator: SpecValidator): unknown {
  const sampled = () => flattened(sampleSchema(doc, param['schema']), param['schema'], validator);
  const examples = param['examples'];
  const first = isObject(examples) ? deref(doc, Object.values(examples)[0]) : undefined;
  const example =
    'example' in param
      ? { value: param['example'] }
      : isObject(first) && 'value' in first
        ? { value: first['value'] }
        : undefined;
  if (!example) return sampled();
  return validator.fits(param['schema'], example.value) ? example.value : sampled();
}

/**
 * A path parameter's value as text: the id the model shows (`modelValue`), else its example or
 * a sample. A path segment can't be empty, and the client refuses one before sending anything:
 * where the spec shows only a blank (`default: ""`), the schema's bare sample is sent instead.
 */
export function pathSegment(
  doc: Json,
  param: Json,
  validator: SpecValidator,
  modelValue?: string,
): string {
  const value = modelValue ?? String(paramValue(doc, param, validator));
  if (value.trim() !== '') return value;
  const bare = { ...(deref(doc, param['schema']) as Json) };
  for (const key of ['default', 'example', 'examples']) delete bare[key];
  const members = arrayOf(bare['enum']).filter((m) => String(m).trim() !== '');
  if (members.length) bare['enum'] = members;
  else delete bare['enum'];
  const sampled = String(sampleSchema(doc, bare));
  return sampled.trim() === '' ? 'id' : sampled;
}

/**
 * A sampled array or object parameter with its nested objects as strings, where the schema allows
 * them (items `{}`): a query string or header carries primitive members only.
 */
function flattened(value: unknown, schema: unknown, validator: SpecValidator): unknown {
  const flat = (v: unknown) => (v !== null && typeof v === 'object' ? 'string' : v);
  const out = Array.isArray(value)
    ? value.map(flat)
    : isObject(value)
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flat(v)]))
      : value;
  return out !== value && validator.fits(schema, out) ? out : value;
}

function hasExample(doc: Json, param: Json): boolean {
  const schema = deref(doc, param['schema']);
  return (
    'example' in param ||
    isObject(param['examples']) ||
    (isObject(schema) && ('example' in schema || Array.isArray(schema['examples'])))
  );
}

/** The parameters of `where` that the round-trip sends: required ones, and those with an example. */
export function sentParams(doc: Json, op: SpecOperation, where: string): Json[] {
  return op.params.filter(
    (p) => p['in'] === where && (p['required'] === true || hasExample(doc, p)),
  );
}

/**
 * The header parameters the round-trip sends, as text: those of {@link sentParams} the client's
 * method takes. Not the model's constant headers nor the idempotency key (the client sets them),
 * nor one the model drops (`Content-Type`, `Accept`, `Authorization`: OpenAPI ignores them).
 */
export function sentHeaders(
  model: SpecModel,
  op: SpecOperation,
  validator: SpecValidator,
): Record<string, string> {
  const doc = model.document;
  const taken = new Set(op.model?.headerParams.map((p) => p.name.toLowerCase()));
  const headers: Record<string, string> = {};
  for (const p of sentParams(doc, op, 'header')) {
    const name = String(p['name']);
    if (!taken.has(name.toLowerCase()) || name in model.constantHeaders) continue;
    if (/^idempotency-key$/i.test(name)) continue;
    const value = paramValue(doc, p, validator);
    headers[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return headers;
}

/** The request body's media type the round-trip sends: JSON when offered, else the first. */
export function bodyMediaType(doc: Json, op: SpecOperation): string | undefined {
  const body = deref(doc, op.raw['requestBody']);
  if (!isObject(body) || !isObject(body['content'])) return undefined;
  const types = Object.keys(body['content']);
  return types.find((t) => isJson(t)) ?? types[0];
}

/** `application/json` and the `+json` family. */
export function isJson(mediaType: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json\b/i.test(mediaType);
}

/** Where the request body's schema sits, for the validator. */
export function bodySchemaKeys(doc: Json, op: SpecOperation, mediaType: string): string[] {
  return locate(doc, [
    'paths',
    op.path,
    op.httpMethod,
    'requestBody',
    'content',
    mediaType,
    'schema',
  ]);
}

/**
 * A request body for `mediaType`: the media type's example, else its first `examples` entry,
 * else one sampled from its schema. Real specs show examples that break their own schema (a
 * date-time for a date): one that does is passed over.
 */
export function sampleBody(
  doc: Json,
  op: SpecOperation,
  mediaType: string,
  validator: SpecValidator,
): unknown {
  const body = deref(doc, op.raw['requestBody']) as Json;
  const media = deref(doc, (body['content'] as Json)[mediaType]);
  if (!isObject(media)) return undefined;
  const first = isObject(media['examples'])
    ? deref(doc, Object.values(media['examples'])[0])
    : undefined;
  const shown = [
    ...('example' in media ? [media['example']] : []),
    ...(isObject(first) && 'value' in first ? [first['value']] : []),
  ];
  const fits = shown.filter((v) => !checkBody(validator, doc, op, mediaType, v));
  return fits.length ? fits[0] : sampleSchema(doc, media['schema']);
}

/** Checks a plain (JSON-shaped) body against its schema; multipart parts are checked before they become Blobs. */
export function checkBody(
  validator: SpecValidator,
  doc: Json,
  op: SpecOperation,
  mediaType: string,
  value: unknown,
): string | undefined {
  const keys = bodySchemaKeys(doc, op, mediaType);
  return nodeAt(doc, keys) === undefined ? undefined : validator.check(keys, value);
}

/**
 * The body as the client takes it for `mediaType`: JSON as is; a multipart or form body's binary
 * parts as `Blob`s, a form typed as a string as that string; an octet stream as bytes; text as a
 * string.
 */
export function wireBody(doc: Json, op: SpecOperation, mediaType: string, value: unknown): unknown {
  // Any media type (`*/*`) the client sends as JSON, as the codegen reads it.
  if (isJson(mediaType) || mediaType === '*/*') return value;
  if (/^text\//i.test(mediaType)) return asText(value);
  // A form body the spec types as a string is the encoded form itself.
  if (/^application\/x-www-form-urlencoded/i.test(mediaType) && typeof value === 'string')
    return value;
  if (/^multipart\/|^application\/x-www-form-urlencoded/i.test(mediaType) && isObject(value)) {
    const body = deref(doc, op.raw['requestBody']) as Json;
    const media = deref(doc, (body['content'] as Json)[mediaType]) as Json;
    const schema = deref(doc, media['schema']);
    const props = isObject(schema) && isObject(schema['properties']) ? schema['properties'] : {};
    const out: Json = {};
    for (const [key, part] of Object.entries(value)) {
      const partSchema = deref(doc, props[key]);
      const binary =
        isObject(partSchema) &&
        (partSchema['format'] === 'binary' || 'contentMediaType' in partSchema);
      out[key] = binary ? new Blob(['round-trip contract'], { type: 'text/plain' }) : part;
    }
    return out;
  }
  return new TextEncoder().encode(typeof value === 'string' ? value : 'round-trip contract');
}

/**
 * The sampled body with the values a server's own item holds at the same keys: an id, a select
 * option or a related id the server knows, where the schema alone can only guess. Where the item
 * wraps a value (`{ value, valueType }`, `{ values: [...] }`), the wrapped value is taken. With
 * `drop`, keys the item doesn't have are left out (a sampled `additionalProperties` entry, say).
 */
export function adaptBody(sample: unknown, observed: unknown, drop = false): unknown {
  if (isObject(sample)) {
    if (!isObject(observed)) return sample;
    return Object.fromEntries(
      Object.entries(sample).flatMap(([k, v]) =>
        k in observed ? [[k, adaptBody(v, observed[k], drop)]] : drop ? [] : [[k, v]],
      ),
    );
  }
  if (isObject(observed)) {
    for (const key of ['value', 'values', 'id'])
      if (key in observed && !isObject(observed[key]))
        return adaptBody(sample, observed[key], drop);
    return sample;
  }
  if (Array.isArray(sample))
    return Array.isArray(observed) && observed.every((x) => !isObject(x)) ? observed : sample;
  if (Array.isArray(observed)) return observed.length > 0 ? observed : sample;
  return observed === null || typeof observed === typeof sample ? (observed ?? sample) : sample;
}

/** A sample as a text body: a string as is, nothing as empty, anything else as its JSON. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}
