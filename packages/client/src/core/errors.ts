import { brandErrorClasses, brandName, isBrandedInstance } from './error-brand.js';
import { headerNumber } from './header-number.js';

// Fields are `declare`d: each constructor assigns every one, in the order declared, so emitting
// them as class fields too would only add bytes to every bundle.

/**
 * The base class of every error the client throws. `instanceof` holds across the ESM and
 * CommonJS builds (see `error-brand.ts`).
 */
export class LightfieldError extends Error {
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    // The class's name as `brandErrorClasses` registers it (a subclass of yours takes the nearest
    // one): set once here rather than by each class, and kept when a consumer minifies the code.
    this.name = brandName(new.target) ?? 'LightfieldError';
  }

  /** Also true for an error thrown by the other build of the client. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBrandedInstance(this, value);
  }
}

/**
 * A call or client option refused before anything was sent, e.g. `limit: 50` where the spec allows
 * 1–25: the message names the parameter and what it accepts. A `BadRequestError` is the API's 400;
 * this one never reached the server, and is never retried.
 */
export class InvalidArgumentError extends LightfieldError {
  /** The parameter or option refused, e.g. `limit`, `filter.$name.startsWith` or `timeout`. */
  declare readonly param: string | undefined;
  constructor(message: string, param?: string) {
    super(message);
    this.param = param;
  }
}

/** The API's error body, read from `{ error: {…} }` or from the unwrapped form. */
export interface ErrorBody {
  type?: string;
  message?: string;
  code?: string;
  param?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readErrorBody(body: unknown): ErrorBody | undefined {
  const inner = isRecord(body) && isRecord(body['error']) ? body['error'] : body;
  if (!isRecord(inner)) return undefined;
  const out: ErrorBody = {};
  for (const k of ['type', 'message', 'code', 'param'] as const)
    if (typeof inner[k] === 'string') out[k] = inner[k];
  return Object.keys(out).length > 0 ? out : undefined;
}

function describeBody(status: number, body: unknown, parsed: ErrorBody | undefined): string {
  if (parsed?.message) return `${status} ${parsed.message}`;
  if (parsed?.type) return `${status} ${parsed.type}`;
  if (typeof body === 'string' && body.trim() !== '') {
    // An HTML error page from a proxy says nothing useful; name it instead of printing it.
    if (/^\s*</.test(body)) return `${status} status code (HTML body)`;
    return `${status} ${body.trim().slice(0, 200)}`;
  }
  return `${status} status code (no body)`;
}

/** The id the API gave a request (`X-Request-Id` or `Request-Id`), to quote when reporting it. */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;
}

/** An HTTP response with a non-2xx status. */
export class APIError extends LightfieldError {
  /** The HTTP status. */
  declare readonly status: number;
  /** The error type from the body, e.g. `not_found` or `idempotency_conflict`. */
  declare readonly type: string | undefined;
  /** The machine-readable reason of a 400, e.g. `unknown_field`. */
  declare readonly code: string | undefined;
  /** The request location the error is about, e.g. `fields.$name`. */
  declare readonly param: string | undefined;
  /** The response headers. */
  declare readonly headers: Headers;
  /** The parsed body (JSON where it parsed, else text). */
  declare readonly body: unknown;
  /** The request's id, where the API sent one (`X-Request-Id` or `Request-Id`). */
  declare readonly requestId: string | undefined;

  constructor(status: number, body: unknown, headers: Headers, message?: string) {
    const parsed = readErrorBody(body);
    super(message ?? describeBody(status, body, parsed));
    this.status = status;
    this.type = parsed?.type;
    this.code = parsed?.code;
    this.param = parsed?.param;
    this.headers = headers;
    this.body = body;
    this.requestId = requestIdOf(headers);
  }

  /** The subclass that matches a status. */
  static generate(status: number, body: unknown, headers: Headers, message?: string): APIError {
    const Class =
      STATUS_ERRORS[status] ??
      (status >= 500 ? InternalServerError : status < 400 ? RedirectError : APIError);
    return new Class(status, body, headers, message);
  }

  /**
   * JSON of the fields the status and message describe (`location` of a `RedirectError`
   * among them): the headers and body are left out.
   */
  toJSON(): Record<string, unknown> {
    const { headers: _, body: __, ...fields } = this;
    return { ...fields, message: this.message };
  }
}

