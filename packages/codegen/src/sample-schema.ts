import RandExpModule from 'randexp';
import { arrayOf, deref, isObject, type Json } from './json.js';
import { patternRegExp, SpecValidator } from './spec-validator.js';

// randexp is CommonJS: its default export arrives wrapped under Node's ESM loader.
const RandExp = ((RandExpModule as unknown as { default?: unknown }).default ??
  RandExpModule) as typeof RandExpModule.default;

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2026-03-01T12:00:00.000Z',
  date: '2026-03-01',
  time: '12:00:00Z',
  duration: 'P1D',
  uri: 'https://app.lightfield.app/example',
  url: 'https://app.lightfield.app/example',
  'uri-reference': 'https://app.lightfield.app/example',
  email: 'ada@example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  hostname: 'app.lightfield.app',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'ZXhhbXBsZQ==',
};

/** Past this depth an object takes only its required properties and an array no items it can spare. */
const LEAN_DEPTH = 8;
/** A required cycle can't be sampled: past this depth, `null`. */
const MAX_DEPTH = 40;

/** What one sampling shares: the document, its validator, and the `$ref`s being sampled. */
interface Sampling {
  doc: Json;
  validator: SpecValidator;
  refs: string[];
}

// One validator per document: sampling a large spec compiles each schema it checks once.
const validators = new WeakMap<Json, SpecValidator>();

function validatorOf(doc: Json): SpecValidator {
  let validator = validators.get(doc);
  if (!validator) validators.set(doc, (validator = new SpecValidator(doc)));
  return validator;
}

/** A seeded generator of numbers in [a, b], so the same pattern always gives the same string. */
function seededInt(seed: string): (a: number, b: number) => number {
  let state = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);
  return (a, b) => {
    state = Math.imul(state ^ (state >>> 15), 2246822507) ^ Math.imul(state, 3266489909);
    return a + ((state >>> 0) % (b - a + 1));
  };
}

/** A string that matches `pattern` (and the length bounds, where it can), or undefined. */
function fromPattern(pattern: string, min: number, max: number): string | undefined {
  const rx = patternRegExp(pattern);
  if (!rx) return undefined;
  const gen = new RandExp(rx);
  gen.randInt = seededInt(pattern);
  let first: string | undefined;
  for (const repeat of [3, 8, 32, min + 1]) {
    gen.max = repeat;
    for (let tries = 0; tries < 4; tries++) {
      const text = gen.gen();
      if (!rx.test(text)) continue;
      first ??= text;
      if (text.length >= min && text.length <= max) return text;
    }
  }
  return first;
}

function stringSample(s: Json): string {
  const min = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
  const max = typeof s['maxLength'] === 'number' ? s['maxLength'] : Infinity;
  const format = typeof s['format'] === 'string' ? FORMAT_SAMPLES[s['format']] : undefined;
  if (format) return format;
  const matched =
    typeof s['pattern'] === 'string' ? fromPattern(s['pattern'], min, max) : undefined;
  if (matched !== undefined) return matched;
  return 'string'.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, 6)));
}

/** The smallest number the bounds allow (0 where they allow it), a multiple where asked. */
function numberSample(s: Json, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  const bound = (value: unknown, exclusive: unknown, sign: number): number | undefined => {
    // 3.1 writes an exclusive bound as a number; 3.0 as `true` beside the inclusive one.
    if (typeof exclusive === 'number') return exclusive + sign * step;
    if (typeof value !== 'number') return undefined;
    return exclusive === true ? value + sign * step : value;
  };
  const lo = bound(s['minimum'], s['exclusiveMinimum'], 1);
  const hi = bound(s['maximum'], s['exclusiveMaximum'], -1);
  let n = lo ?? (hi !== undefined && hi < 0 ? hi : 0);
  if (integer) n = Math.ceil(n);
  const multiple = s['multipleOf'];
  if (typeof multiple === 'number' && multiple > 0) n = Math.ceil(n / multiple) * multiple;
  return n;
}

const EXAMPLE_KEYS = new Set(['example', 'examples', 'default']);

/** A schema's parts under `allOf`, flattened, each `$ref` followed. */
function allOfParts(doc: Json, s: Json, depth = 0): Json[] {
  const own: Json = { ...s };
  delete own['allOf'];
  const parts = arrayOf(s['allOf']).flatMap((part) => {
    const p = deref(doc, part);
    return isObject(p) && depth < 16 ? allOfParts(doc, p, depth + 1) : [];
  });
  return [own, ...parts];
}

/**
 * The schemas of `allOf` as one: properties joined (a property two parts declare must fit both),
 * `required` joined, any other keyword from the first part that has it.
 */
