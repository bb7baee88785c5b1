import { InvalidArgumentError } from './errors.js';
import type { ParamRule } from '../internal/operation.js';

/** Serializes an array or object query parameter as `name=value` pairs. */
export type StyleEncoder = (id: string, name: string, value: unknown, rule: ParamRule) => string[];

const DELIMITERS: Record<string, string> = { spaceDelimited: '%20', pipeDelimited: '|' };

/** `encodeURIComponent` of any primitive. */
export const enc = (value: unknown): string => encodeURIComponent(String(value));

/** Whether a value can be one query value. */
export const isPrimitive = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * An array or object parameter per OpenAPI's `style` and `explode`: `form` (`ids=a&ids=b`, or
 * `ids=a,b`), `spaceDelimited`, `pipeDelimited`, `deepObject` (`where[a]=1`). The generated
 * operations import it only where the spec has such a parameter.
 */
export const styled: StyleEncoder = (id, name, value, rule) => {
  const key = encodeURIComponent(name);
  if (rule.primitive && isPrimitive(value)) return [`${key}=${enc(value)}`];
  const array = rule.shape === 'array';
  const deep = rule.style === 'deepObject';
  const pairs = array
    ? Array.isArray(value) && (value as unknown[]).map((v) => ['', v])
    : typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.entries(value).filter(([, v]) => v !== undefined)
      : false;
  // A deepObject member may be a list: one comma-separated value, `filter[id]=1,2` (JSON:API's form).
  const ok = (v: unknown) => isPrimitive(v) || (deep && Array.isArray(v) && v.every(isPrimitive));
  if (!pairs || !pairs.every(([, v]) => ok(v))) {
    throw new InvalidArgumentError(
      `${id}: \`${name}\` must be an ${array ? 'array' : 'object'} of primitive values, got ${JSON.stringify(value)}`,
      name,
    );
  }
  if (deep) return pairs.map(([k, v]) => `${key}[${enc(k)}]=${[v].flat().map(enc).join(',')}`);
  if (rule.explode !== false) return pairs.map(([k, v]) => `${array ? key : enc(k)}=${enc(v)}`);
  const values = array ? pairs.map(([, v]) => enc(v)) : pairs.flat().map(enc);
  return values.length ? [`${key}=${values.join(DELIMITERS[rule.style!] ?? ',')}`] : [];
};
