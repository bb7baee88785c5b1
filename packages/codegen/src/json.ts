import { parseRef } from './json-pointer.js';

/**
 * A parsed JSON object whose values are not yet checked: a spec node, a request body, a dataset
 * record. The workspace's one declaration of it.
 */
export type Json = Record<string, unknown>;

/** A JSON array's items typed `unknown` (not `any`), or none when `value` is not an array. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** Whether a value is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of an OpenAPI path item that hold operations: its HTTP methods. */
export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

/** One of {@link HTTP_METHODS}. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Resolves a local reference such as `#/components/schemas/Opportunity`. */
export function resolvePointer(doc: Json, ref: string): unknown {
  const keys = parseRef(ref);
  return keys ? nodeAt(doc, keys) : undefined;
}

/** Follows local `$ref`s until a non-reference node; `undefined` for a dangling or cyclic one. */
export function deref(doc: Json, node: unknown): unknown {
  const seen = new Set<string>();
  let current = node;
  while (isObject(current) && typeof current['$ref'] === 'string') {
    const ref = current['$ref'];
    if (seen.has(ref)) return undefined;
    seen.add(ref);
    current = resolvePointer(doc, ref);
  }
  return current;
}

/** One operation of a document's `paths`: its route, its path item (`$ref` followed) and method. */
export interface PathOperation {
  route: string;
  item: Json;
  method: HttpMethod;
  op: Json;
}

/** Every operation of the document's `paths`, in the document's order. */
export function pathOperations(doc: Json): PathOperation[] {
  const paths = isObject(doc['paths']) ? doc['paths'] : {};
  return Object.entries(paths).flatMap(([route, raw]) => {
    const item = deref(doc, raw);
    if (!isObject(item)) return [];
    return HTTP_METHODS.filter((method) => isObject(item[method])).map((method) => ({
      route,
      item,
      method,
      op: item[method] as Json,
    }));
  });
}

/**
 * The node at a key path (object keys and array indexes), or `undefined` where there is none.
 * With `follow`, every `$ref` met on the way, the last node's too, is followed first.
 */
export function nodeAt(doc: Json, keys: readonly (string | number)[], follow = false): unknown {
  const at = (node: unknown) => (follow ? deref(doc, node) : node);
  let node = at(doc);
  for (const key of keys) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = at((node as Json)[key]);
  }
  return node;
}

export * from './json-pointer.js';
