import { isObject, resolvePointer, type Json } from '../json.js';

/**
 * A `$ref` openapi-typescript prints as a type that exists: a named component. It turns any other
 * pointer into an index of its output by the pointer's keys, but its output has no `schema` key
 * under a parameter or a media type, nor `items`, `allOf` or `properties` under a schema, so
 * `#/paths/~1a/get/responses/200/content/application~1json/schema` becomes a type that fails
 * to compile (TS2339).
 */
const NAMED_REF = /^#\/components\/[^/]+\/[^/]+$/;

/**
 * The document with every local `$ref` that is not a named component replaced by a copy of its
 * target, so openapi-typescript types it inline. A copy that would contain itself (an inline
 * schema that refers to itself) is left `{}`: the type checker reads it as `unknown`.
 */
export function inlineUnnamedRefs(doc: Json): Json {
  const inline = (node: unknown, stack: readonly string[]): unknown => {
    if (Array.isArray(node)) {
      const items = node.map((n) => inline(n, stack));
      return items.every((n, i) => n === node[i]) ? node : items;
    }
    if (!isObject(node)) return node;
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/') && !NAMED_REF.test(ref)) {
      const target = resolvePointer(doc, ref);
      if (target !== undefined) {
        const { $ref: _, ...siblings } = node;
        // Each place gets a copy of its own: openapi-typescript may annotate the nodes it reads.
        const copy = stack.includes(ref) ? {} : structuredClone(inline(target, [...stack, ref]));
        return Object.keys(siblings).length === 0 ? copy : { ...siblings, allOf: [copy] };
      }
    }
    let changed = false;
    const entries = Object.entries(node).map(([key, value]) => {
      const next = inline(value, stack);
      changed ||= next !== value;
      return [key, next] as const;
    });
    return changed ? Object.fromEntries(entries) : node;
  };
  return inline(doc, []) as Json;
}