function mergeAllOf(doc: Json, s: Json): Json {
  const merged: Json = {};
  const properties: Json = {};
  const required = new Set<string>();
  for (const part of allOfParts(doc, s)) {
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties' && isObject(value)) {
        for (const [name, prop] of Object.entries(value))
          properties[name] = name in properties ? { allOf: [properties[name], prop] } : prop;
      } else if (key === 'required') arrayOf(value).forEach((r) => required.add(String(r)));
      // The parts' examples were the parts' own: the whole is built from its keywords.
      else if (!(key in merged) && !EXAMPLE_KEYS.has(key)) merged[key] = value;
    }
  }
  if (Object.keys(properties).length) merged['properties'] = properties;
  if (required.size) merged['required'] = [...required];
  if (!('type' in merged) && ('properties' in merged || required.size)) merged['type'] = 'object';
  return merged;
}

/** The value of a discriminator property that selects `branch`: its mapping key, else its name. */
function discriminated(s: Json, branch: unknown): [string, string] | undefined {
  const d = s['discriminator'];
  if (!isObject(d) || typeof d['propertyName'] !== 'string') return undefined;
  const ref = isObject(branch) && typeof branch['$ref'] === 'string' ? branch['$ref'] : undefined;
  if (!ref) return undefined;
  const mapping = isObject(d['mapping']) ? d['mapping'] : {};
  const key = Object.entries(mapping).find(([, target]) => target === ref)?.[0];
  return [d['propertyName'], key ?? ref.slice(ref.lastIndexOf('/') + 1)];
}

/**
 * A branch of `oneOf`/`anyOf` that the whole schema accepts: each branch (not `null` first) is
 * sampled with the schema's other keywords and its discriminator value, and the first sample
 * that fits exactly as the schema says wins; then each lean (required properties only: a full
 * sample may hold what selects two `oneOf` branches, `url` and `html`); else the first sample.
 */
function sampleBranches(ctx: Sampling, s: Json, key: 'oneOf' | 'anyOf', depth: number): unknown {
  const list = arrayOf(s[key]);
  const rest: Json = { ...s };
  delete rest[key];
  delete rest['discriminator'];
  const isNull = (b: unknown) => (deref(ctx.doc, b) as Json | undefined)?.['type'] === 'null';
  const branches = [...list.filter((b) => !isNull(b)), ...list.filter(isNull)];
  const tried: unknown[] = [];
  for (const at of new Set([depth, Math.max(depth, LEAN_DEPTH)]))
    for (const branch of branches) {
      const candidate = sample(ctx, { allOf: [rest, branch] }, at);
      const tag = discriminated(s, branch);
      // The branch's name as the discriminator's value, unless the branch says otherwise (an enum).
      const tagged = tag && isObject(candidate) ? { ...candidate, [tag[0]]: tag[1] } : candidate;
      tried.push(tagged);
      for (const value of [tagged, candidate]) if (ctx.validator.fits(s, value)) return value;
    }
  for (const candidate of tried) {
    const apart = setApart(ctx, s, candidate, branches);
    if (apart !== undefined) return apart;
  }
  return tried[0];
}

/** A value `schema` refuses (a number for text, text for a number), or undefined if it takes all. */
function misfit(ctx: Sampling, schema: unknown): unknown {
  return [0, 'string', false, []].find((v) => !ctx.validator.fits(schema, v));
}

/**
 * `candidate` told apart from the other `oneOf` branches it matches too (objects that differ only
 * in optional properties, `{ data }` and `{ warning }`): a property another branch declares and
 * it lacks, set to a value that branch's property refuses, where the whole schema then fits.
 */
function setApart(ctx: Sampling, s: Json, candidate: unknown, branches: unknown[]): unknown {
  if (!isObject(candidate)) return undefined;
  for (const branch of branches) {
    const b = deref(ctx.doc, branch);
    const props = isObject(b) && isObject(b['properties']) ? b['properties'] : {};
    for (const [key, prop] of Object.entries(props)) {
      const bad = key in candidate || !isObject(prop) ? undefined : misfit(ctx, prop);
      const value = bad === undefined ? undefined : { ...candidate, [key]: bad };
      if (value && ctx.validator.fits(s, value)) return value;
    }
  }
  return undefined;
}

/** The example a schema gives that fits it: its `example`, else the first of its `examples`. */
function givenExample(ctx: Sampling, s: Json): { value: unknown } | undefined {
  const candidates = [
    ...('example' in s ? [s['example']] : []),
    ...arrayOf(s['examples']),
    ...('default' in s ? [s['default']] : []),
  ];
  // Real specs carry examples that contradict their schema (an array for an object, `null` for a
  // string, a date-time for a date): only one that fits is taken.
  for (const value of candidates) if (ctx.validator.fits(s, value)) return { value };
  return undefined;
}

/** Whether a schema has keywords whose sample may not fit it: an enum, or branches beside a type. */
function mayMisfit(doc: Json, schema: unknown): boolean {
  const s = deref(doc, schema);
  return isObject(s) && ['enum', 'oneOf', 'anyOf'].some((k) => k in s);
}

