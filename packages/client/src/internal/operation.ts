import type { Filter } from '../core/filter.js';
import type { BodyEncoder, ResponseReader } from '../core/media.js';
import type { StyleEncoder } from '../core/query-style.js';

/** A check on one query parameter, taken from the spec's schema, and how it is serialized. */
export interface ParamRule {
  type?: 'integer' | 'number' | 'string' | 'boolean';
  minimum?: number;
  maximum?: number;
  required?: boolean;
  /** An array or object parameter; a primitive one has none. */
  shape?: 'array' | 'object';
  /** An array or object parameter that takes a primitive too (`anyOf` branches), sent as is. */
  primitive?: true;
  /** Serializes an array or object parameter (`styled`); a primitive one has none. */
  encode?: StyleEncoder;
  /** The OpenAPI `style` where it isn't `form`: `spaceDelimited`, `pipeDelimited`, `deepObject`. */
  style?: string;
  /** `false` where an array or object does not explode (OpenAPI's default for `form` is `true`). */
  explode?: false;
}

/** Offset pagination: where the page size, offset, items and total are. */
export interface PageInfo {
  /** The query parameter of the page size, e.g. `limit`. */
  limit: string;
  /** The query parameter of the offset, e.g. `offset`. */
  offset: string;
  /** The response property holding the page's items, e.g. `data`. */
  items: string;
  /** The response property holding the total count, if the API gives one. */
  total?: string;
  /** The page size when the call gives none. */
  size?: number;
}

/** What the runtime needs to know of an operation; the generator writes one per operationId. */
export interface OperationInfo {
  /** `resource.method`, e.g. `opportunity.create`. */
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'TRACE';
  /** The path template, e.g. `/v1/opportunities/{id}`. */
  path: string;
  /** Path parameters, in the order the method takes them. */
  pathParams?: readonly string[];
  /** Checks on query parameters. */
  query?: Readonly<Record<string, ParamRule>>;
  /**
   * Checks the call's query against `query` and serializes it: `serializeQuery` (`query.ts`), on
   * every operation with query parameters or filters. An app none of whose calls takes a query
   * bundles no query code.
   */
  encodeQuery?: (op: OperationInfo, query: Record<string, unknown> | undefined) => string;
  /** The required header parameters, lower-case: the call gives them in `options.headers`. */
  headers?: readonly string[];
  /**
   * The request body's media type where it isn't `application/json`, and its encoder where it
   * isn't JSON (`multipart`, `form`, `text`, `binary` from `media.ts`).
   */
  body?: { type: string; encode?: BodyEncoder };
  /**
   * The success response where it isn't plain JSON: the media type the client accepts (a vendor
   * JSON type such as `application/vnd.api+json`, say) and its reader where it isn't JSON
   * (`readText`, `readBinary`, `readEmpty` from `media.ts`).
   */
  response?: { type?: string; read?: ResponseReader };
  /** The rate-limit category (`x-lightfield-rate-limit`). */
  category?: string;
  /**
   * The `Idempotency-Key`, where the operation accepts one: the longest key, and the function that
   * makes or checks the call's key (`idempotencyKey`, `idempotency-key.ts`). An app none of whose
   * calls takes a key bundles no key code.
   */
  idempotency?: {
    maxLength: number;
    key: (given: string | undefined, maxLength: number) => string;
  };
  /**
   * Serializes field filters (`x-lightfield-filter`), where the operation takes them:
   * `serializeFilter` (`filter.ts`).
   */
  filter?: (filter: Filter) => string[];
  /** Offset pagination, where the operation is a paginated list. */
  page?: PageInfo;
}
