import { InvalidArgumentError } from './errors.js';
import type { Filter } from './filter.js';
import type { OperationInfo, ParamRule } from '../internal/operation.js';
import { enc, isPrimitive } from './query-style.js';

function checkNumber(id: string, name: string, rule: ParamRule, value: unknown): void {
  const ok =
    typeof value === 'number' &&
    (rule.type === 'number' ? Number.isFinite(value) : Number.isInteger(value));
  const low = rule.minimum ?? -Infinity;
  const high = rule.maximum ?? Infinity;
  if (ok && value >= low && value <= high) return;
  const range =
    rule.minimum !== undefined && rule.maximum !== undefined
      ? ` from ${low} to ${high}`
      : rule.minimum !== undefined
        ? ` ≥ ${low}`
        : '';
  throw new InvalidArgumentError(
    `${id}: \`${name}\` must be an ${rule.type}${range}, got ${JSON.stringify(value)}`,
    name,
  );
}

/**
 * The query string of a call, checked against the operation's rules first: a missing required
 * parameter or a value of the wrong shape throws before anything is sent. Field filters
 * (`x-lightfield-filter`) come last.
 */
export function serializeQuery(
  op: OperationInfo,
  query: Record<string, unknown> | undefined,
): string {
  const rules = op.query ?? {};
  for (const name in rules) {
    const rule = rules[name]!;
    const value = query?.[name];
    if (value === undefined) {
      if (rule.required) throw new InvalidArgumentError(`${op.id}: \`${name}\` is required`, name);
    } else if (rule.type === 'integer' || rule.type === 'number') {
      checkNumber(op.id, name, rule, value);
    }
  }
  const parts: string[] = [];
  for (const name in query) {
    const value = query[name];
    const rule = rules[name];
    if (value === undefined || (name === 'filter' && !rule)) continue;
    if (rule?.encode) parts.push(...rule.encode(op.id, name, value, rule));
    else if (isPrimitive(value)) parts.push(`${encodeURIComponent(name)}=${enc(value)}`);
    else throw new InvalidArgumentError(`${op.id}: \`${name}\` must be a primitive value`, name);
  }
  const filter = rules['filter'] ? undefined : query?.['filter'];
  if (filter !== undefined) {
    if (!op.filter) throw new InvalidArgumentError(`${op.id} takes no filter`, 'filter');
    if (typeof filter !== 'object' || filter === null)
      throw new InvalidArgumentError(`${op.id}: \`filter\` must be an object`, 'filter');
    parts.push(...op.filter(filter as Filter));
  }
  return parts.join('&');
}
