import { isObject, type Json } from '@lightfield/codegen/json';
import type { SpecOperation } from './operations.js';

/** The items with an `id` that a response carries: itself, its `data`, or its first array of them. */
function itemsOf(body: unknown): Json[] {
  const withId = (x: unknown): x is Json => isObject(x) && x['id'] !== undefined;
  if (Array.isArray(body)) return body.filter(withId);
  if (!isObject(body)) return [];
  if (withId(body)) return [body];
  for (const value of Object.values(body)) {
    if (withId(value)) return [value];
    if (Array.isArray(value) && value.some(withId)) return value.filter(withId);
  }
  return [];
}

/** The collection an operation's path belongs to: `/a/{x}/b/{y}` → `/a/{x}/b`; `/a` → `/a`. */
export function collectionOf(route: string): string {
  return /\/\{[^}]+\}$/.test(route) ? route.replace(/\/\{[^}]+\}$/, '') : route;
}

/** The operations whose answers show the records a server holds: what it made, lists, reads. */
const HOLDS = new Set(['create', 'list', 'nested-list', 'retrieve']);

/**
 * The state the round-trip learns from the server: items seen, by collection path. Ids come from
 * its create, list and retrieve answers; another answer (an update's or an action's, which may
 * echo an example) only fills a collection nothing has shown yet.
 */
export class State {
  readonly #items = new Map<string, Json[]>();

  learn(op: SpecOperation, body: unknown): void {
    if (op.httpMethod === 'delete') return;
    const items = itemsOf(body);
    if (items.length === 0) return;
    const key = collectionOf(op.path);
    if (!HOLDS.has(op.model?.kind ?? '') && this.#items.has(key)) return;
    this.#items.set(key, [...items, ...(this.#items.get(key) ?? [])].slice(0, 20));
  }

  /** An item of the collection under `route`, if the server has shown one. */
  item(route: string): Json | undefined {
    return this.#items.get(route)?.[0];
  }

  /** A path parameter's value: the id of an item of the collection before it. */
  pathValue(route: string, name: string): string | undefined {
    const at = route.indexOf(`/{${name}}`);
    const id = at < 0 ? undefined : this.item(route.slice(0, at))?.['id'];
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
  }
}
