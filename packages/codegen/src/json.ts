/**
 * A parsed JSON object whose values are not yet checked: a spec node, a request body, a dataset
 * record. The workspace's one declaration of it.
 */
export type Json = Record<string, unknown>;

export * from './json-pointer.js';
