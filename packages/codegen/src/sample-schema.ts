import { deref, isObject } from './rules.js';
import { arrayOf, type Json } from './json.js';

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2026-03-01T12:00:00.000Z',
  date: '2026-03-01',
  uri: 'https://app.lightfield.app/example',
  url: 'https://app.lightfield.app/example',
  email: 'ada@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
};

const FORMAT_CHECKS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

/** The JSON Schema type names a value has (an integer is a number too). */
function typesOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number')
    return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

/**
 * Whether a value has a type the schema declares (any, when it declares none) and its format,
 * down through array items and object properties.
 */
function fits(doc: Json, schema: unknown, value: unknown, depth = 0): boolean {
  const s = deref(doc, schema);
  if (!isObject(s) || depth > 12) return true;
  const declared = ([] as unknown[]).concat(s['type'] ?? []);
  const nullable = s['nullable'] === true && value === null;
  if (declared.length > 0 && !nullable && !typesOf(value).some((t) => declared.includes(t)))
    return false;
  const check = typeof s['format'] === 'string' ? FORMAT_CHECKS[s['format']] : undefined;
  if (check && typeof value === 'string' && !check.test(value)) return false;
  if (Array.isArray(value)) return value.every((v) => fits(doc, s['items'], v, depth + 1));
  if (!isObject(value) || !isObject(s['properties'])) return true;
  const props = s['properties'];
  return Object.entries(value).every(
    ([k, v]) => !Object.hasOwn(props, k) || fits(doc, props[k], v, depth + 1),
  );
}

/**
 * A deterministic value that satisfies `schema`: the schema's own `example` or `examples` where
 * given, else the simplest valid value (first enum member, minimum, required properties, one map
 * entry). Recursion stops at `depth` so self-referencing schemas terminate.
 */
export function sampleSchema(doc: Json, schema: unknown, depth = 0): unknown {
  const s = deref(doc, schema);
  if (!isObject(s) || depth > 12) return null;
  // A spec's own example is taken only where it has the schema's type: real specs carry
  // examples that contradict their schema (an array for an object, `null` for a string).
  if ('example' in s && fits(doc, s, s['example'])) return s['example'];
  const given = Array.isArray(s['examples'])
    ? arrayOf(s['examples']).find((e) => fits(doc, s, e))
    : undefined;
  if (given !== undefined) return given;
  if ('const' in s) return s['const'];
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return s['enum'][0];
  if ('default' in s) return s['default'];
  for (const key of ['allOf'] as const) {
    const list = s[key];
    if (Array.isArray(list)) {
      return Object.assign({}, ...list.map((part) => sampleSchema(doc, part, depth + 1) as object));
    }
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = arrayOf(s[key]);
    if (list.length > 0) {
      // The first branch that is not `null` reads best as an example.
      const pick =
        list.find((b) => (deref(doc, b) as Json | undefined)?.['type'] !== 'null') ?? list[0];
      return sampleSchema(doc, pick, depth + 1);
    }
  }
  const types = Array.isArray(s['type']) ? arrayOf(s['type']) : [s['type']];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'string': {
      const format = typeof s['format'] === 'string' ? FORMAT_SAMPLES[s['format']] : undefined;
      if (format) return format;
      if (typeof s['pattern'] === 'string' && /^\^\[A-Z\]\{(\d)\}\$$/.test(s['pattern'])) {
        return 'US'.padEnd(Number(/\{(\d)\}/.exec(s['pattern'])?.[1] ?? 2), 'D');
      }
      const min = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
      return 'string'.padEnd(min, 'x');
    }
    case 'integer':
    case 'number':
      return typeof s['minimum'] === 'number' ? s['minimum'] : 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const min = typeof s['minItems'] === 'number' ? s['minItems'] : 1;
      return Array.from({ length: Math.max(min, 1) }, () =>
        sampleSchema(doc, s['items'], depth + 1),
      );
    }
    default: {
      const out: Json = {};
      const props = isObject(s['properties']) ? s['properties'] : {};
      for (const [key, value] of Object.entries(props))
        out[key] = sampleSchema(doc, value, depth + 1);
      if (isObject(s['additionalProperties']) && Object.keys(props).length === 0) {
        out['example'] = sampleSchema(doc, s['additionalProperties'], depth + 1);
      }
      return out;
    }
  }
}
