// Path templates a spec writes in ways no URL template can take as they are, repaired in the
// document the targets read, each with a note: a query string in the template
// (`/search?q={q}`), a `{param}` no parameter declares, a path parameter the template lacks.

import { arrayOf, deref, HTTP_METHODS, isObject, pointerOf, type Json } from './json.js';

/** A route's path without its query string: `/search?q={q}` → `/search`. */
export function routePath(route: string): string {
  const at = route.indexOf('?');
  return at < 0 ? route : route.slice(0, at);
}

/** The `key=value` pairs of a route's query string, values decoded. */
function queryPairs(route: string): [string, string][] {
  const at = route.indexOf('?');
  if (at < 0) return [];
  return route
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [key = '', value = ''] = pair.split(/=(.*)/s);
      return [decode(key), decode(value)];
    });
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const stringParam = (name: string, where: string, schema: Json = { type: 'string' }): Json => ({
  name,
  in: where,
  required: true,
  schema,
});

/**
 * The parameter lists of an item and its operations with the template's query string moved into
 * query parameters: `key={name}` turns the parameter `name` (declared in the path or the query,
 * else a new string) into the required query parameter `key`; `key=value` becomes a required
 * query parameter of that one value.
 */
function moveQuery(doc: Json, route: string, item: Json, at: string, notes: string[]): Json {
  const pairs = queryPairs(route);
  const out: Json = { ...item };
  const lists = ['parameters', ...HTTP_METHODS.filter((m) => isObject(item[m]))];
  const listOf = (key: string): unknown[] =>
    key === 'parameters' ? arrayOf(out[key]) : arrayOf((out[key] as Json)['parameters']);
  const setList = (key: string, list: unknown[]) => {
    if (key === 'parameters') out[key] = list;
    else out[key] = { ...(out[key] as Json), parameters: list };
  };
  for (const key of lists.slice(1)) out[key] = { ...(item[key] as Json) };
  for (const [name, value] of pairs) {
    const slot = /^\{([^}]*)\}$/.exec(value)?.[1];
    let found = false;
    for (const key of lists) {
      const list = listOf(key).map((raw) => {
        const p = deref(doc, raw);
        if (slot === undefined || !isObject(p) || p['name'] !== slot) return raw;
        if (p['in'] !== 'path' && p['in'] !== 'query') return raw;
        found = true;
        return { ...p, name, in: 'query', required: true };
      });
      setList(key, list);
    }
    if (found) continue;
    const added =
      slot === undefined
        ? stringParam(name, 'query', { type: 'string', enum: [value] })
        : stringParam(name, 'query');
    for (const key of lists.slice(1)) setList(key, [...listOf(key), added]);
  }
  notes.push(
    `${at}: the query string of ${route} is sent as the query parameters ${pairs.map(([k]) => k).join(', ')} of ${routePath(route)}`,
  );
  return out;
}

/** An item with every `{param}` of its template declared, and no path parameter it lacks. */
function declarePathParams(
  doc: Json,
  route: string,
  item: Json,
  at: string,
  notes: string[],
): Json {
  const used = [...route.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '');
  const isPath = (raw: unknown, name?: string) => {
    const p = deref(doc, raw);
    return isObject(p) && p['in'] === 'path' && (name === undefined || p['name'] === name);
  };
  const unused = (raw: unknown) =>
    isPath(raw) && !used.includes(String((deref(doc, raw) as Json)['name']));
  const out: Json = { ...item };
  const own = arrayOf(item['parameters']);
  for (const raw of own.filter(unused)) {
    notes.push(
      `${at}: path parameter "${String((deref(doc, raw) as Json)['name'])}" is not in ${route}; dropped`,
    );
  }
  if (own.some(unused)) out['parameters'] = own.filter((raw) => !unused(raw));
  for (const method of HTTP_METHODS.filter((m) => isObject(item[m]))) {
    const op = item[method] as Json;
    const params = arrayOf(op['parameters']);
    const kept = params.filter((raw) => !unused(raw));
    for (const raw of params.filter(unused)) {
      notes.push(
        `${at}/${method}: path parameter "${String((deref(doc, raw) as Json)['name'])}" is not in ${route}; dropped`,
      );
    }
    const all = [...arrayOf(out['parameters']), ...kept];
    const missing = used.filter((name) => !all.some((raw) => isPath(raw, name)));
    for (const name of missing) {
      notes.push(`${at}/${method}: path parameter "{${name}}" is not declared; taken as a string`);
    }
    if (kept.length !== params.length || missing.length > 0) {
      out[method] = { ...op, parameters: [...kept, ...missing.map((n) => stringParam(n, 'path'))] };
    }
  }
  return out;
}

/**
 * The document with its path templates repaired (see the top of this file), and a note for each
 * repair; the document itself when none is needed. Routes whose repaired paths collide are for
 * `checkRules` to refuse.
 */
export function repairPaths(doc: Json): { document: Json; notes: string[] } {
  const paths = isObject(doc['paths']) ? doc['paths'] : undefined;
  const notes: string[] = [];
  if (!paths) return { document: doc, notes };
  let changed = false;
  const out: Json = {};
  for (const [route, raw] of Object.entries(paths)) {
    const item = deref(doc, raw);
    if (!isObject(item)) {
      out[route] = raw;
      continue;
    }
    const at = `#${pointerOf('paths', route)}`;
    const moved = route.includes('?') ? moveQuery(doc, route, item, at, notes) : item;
    const path = routePath(route);
    const fixed = declarePathParams(doc, path, moved, at, notes);
    if (fixed !== item || path !== route) changed = true;
    out[path] = fixed === item ? raw : fixed;
  }
  return { document: changed ? { ...doc, paths: out } : doc, notes };
}
