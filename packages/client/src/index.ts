/**
 * The Lightfield CRM API client.
 *
 * ```ts
 * import { Lightfield } from '@lightfield/client';
 * const client = new Lightfield(); // reads LIGHTFIELD_API_KEY
 * const opportunity = await client.opportunity.retrieve('opp_123');
 * ```
 *
 * Every method is also a function that takes the client first. An app that calls them on a
 * `LightfieldClient` (the client without resource properties) bundles only the operations it calls:
 *
 * ```ts
 * import { LightfieldClient, opportunityRetrieve } from '@lightfield/client';
 * const opportunity = await opportunityRetrieve(new LightfieldClient(), 'opp_123');
 * ```
 * @packageDocumentation
 */
// The runtime the generated code builds on (`BaseClient`, `OperationInfo`, the operation
// constants) lives in `internal/` and is not exported: only what a caller uses is.
export * from './generated/client.js';
export { spec } from './generated/spec.js';
export { APIPromise, type WithResponse } from './core/api-promise.js';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIResponseError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidArgumentError,
  LightfieldError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
  UploadError,
  type ErrorBody,
  type UploadStep,
} from './core/errors.js';
export type {
  Filter,
  FilterCondition,
  FilterOperator,
  FilterValue,
  OrgFilter,
  OrgQuery,
} from './core/filter.js';
export type { Logger, LogLevel } from './core/logger.js';
// The body encoders and response readers stay internal: generated code imports them directly.
export {
  toFile,
  type BinaryBody,
  type BinaryResponse,
  type MultipartBody,
  type Uploadable,
  type UploadData,
} from './core/media.js';
export type { ClientOptions, RequestOptions, UploadOptions } from './core/options.js';
export { Page, PagePromise, type ListBody } from './core/pagination.js';
export { withRateLimit } from './core/rate-limit.js';
export { VERSION } from './core/version.js';
// The type a `lightfield-fields` module checks itself against, so it needs only this package.
export type { OrgDefinitions } from '@lightfield/types';
export { Lightfield as default } from './generated/client.js';
