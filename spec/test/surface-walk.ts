import { deref } from '@lightfield/codegen';
import type { Json } from '@lightfield/codegen/json';
import type { SheetProperty } from './surface-sheet.js';

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A schema and every branch it stands for: its `$ref` target and its anyOf/oneOf/allOf members. */
export function expand(doc: Json, node: unknown): Json[] {
  const out: Json[] = [];
  const visit = (n: unknown): void => {
    const s = deref(doc, n);
    if (!isObject(s) || out.includes(s)) return;
    out.push(s);
    for (const key of ['anyOf', 'oneOf', 'allOf']) list(s[key]).forEach(visit);
  };
  visit(node);
  return out;
}

/** A schema reached by a path, with the object that holds it under `key`. */
interface Hit {
  schema: unknown;
  parent?: Json;
  key?: string;
}

/** Every schema a dotted path (`data.*.fields.*.valueType`) reaches inside `root`, over every branch. */
export function schemasAt(doc: Json, root: unknown, path: string): Hit[] {
  let hits: Hit[] = [{ schema: root }];
  for (const segment of path === '' ? [] : path.split('.')) {
    hits = hits.flatMap((hit) =>
      expand(doc, hit.schema).flatMap((node): Hit[] => {
        if (segment === '*') {
          const next = isObject(node['additionalProperties'])
            ? node['additionalProperties']
            : node['items'];
          return next === undefined ? [] : [{ schema: next }];
        }
        const property = (node['properties'] as Json | undefined)?.[segment];
        return property === undefined ? [] : [{ schema: property, parent: node, key: segment }];
      }),
    );
  }
  return hits;
}

/** The JSON types a set of schemas allows, `integer` folded into `number` when both appear. */
function typesOf(nodes: Json[]): string[] {
  const types = new Set<string>();
  for (const n of nodes) {
    for (const t of typeof n['type'] === 'string' ? [n['type']] : list(n['type']))
      types.add(String(t));
    for (const v of [...('const' in n ? [n['const']] : []), ...list(n['enum'])])
      types.add(v === null ? 'null' : typeof v);
    if (n['type'] === undefined && (n['properties'] || n['additionalProperties']))
      types.add('object');
  }
  if (types.has('number')) types.delete('integer');
  return [...types].sort();
}

function literalsOf(nodes: Json[]): unknown[] {
  const values = nodes.flatMap((n) => [...('const' in n ? [n['const']] : []), ...list(n['enum'])]);
  return [...new Set(values.filter((v) => v !== null))].sort();
}

const same = (a: unknown[], b: unknown[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * How the spec differs from one property of the sheet at `path` inside `root`: missing, another
 * required-ness, other types (nullability included), other literals, not closed, or another
 * constraint. Each as `rule: sheet …, spec …`.
 */
export function compareProperty(
  doc: Json,
  root: unknown,
  path: string,
  want: SheetProperty,
): string[] {
  const hits = schemasAt(doc, root, path);
  if (hits.length === 0) return ['missing'];
  const nodes = hits.flatMap((h) => expand(doc, h.schema));
  const out: string[] = [];
  if (want.required !== undefined) {
    const required = hits.some((h) => list(h.parent?.['required']).includes(h.key));
    if (required !== want.required) out.push(`required: sheet ${want.required}, spec ${required}`);
  }
  const types = typesOf(nodes);
  if (!same(types, want.types))
    out.push(`types: sheet ${want.types.join(',')}, spec ${types.join(',')}`);
  const literals = literalsOf(nodes);
  if (want.enum && !same(literals, want.enum))
    out.push(`enum: sheet ${want.enum.join(',')}, spec ${literals.join(',')}`);
  const objects = nodes.filter((n) => n['type'] === 'object' || isObject(n['properties']));
  if (
    want.closed &&
    !(objects.length > 0 && objects.every((n) => n['additionalProperties'] === false))
  )
    out.push('closed: sheet no other keys, spec open');
  for (const [key, value] of Object.entries(want.constraints ?? {})) {
    if (key === 'const') {
      if (!same(literals, [value])) out.push(`const: sheet ${value}, spec ${literals.join(',')}`);
      continue;
    }
    const found = nodes.find((n) => key in n)?.[key];
    if (found !== value) out.push(`${key}: sheet ${value}, spec ${String(found)}`);
  }
  return out;
}
