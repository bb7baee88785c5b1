/**
 * The one JSON Schema validator of a spec's schemas: the mock checks requests with it, the
 * contract checks responses, the request builder its samples. Bundled into `@lightfield/fixtures`
 * (a build-time import, like `./json`); ajv and ajv-formats are the fixtures' own dependencies.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import unevaluatedModule from 'ajv/dist/vocabularies/unevaluated/index.js';
import addFormatsModule from 'ajv-formats';
import { fragmentOf } from './json-pointer.js';
import { backtracksExponentially } from './pattern-backtracking.js';
import { deref, isObject, type Json } from './json.js';

// ajv-formats is CommonJS: its default export arrives wrapped under Node's ESM loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => Ajv;
// The same for draft 2020's `unevaluated*` keywords, which draft-07 lends (seeThroughApplicators).
const unevaluated = ((unevaluatedModule as unknown as { default?: unknown }).default ??
  unevaluatedModule) as typeof unevaluatedModule.default;

/** The id the document is registered under: `$ref`s of a compiled fragment point into it. */
const SPEC_ID = 'spec';
/** Values that are data, not schemas: never rewritten. */
const DATA_KEYS = new Set(['default', 'enum', 'const']);
/** Annotations ajv doesn't need, whose data may hold `$id`s that would clash. */
const DROPPED = new Set(['example', 'examples']);
/** Keywords that move a schema's base URI: a bundled spec's `$ref`s are local, so they go. */
const IDS = new Set(['$id', '$anchor', '$dynamicAnchor', '$schema']);
/** Maps whose keys are names (of properties, schemas, paths, media types), never keywords. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'schemas',
  'paths',
  'content',
  'responses',
  'parameters',
  'requestBodies',
  'headers',
  'encoding',
]);

/**
 * A 3.0 schema node's own keywords as JSON Schema draft-07: `nullable: true` becomes a `null`
 * type (or an `anyOf` beside a `$ref`, whose siblings draft-07 ignores), and a boolean
 * `exclusiveMinimum`/`exclusiveMaximum` becomes the numeric form.
 */