function sampleObject(ctx: Sampling, s: Json, depth: number, lean: boolean): Json {
  const out: Json = {};
  const props = isObject(s['properties']) ? s['properties'] : {};
  const required = new Set(arrayOf(s['required']).map(String));
  for (const [key, value] of Object.entries(props)) {
    const ref = isObject(value) && typeof value['$ref'] === 'string' ? value['$ref'] : '';
    // An optional property leads nowhere new when it is deep, or back into a schema being sampled;
    // one whose schema is `false` must be absent.
    if (!required.has(key) && (lean || ctx.refs.includes(ref) || value === false)) continue;
    const given = sample(ctx, value, depth + 1);
    // An optional property no value fits (an enum of another type than the schema's, `oneOf`
    // beside a `type` none of its branches has) is left out rather than given one that breaks it.
    if (
      !required.has(key) &&
      mayMisfit(ctx.doc, value) &&
      !ctx.validator.fits(deref(ctx.doc, value), given)
    )
      continue;
    out[key] = given;
  }
  const extra = s['additionalProperties'];
  for (const key of required)
    if (!(key in out)) out[key] = isObject(extra) ? sample(ctx, extra, depth + 1) : 'string';
  if (isObject(extra) && Object.keys(out).length === 0 && !lean)
    out[extraKey(ctx, s['propertyNames'])] = sample(ctx, extra, depth + 1);
  return out;
}

/** The name of a sampled `additionalProperties` entry: `example`, or one `propertyNames` takes. */
function extraKey(ctx: Sampling, names: unknown): string {
  if (ctx.validator.fits(deref(ctx.doc, names), 'example')) return 'example';
  const name = sample(ctx, names, LEAN_DEPTH);
  return typeof name === 'string' ? name : 'example';
}

function sampleArray(ctx: Sampling, s: Json, depth: number, lean: boolean): unknown[] {
  const min = typeof s['minItems'] === 'number' ? s['minItems'] : 0;
  const max = typeof s['maxItems'] === 'number' ? s['maxItems'] : Infinity;
  const items = s['items'];
  const ref = isObject(items) && typeof items['$ref'] === 'string' ? items['$ref'] : '';
  const spare = lean || ctx.refs.includes(ref);
  const count = Math.min(max, Math.max(min, spare ? 0 : 1));
  return Array.from({ length: count }, () => sample(ctx, items, depth + 1));
}

function sample(ctx: Sampling, schema: unknown, depth: number): unknown {
  const ref = isObject(schema) && typeof schema['$ref'] === 'string' ? schema['$ref'] : undefined;
  const s = deref(ctx.doc, schema);
  if (!isObject(s) || depth > MAX_DEPTH) return null;
  if (ref) ctx.refs.push(ref);
  try {
    return sampleNode(ctx, s, depth);
  } finally {
    if (ref) ctx.refs.pop();
  }
}

function sampleNode(ctx: Sampling, s: Json, depth: number): unknown {
  const given = givenExample(ctx, s);
  if (given) return given.value;
  if ('const' in s) return s['const'];
  const members = arrayOf(s['enum']);
  // A member of the schema's type: real specs list `[1, 2]` for a string. Where none has it, the
  // type is sampled (the validator reads such an enum as misplaced), or any member without one.
  const member =
    members.find((m) => m !== null && ctx.validator.fits(s, m)) ??
    members.find((m) => ctx.validator.fits(s, m));
  if (member !== undefined) return member;
  if (members.length > 0 && !('type' in s)) return members.find((m) => m !== null) ?? members[0];
  if (Array.isArray(s['allOf'])) return sample(ctx, mergeAllOf(ctx.doc, s), depth);
  for (const key of ['oneOf', 'anyOf'] as const)
    if (arrayOf(s[key]).length > 0) return sampleBranches(ctx, s, key, depth);
  const types = arrayOf(s['type']).length ? arrayOf(s['type']) : [s['type']];
  const type = types.find((t) => t !== 'null') ?? types[0];
  const lean = depth >= LEAN_DEPTH;
  switch (type ?? ('items' in s ? 'array' : 'object')) {
    case 'string':
      return stringSample(s);
    case 'integer':
    case 'number':
      return numberSample(s, type === 'integer');
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return sampleArray(ctx, s, depth, lean);
    default:
      return sampleObject(ctx, s, depth, lean);
  }
}

/**
 * A deterministic value that satisfies `schema`: the schema's own `example`, `examples` or
 * `default` where one fits it, else the simplest valid value: the first enum member, the lowest
 * number the bounds allow, a string of its format or that matches its pattern, the properties
 * (past a depth, or back into a schema being sampled, only the required ones), one array item,
 * the `allOf` parts merged, the first `oneOf`/`anyOf` branch the whole schema accepts.
 */
export function sampleSchema(doc: Json, schema: unknown, depth = 0): unknown {
  return sample({ doc, validator: validatorOf(doc), refs: [] }, schema, depth);
}
