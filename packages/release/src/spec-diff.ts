import { isDeepStrictEqual } from 'node:util';
import { HTTP_METHODS, pointerOf } from '@lightfield/codegen/json';
import { apiCompare } from 'api-smart-diff';
import { reword } from './wording.js';

/** How a change affects consumers. */
export type ChangeClass = 'breaking' | 'non-breaking' | 'annotation';

/** One classified change between two specs. */
export interface SpecChange {
  class: ChangeClass;
  /** `GET /v1/opportunities`, or `component Opportunity`, or the top-level key. */
  where: string;
  /** What changed, in words. */
  what: string;
  /** JSON pointer of the change in the newer spec (or the older, for a removal). */
  pointer: string;
}

const RANK: Record<ChangeClass, number> = { annotation: 0, 'non-breaking': 1, breaking: 2 };
const ANNOTATIONS = new Set([
  'description',
  'summary',
  'title',
  'example',
  'examples',
  'externalDocs',
]);
const METHODS = new Set<unknown>(HTTP_METHODS);

function where(path: (string | number)[]): string {
  if (path[0] === 'paths' && typeof path[1] === 'string') {
    const method =
      typeof path[2] === 'string' && METHODS.has(path[2]) ? `${path[2].toUpperCase()} ` : '';
    return `${method}${path[1]}`;
  }
  if (path[0] === 'components' && path.length >= 3)
    return `component ${String(path[2])} (${String(path[1])})`;
  return String(path[0] ?? 'document');
}

function classOf(type: string, action: string, path: (string | number)[]): ChangeClass {
  // api-smart-diff leaves most component-level changes unclassified: prose is an annotation.
  if (type === 'unclassified' && ANNOTATIONS.has(String(path[path.length - 1])))
    return 'annotation';
  if (action === 'remove' && path.includes('responses') && path[path.length - 2] === 'properties')
    return 'breaking';
  if (action === 'remove' && path[0] === 'components' && path.length === 3) return 'breaking';
  return type === 'breaking' ? 'breaking' : type === 'annotation' ? 'annotation' : 'non-breaking';
}

/**
 * Classifies every change from `before` to `after` with api-smart-diff (which resolves `$ref`s),
 * tightened where a typed SDK is concerned: a property removed from a response, and a component
 * removed (its exported type disappears), are breaking. Unclassified changes count as non-breaking.
 * Parameter and property changes are worded (optional or required) from the specs themselves.
 */
export function diffSpecs(before: unknown, after: unknown): SpecChange[] {
  // The guard's usual case: api-smart-diff takes about a second on the project's spec to find none.
  if (isDeepStrictEqual(before, after)) return [];
  // api-smart-diff rewrites the documents it is given; the caller's and reword's stay intact.
  const { diffs } = apiCompare(structuredClone(before), structuredClone(after));
  const seen = new Set<string>();
  const out: SpecChange[] = [];
  for (const d of diffs) {
    const path = d.path;
    let cls = classOf(d.type, d.action, path);
    const own = reword({ ...d, path }, before, after);
    if (own?.drop) continue;
    // Only an operation's change breaks callers: a component alone is not yet used.
    if (own?.breaking !== undefined && path[0] === 'paths')
      cls = own.breaking ? 'breaking' : 'non-breaking';
    if (own?.annotation) cls = 'annotation';
    const what =
      own?.what ?? (d.description?.trim() || `${d.action} ${String(path[path.length - 1])}`);
    const at = own?.at ?? path;
    const change = { class: cls, where: where(at), what, pointer: pointerOf(...at) };
    const key = `${change.class}|${change.where}|${change.pointer}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(change);
    }
  }
  return out.sort((a, b) => RANK[b.class] - RANK[a.class] || a.where.localeCompare(b.where));
}

/** The most severe class of a set of changes; `undefined` when there are none. */
export function overall(changes: SpecChange[]): ChangeClass | undefined {
  return changes.reduce<ChangeClass | undefined>(
    (worst, c) => (worst === undefined || RANK[c.class] > RANK[worst] ? c.class : worst),
    undefined,
  );
}

/** A readable report: one line per change, grouped by class. */
export function formatReport(changes: SpecChange[], heading: string): string {
  if (changes.length === 0) return `${heading}: no changes`;
  const lines = [`${heading}: ${changes.length} change(s), overall ${overall(changes)}`];
  for (const cls of ['breaking', 'non-breaking', 'annotation'] as const) {
    const group = changes.filter((c) => c.class === cls);
    if (group.length === 0) continue;
    lines.push('', `${cls} (${group.length}):`);
    for (const c of group) lines.push(`  ${c.where}: ${c.what}`, `    at #${c.pointer}`);
  }
  return lines.join('\n');
}