/** 400: the request is malformed; `code` and `param` say why and where. */
export class BadRequestError extends APIError {}
/** 401: the API key is missing or invalid. */
export class AuthenticationError extends APIError {}
/** 403: the API key lacks the scope the operation needs. */
export class PermissionDeniedError extends APIError {}
/** 404: no entity has this id. */
export class NotFoundError extends APIError {}
/** 409: e.g. a request with the same idempotency key is still running. */
export class ConflictError extends APIError {}
/** 415: the body was not JSON. */
export class UnsupportedMediaTypeError extends APIError {}
/** 422: the request is well-formed but can't be applied. */
export class UnprocessableEntityError extends APIError {}

/** 429: the rate limit of the operation's category was exceeded. */
export class RateLimitError extends APIError {
  /** Seconds to wait, from `Retry-After`, if the response said. */
  get retryAfter(): number | undefined {
    return headerNumber(this.headers, 'retry-after');
  }
  /** `X-RateLimit-Limit`, `-Remaining` and `-Reset` (unix seconds), where present. */
  get rateLimit(): { limit?: number; remaining?: number; reset?: number } {
    const out: { limit?: number; remaining?: number; reset?: number } = {};
    for (const key of ['limit', 'remaining', 'reset'] as const) {
      const value = headerNumber(this.headers, `x-ratelimit-${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
}

/**
 * 3xx: the client follows no redirect, since fetch would turn a write into a GET to wherever the
 * `Location` points and send its headers along. `location` says where the server pointed; in a
 * browser, which hides both, `status` is 0 and `location` undefined.
 */
export class RedirectError extends APIError {
  /** The `Location` the response named, if it could be read. */
  declare readonly location: string | undefined;
  constructor(status: number, body: unknown, headers: Headers, message?: string) {
    const location = headers.get('location') ?? undefined;
    const what =
      status === 0
        ? 'A redirect (the browser hides its status and Location)'
        : `${status} redirect to ${location ?? '(no Location)'}`;
    super(
      status,
      body,
      headers,
      message ?? `${what}, which the client does not follow; check baseUrl.`,
    );
    this.location = location;
  }
}

/** 5xx: the API failed. */
export class InternalServerError extends APIError {}

const STATUS_ERRORS: Record<
  number,
  new (status: number, body: unknown, headers: Headers, message?: string) => APIError
> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  415: UnsupportedMediaTypeError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The request never got a response: DNS, refused or reset connection, or a body cut short. */
export class APIConnectionError extends LightfieldError {
  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An attempt took longer than the timeout. */
export class APIConnectionTimeoutError extends APIConnectionError {
  constructor(message = 'Request timed out.') {
    super(message);
  }
}

/** The caller's `AbortSignal` aborted the request. */
export class APIUserAbortError extends LightfieldError {
  constructor(message = 'Request was aborted.') {
    super(message);
  }
}

/** A 2xx response whose body is not the JSON the operation returns (empty, malformed or cut). */
export class APIResponseError extends LightfieldError {
  /** The HTTP status. */
  declare readonly status: number;
  /** The response headers. */
  declare readonly headers: Headers;
  constructor(message: string, status: number, headers: Headers, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
    this.headers = headers;
  }
}

/** The step of an upload that failed: the session's create, the PUT of the bytes, or its complete. */
export type UploadStep = 'create' | 'put' | 'complete';

/**
 * An upload (`client.file.upload()`, say) failed at one of its steps; `cause` is that step's
 * error (an `APIError`, a connection error, …). Each step was retried as far as it safely can
 * be, and a later step never runs an earlier one again: after a failed `complete`, call the
 * complete operation with `sessionId` rather than uploading again.
 */
export class UploadError extends LightfieldError {
  // Branded here rather than with the others below, which every client holds: an app that never
  // uploads then drops the class, and its brand with it (the call is pure but for the brand).
  static #brand = /* @__PURE__ */ brandErrorClasses({ UploadError: this });
  /** The step that failed. */
  declare readonly step: UploadStep;
  /** The session's id, once the create answered it. */
  declare readonly sessionId: string | undefined;
  constructor(step: UploadStep, sessionId: string | undefined, cause: LightfieldError) {
    const session = sessionId === undefined ? '' : ` (session ${sessionId})`;
    super(`Upload failed at ${step}${session}: ${cause.message}`, { cause });
    this.step = step;
    this.sessionId = sessionId;
  }
}

brandErrorClasses({
  LightfieldError,
  InvalidArgumentError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnsupportedMediaTypeError,
  UnprocessableEntityError,
  RateLimitError,
  RedirectError,
  InternalServerError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  APIResponseError,
});