function nodeFrom30(out: Json): Json {
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] === true) out[flag] = out[bound];
    else delete out[flag];
    delete out[bound];
  }
  if (out['nullable'] !== true) return out;
  delete out['nullable'];
  if (typeof out['type'] === 'string') {
    out['type'] = [out['type'], 'null'];
    if (Array.isArray(out['enum'])) out['enum'] = [...(out['enum'] as unknown[]), null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

/** The keywords whose subschemas may declare properties an `additionalProperties` beside them can't see. */
const APPLICATORS = ['allOf', 'oneOf', 'anyOf'];

/**
 * `additionalProperties` beside `allOf`/`oneOf`/`anyOf` as `unevaluatedProperties`: specs write
 * `{ allOf: [{ $ref: Money }], additionalProperties: false }` to mean "nothing beyond Money",
 * which JSON Schema reads as "no property at all", since it sees only the node's own
 * `properties`. No value could fit that reading; the one the spec's author meant is checked.
 */
function seeThroughApplicators(out: Json): void {
  const extra = out['additionalProperties'];
  if (extra === undefined || extra === true || !APPLICATORS.some((k) => k in out)) return;
  delete out['additionalProperties'];
  out['unevaluatedProperties'] = extra;
}

/** Whether `value` has the JSON Schema type `type`. */
function hasType(value: unknown, type: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isObject(value);
  if (type === 'null') return value === null;
  return typeof value === type;
}

/**
 * An `enum` none of whose members has the node's `type` goes: specs write `{ type: 'array',
 * enum: [...] }` for an enum of the items, or `{ type: 'string', enum: [true, false] }`. No
 * value could fit both; the type, which says the value's shape, is checked.
 */
function enumBesideType(out: Json): void {
  const members = Array.isArray(out['enum']) ? out['enum'].filter((m) => m !== null) : [];
  const types = Array.isArray(out['type']) ? out['type'] : [out['type']];
  if (out['type'] === undefined || members.length === 0) return;
  if (!members.some((m) => types.some((t) => hasType(m, t)))) delete out['enum'];
}

interface Prepare {
  /** Rewrite OpenAPI 3.0 keywords as draft-07 ({@link nodeFrom30}). */
  from30: boolean;
  /** Point local `$ref`s into the registered document (for a fragment compiled on its own). */
  rebase: boolean;
  /** The document the `$ref`s of `allOf` parts resolve in ({@link openParts}). */
  doc?: Json;
  /** The closed parts being opened, so a cycle of `allOf`s ends. */
  opening?: Set<Json>;
  /** The open copy being prepared: its own closure moves to the schema that extends it. */
  opened?: Json;
}

/** Whether a schema closes its properties, itself or through an `allOf` part at any depth. */
function closes(doc: Json, schema: Json, seen = new Set<Json>()): boolean {
  if (schema['additionalProperties'] === false) return true;
  if (seen.has(schema)) return false;
  seen.add(schema);
  const parts = schema['allOf'];
  return (
    Array.isArray(parts) &&
    parts.some((part) => {
      const target = deref(doc, part);
      return isObject(target) && closes(doc, target, seen);
    })
  );
}

/**
 * The parts of an `allOf`, each closed one (`additionalProperties: false`, or a part of its own
 * `allOf` that is) as an open copy whose closure moves to the whole (`unevaluatedProperties:
 * false`): a schema that extends a closed one (`{ allOf: [Label], properties: { extra } }`), or
 * extends one that does, would else forbid its own properties.
 */
function openParts(parts: unknown[], how: Prepare, node: Json, out: Json): unknown[] {
  const opening = (how.opening ??= new Set());
  return parts.map((part) => {
    const target = how.doc && deref(how.doc, part);
    if (!isObject(target) || opening.has(target) || !closes(how.doc!, target))
      return prepare(part, how);
    const open: Json = { ...target };
    delete open['additionalProperties'];
    if (!('additionalProperties' in node) && node !== how.opened)
      out['unevaluatedProperties'] = false;
    opening.add(target);
    try {
      return prepare(open, { ...how, opened: open });
    } finally {
      opening.delete(target);
    }
  });
}

/**
 * A document or a fragment of it as ajv reads it: 3.0 keywords rewritten, `example`s and ids
 * dropped (an `$id` in an example is "a `$ref` that resolves to more than one schema"), keys of
 * name maps kept whatever they are called.
 */
function prepare(node: unknown, how: Prepare, names = false): unknown {
  if (Array.isArray(node)) return node.map((n) => prepare(n, how));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (names) out[key] = prepare(value, how);
    else if (DATA_KEYS.has(key)) out[key] = value;
    else if (DROPPED.has(key) || (IDS.has(key) && typeof value === 'string')) continue;
    else if (key === '$ref' && typeof value === 'string')
      out[key] = how.rebase && value.startsWith('#') ? `${SPEC_ID}${value}` : value;
    else if (key === 'allOf' && Array.isArray(value)) out[key] = openParts(value, how, node, out);
    else out[key] = prepare(value, how, NAME_MAPS.has(key) && isObject(value));
  }
  if (names) return out;
  seeThroughApplicators(out);
  enumBesideType(out);
  return how.from30 ? nodeFrom30(out) : out;
}

/**
 * An OpenAPI 3.0 schema tree rewritten as JSON Schema draft-07: `nullable: true` becomes a `null`
 * type, a boolean `exclusiveMinimum`/`exclusiveMaximum` the numeric form.
 */
export function fromOpenApi30(node: unknown): unknown {
  return prepare(node, { from30: true, rebase: false });
}

/** Whether a document is OpenAPI 3.1 (YAML reads an unquoted `openapi: 3.1` as a number). */
export function isOpenApi31(document: Json): boolean {
  const version = document['openapi'];
  return (
    (typeof version === 'string' || typeof version === 'number') &&
    String(version).startsWith('3.1')
  );
}

/**
 * A pattern as JavaScript reads it: with the `u` flag as JSON Schema asks; without it where the
 * spec's regex is only valid that way (`[^@]+@{1}` is a "lone quantifier bracket" under `u`); a
 * leading `(?i)` as the `i` flag; a regex literal (`/^[a-z]+$/i`) as its source and flags, where
 * its anchors show the slashes are delimiters (read as text, no value could match it).
 * `undefined` when JavaScript can't read it at all.
 */
export function patternRegExp(pattern: string, flags = 'u'): RegExp | undefined {
  const inline = /^\(\?i\)/.exec(pattern);
  const literal = /^\/(\^.*|.*\$)\/([ims]*)$/s.exec(pattern);
  const source = literal?.[1] ?? (inline ? pattern.slice(inline[0].length) : pattern);
  const extra = literal?.[2] ?? (inline ? 'i' : '');
  for (const f of [flags, flags.replace('u', '')]) {
    try {
      return new RegExp(source, `${f}${extra}`);
    } catch {
      // The next, laxer reading.
    }
  }
  return undefined;
}

/** A compiled schema: whether a value fits it, and after a miss, ajv's findings. */
export interface SchemaCheck {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null | undefined;
}

const ANY: SchemaCheck = () => true;

/** ajv's findings as one line: where and what, the first three. */
export function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`)
    .join('; ');
}

/**
 * Validates values against the schemas of one OpenAPI document with ajv and its formats: draft
 * 2020-12 for OpenAPI 3.1, draft-07 (3.0's `nullable` and boolean bounds rewritten) for 3.0.
 * Schemas are addressed by their JSON pointer in the document, or compiled from fragments of it,
 * so `$ref`s resolve as the spec wrote them. What it can't check is noted, never thrown: a
 * pattern JavaScript can't read matches anything, a schema ajv can't compile accepts anything.
 */
export class SpecValidator {
  readonly #ajv: Ajv;
  readonly #cache = new Map<string, SchemaCheck>();
  readonly #from30: boolean;
  readonly #document: Json;
  readonly #bySchema = new WeakMap<object, SchemaCheck>();
  /** What the validator could not check as the spec says, once each. */
  readonly notes = new Set<string>();

  constructor(document: Json) {
    this.#from30 = !isOpenApi31(document);
    this.#document = document;
    const regExp = Object.assign(
      (pattern: string, u: string) => {
        if (backtracksExponentially(pattern)) {
          this.notes.add(
            `pattern ${pattern} repeats a repeat, which can take exponential time: not checked`,
          );
          return /(?:)/;
        }
        const rx = patternRegExp(pattern, u);
        if (!rx) this.notes.add(`pattern ${pattern} is not a JavaScript regex: not checked`);
        else if (u && !rx.unicode)
          this.notes.add(`pattern ${pattern} is invalid with the u flag: checked without it`);
        return rx ?? /(?:)/;
      },
      { code: 'new RegExp' },
    );
    const options = {
      strict: false,
      allErrors: false,
      validateSchema: false,
      logger: false as const,
      code: { regExp },
      // `unevaluatedProperties` stands in for some `additionalProperties` (seeThroughApplicators).
      unevaluated: true,
    };
    this.#ajv = this.#from30 ? new Ajv(options) : new Ajv2020(options);
    if (this.#from30) this.#ajv.addVocabulary(unevaluated);
    addFormats(this.#ajv);
    try {
      this.#ajv.addSchema(prepare(document, this.#how(false)) as Json, SPEC_ID);
    } catch (error) {
      this.notes.add(`the document's schemas can't be compiled: ${(error as Error).message}`);
    }
  }

  #how(rebase: boolean): Prepare {
    return { from30: this.#from30, rebase, doc: this.#document };
  }

  #cached(key: string, schema: () => unknown): SchemaCheck {
    let fn = this.#cache.get(key);
    if (!fn) {
      try {
        fn = this.#ajv.compile(schema() as Json);
      } catch (error) {
        this.notes.add(`${key}: not checked, ajv can't compile it: ${(error as Error).message}`);
        fn = ANY;
      }
      this.#cache.set(key, fn);
    }
    return fn;
  }

  /** The check of the schema at `keys` in the document (e.g. `['components', 'schemas', 'X']`). */
  at(keys: readonly string[]): SchemaCheck {
    const ref = `${SPEC_ID}#${fragmentOf(keys)}`;
    return this.#cached(ref, () => ({ $ref: ref }));
  }

  /** What is wrong with `value` against the schema at `keys`, in one line; undefined if nothing. */
  check(keys: readonly string[], value: unknown): string | undefined {
    const fn = this.at(keys);
    return fn(value) ? undefined : formatErrors(fn.errors);
  }

  /**
   * Whether `value` fits `schema`, a schema of the document or one made from its parts: compiled
   * once per schema object, and once per text for schemas made anew.
   */
  fits(schema: unknown, value: unknown): boolean {
    if (!isObject(schema)) return true;
    let fn = this.#bySchema.get(schema);
    if (!fn) {
      fn = this.compile(`schema:${JSON.stringify(schema)}`, () => schema);
      this.#bySchema.set(schema, fn);
    }
    return fn(value);
  }

  /**
   * The check of a schema taken from the document (its local `$ref`s point into it), compiled
   * once under `key`.
   */
  compile(key: string, schema: () => unknown): SchemaCheck {
    return this.#cached(key, () => prepare(schema(), this.#how(true)));
  }
}
