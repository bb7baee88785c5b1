import { createRequire } from 'node:module';
import type ts from 'typescript';
import { isObject, nodeAt, resolvePointer, type Json } from '../json.js';
import { eagerCycleRefs } from '../eager-cycles.js';

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

/**
 * openapi-typescript's `WithRequired<T, K extends keyof T>` marks the properties an `allOf` makes
 * required on a member it references. When that member is nullable, `keyof (X | null)` is `never`
 * and the constraint fails (TS2344). An `allOf` of a nullable member and an object is no null, so
 * the helper reads the member without its `null`.
 */
const WITH_REQUIRED =
  'type WithRequired<T, K extends keyof NonNullable<T>> = NonNullable<T> & { [P in K]-?: NonNullable<T>[P] };';

/**
 * openapi-typescript's output with its helper types replaced by ones that compile for any spec.
 * `stringToAST` is openapi-typescript's: the caller has loaded it, and with it TypeScript, which
 * this module reaches through `require` so that loading the generators loads neither.
 */
export function withOwnHelpers(
  ast: ts.Node[],
  stringToAST: (source: string) => unknown[],
): ts.Node[] {
  const typescript = createRequire(import.meta.url)('typescript') as typeof ts;
  return ast.map((node) =>
    typescript.isTypeAliasDeclaration(node) && node.name.text === 'WithRequired'
      ? (stringToAST(WITH_REQUIRED)[0] as ts.Node)
      : node,
  );
}

/**
 * Replaces, in `doc` (a copy), each `$ref` that closes a cycle of schemas outside any object type
 * with `{}` (`unknown`): see {@link eagerCycleRefs}.
 */
export function breakEagerCycles(doc: Json): Json {
  for (const keys of eagerCycleRefs(doc)) {
    const node = nodeAt(doc, keys);
    if (isObject(node)) delete node['$ref'];
  }
  return doc;
}
