import { isObject, parseRef, pointerOf, type Json } from './json.js';

/** Keys under which openapi-typescript prints a schema's subschemas outside an object type. */
const EAGER_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/** The name of the component schema a `$ref` names, if it names one. */
function schemaName(node: Json): string | undefined {
  const keys = typeof node['$ref'] === 'string' ? parseRef(node['$ref']) : undefined;
  return keys?.length === 3 && keys[0] === 'components' && keys[1] === 'schemas'
    ? keys[2]
    : undefined;
}

/**
 * The key paths of the `$ref`s that close a cycle of named schemas passing through no object
 * property, such as a JSON value (`oneOf: [string, array of itself]`). TypeScript defers a type
 * only inside an object type, so openapi-typescript's `components["schemas"]["X"][]` inside X's
 * own union is "referenced directly or indirectly in its own type annotation" (TS2502).
 */
export function eagerCycleRefs(doc: Json): string[][] {
  const components = isObject(doc['components']) ? doc['components'] : {};
  const schemas = isObject(components['schemas']) ? components['schemas'] : {};
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  const visitNode = (node: unknown, keys: string[]): void => {
    if (!isObject(node)) return;
    const name = schemaName(node);
    if (name !== undefined) {
      if (state.get(name) === 'open') found.push(keys);
      else visitSchema(name);
      return;
    }
    const items = node['items'];
    if (Array.isArray(items)) items.forEach((n, i) => visitNode(n, [...keys, 'items', `${i}`]));
    else visitNode(items, [...keys, 'items']);
    for (const key of EAGER_LISTS) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((n, i) => visitNode(n, [...keys, key, `${i}`]));
    }
  };
  const visitSchema = (name: string): void => {
    if (state.has(name) || !Object.hasOwn(schemas, name)) return;
    state.set(name, 'open');
    visitNode(schemas[name], ['components', 'schemas', name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(schemas)) visitSchema(name);
  return found;
}

/** A note per {@link eagerCycleRefs}: where the types say `unknown` instead. */
export function eagerCycleNotes(doc: Json): string[] {
  return eagerCycleRefs(doc).map(
    (keys) =>
      `#${pointerOf(...keys)}: a schema that contains itself outside any object can't be a TypeScript type; typed unknown there`,
  );
}
