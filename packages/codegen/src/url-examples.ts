// Examples a spec gives by URL (`externalValue: https://…`), which bundling would fetch: generation
// reads no server, so its output depends on the spec alone.

import { pointerOf, type Json } from './json.js';

/** A URL with a scheme (`https://…`); a relative `externalValue` names a file beside the spec. */
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Removes every `externalValue` that is an absolute URL from the Example objects of `doc` (in
 * place; the example keeps its other keys) and returns a note for each.
 */
export function dropUrlExamples(doc: unknown): string[] {
  const notes: string[] = [];
  const keys: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const url = (node as Json)['externalValue'];
    if (keys.at(-2) === 'examples' && typeof url === 'string' && ABSOLUTE_URL.test(url)) {
      delete (node as Json)['externalValue'];
      notes.push(`#${pointerOf(...keys)}: example at ${url} not fetched; the schema stands in`);
    }
    for (const [key, value] of Object.entries(node)) {
      keys.push(key);
      walk(value);
      keys.pop();
    }
  };
  walk(doc);
  return notes;
}
