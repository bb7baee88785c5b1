/** A check on one query parameter, taken from the spec's schema. */
export interface ParamRule {
  type?: 'integer' | 'number' | 'string' | 'boolean';
  minimum?: number;
  maximum?: number;
  required?: boolean;
}

/** What the runtime needs to know of an operation; the generator writes one per operationId. */
export interface OperationInfo {
  /** `resource.method`, e.g. `opportunity.create`. */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path template, e.g. `/v1/opportunities/{id}`. */
  path: string;
  /** Path parameters, in the order the method takes them. */
  pathParams?: readonly string[];
  /** Checks on query parameters. */
  query?: Readonly<Record<string, ParamRule>>;
  /** The rate-limit category (`x-lightfield-rate-limit`). */
  category?: string;
  /** The longest `Idempotency-Key` the operation accepts, where it accepts one. */
  idempotencyKeyMaxLength?: number;
  /** The operation takes field filters (`x-lightfield-filter`). */
  filter?: boolean;
  /** Offset pagination: the page size when the call gives none. */
  pageSize?: number;
}
