import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fragmentOf, type Json } from '@lightfield/codegen/json';

// ajv-formats is CommonJS: its default export arrives wrapped under Node's ESM loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => Ajv;

/** OpenAPI's own formats, which JSON Schema doesn't define: any value of the type passes. */
const OAS_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An OpenAPI 3.0 schema tree rewritten as JSON Schema draft-07: `nullable: true` becomes a `null`
 * type (or an `anyOf` beside a `$ref`, whose siblings draft-07 ignores), and a boolean
 * `exclusiveMinimum`/`exclusiveMaximum` becomes the numeric form.
 */
export function fromOpenApi30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fromOpenApi30);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node))
    out[key] = DATA_KEYS.has(key) ? value : fromOpenApi30(value);
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

/** Encodes a path of keys as a JSON pointer inside a URI fragment. */
export function pointer(keys: string[]): string {
  return fragmentOf(keys);
}

/** One compiled check of a value against a schema of the document. */
export type Check = (value: unknown) => string | undefined;

/**
 * Validates values against schemas of one OpenAPI document with ajv: draft 2020-12 for OpenAPI
 * 3.1, draft-07 (after {@link fromOpenApi30}) for 3.0. Schemas are addressed by their JSON pointer
 * in the document, so `$ref`s resolve as the spec wrote them.
 */
export class SpecValidator {
  readonly #ajv: Ajv;
  readonly #cache = new Map<string, ValidateFunction>();

  constructor(document: Json) {
    const version = document['openapi'];
    // YAML reads an unquoted `openapi: 3.1` as a number.
    const is31 =
      (typeof version === 'string' || typeof version === 'number') &&
      String(version).startsWith('3.1');
    const options = {
      strict: false,
      allErrors: false,
      validateSchema: false,
      logger: false as const,
    };
    this.#ajv = is31 ? new Ajv2020(options) : new Ajv(options);
    addFormats(this.#ajv);
    for (const format of OAS_FORMATS) this.#ajv.addFormat(format, true);
    this.#ajv.addSchema((is31 ? document : fromOpenApi30(document)) as Json, 'spec');
  }

  /** A check against the schema at `keys` (e.g. `['paths', '/v1/x', 'get', …, 'schema']`). */
  at(keys: string[]): Check {
    const ref = `spec#${pointer(keys)}`;
    let validate = this.#cache.get(ref);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: ref });
      this.#cache.set(ref, validate);
    }
    const fn = validate;
    return (value) =>
      fn(value)
        ? undefined
        : (fn.errors ?? [])
            .slice(0, 3)
            .map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`)
            .join('; ');
  }
}
