/**
 * A parsed JSON object whose values are not yet checked: a spec node, a request body, a dataset
 * record. The workspace's one declaration of it.
 */
export type Json = Record<string, unknown>;

/** A JSON array's items typed `unknown` (not `any`), or none when `value` is not an array. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

export * from './json-pointer.js';
