import { InvalidArgumentError } from './errors.js';

/** A filter operator of the list endpoints. */
export type FilterOperator = 'equal' | 'greaterThan' | 'lessThan' | 'startsWith' | 'contains';

/** A value a field can be filtered by. */
export type FilterValue = string | number | boolean;

/** Conditions on one field; `not` negates the operators inside it. */
export type FilterCondition = { [K in FilterOperator]?: FilterValue } & {
  not?: { [K in FilterOperator]?: FilterValue };
};

/**
 * Field filters of a list call, by field key: `{ $name: { startsWith: 'Acme' } }`. A bare value
 * lets the API pick the operator (`equal` where the field allows it, else `contains`).
 */
export type Filter = Record<string, FilterCondition | FilterValue>;

/** The field keys an organization defines for `Resource` (see `Lightfield<Org>`). */
type FieldKey<Org, Resource extends string> =
  Org extends Record<Resource, { fields: infer F }> ? keyof F & string : never;

/**
 * Field filters of a list call in an organization: only its field keys, so `{ amuont: … }` does
 * not compile.
 */
export type OrgFilter<Org, Resource extends string> = {
  [K in FieldKey<Org, Resource>]?: FilterCondition | FilterValue;
};

/**
 * A list query whose `filter` takes the organization's field keys of `Resource`; `Q` as is where
 * `Org` doesn't type `Resource`. (`Org` stays out of `keyof`, so a typed client is assignable to
 * an untyped one.)
 */
export type OrgQuery<Q, Org, Resource extends string> =
  Org extends Record<Resource, unknown>
    ? Omit<Q, 'filter'> & {
        /** Field filters, e.g. `{ $name: { startsWith: 'Acme' } }`. */
        filter?: OrgFilter<Org, Resource>;
      }
    : Q;

const OPERATORS = new Set<string>(['equal', 'greaterThan', 'lessThan', 'startsWith', 'contains']);

// Field keys keep `$` readable (`$name[equal]`); everything else is percent-encoded.
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%24/g, '$');
}

/** A filter value as query text, once it is known to be one. */
function valueText(value: unknown, where: string): string {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new InvalidArgumentError(
      `filter ${where} must be a string, number or boolean`,
      `filter.${where}`,
    );
  }
  return String(value);
}

/**
 * A filter as query parameters, by name: `{ '$name[startsWith]': 'Acme', '$stage[-equal]':
 * 'opt_1' }`. Names are encoded (but `$` and the operator's brackets), values are not: what an
 * openapi-fetch query takes, and what `serializeFilter` encodes.
 */
export function filterQuery(filter: Filter): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [field, condition] of Object.entries(filter)) {
    if (condition === undefined) continue;
    const key = encodeKey(field);
    if (typeof condition !== 'object' || condition === null) {
      query[key] = valueText(condition, field);
      continue;
    }
    for (const [op, value] of Object.entries(condition)) {
      if (value === undefined) continue;
      if (op === 'not') {
        if (typeof value !== 'object' || value === null)
          throw new InvalidArgumentError(
            `filter ${field}.not must be an object`,
            `filter.${field}.not`,
          );
        for (const [negated, v] of Object.entries(value)) {
          if (v === undefined) continue;
          if (!OPERATORS.has(negated))
            throw new InvalidArgumentError(
              `unknown filter operator ${field}.not.${negated}`,
              `filter.${field}.not.${negated}`,
            );
          query[`${key}[-${negated}]`] = valueText(v, `${field}.not.${negated}`);
        }
      } else if (OPERATORS.has(op)) {
        query[`${key}[${op}]`] = valueText(value, `${field}.${op}`);
      } else {
        throw new InvalidArgumentError(
          `unknown filter operator ${field}.${op}`,
          `filter.${field}.${op}`,
        );
      }
    }
  }
  return query;
}

/** Serializes a filter into the API's query form: `$name[startsWith]=Acme&$stage[-equal]=opt_1`. */
export function serializeFilter(filter: Filter): string[] {
  return Object.entries(filterQuery(filter)).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
}
