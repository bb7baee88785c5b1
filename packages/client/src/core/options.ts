import type { Logger, LogLevel } from './logger.js';

/** Options of the client constructor. Every one is optional. */
export interface ClientOptions {
  /** The API key; defaults to the `LIGHTFIELD_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Defaults to `LIGHTFIELD_BASE_URL`, else the spec's server. */
  baseUrl?: string | undefined;
  /** Retries after the first attempt of a retryable failure. Default 2. */
  maxRetries?: number | undefined;
  /** Milliseconds one attempt may take before it is abandoned. Default 60 000. */
  timeout?: number | undefined;
  /**
   * The largest response body read, in bytes; a longer one rejects with `APIResponseError` and
   * is not retried. Default 32 MiB.
   */
  maxResponseBytes?: number | undefined;
  /** The `fetch` to send requests with; defaults to the global one. */
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string> | undefined;
  /** Where log lines go; defaults to `console`. */
  logger?: Logger | undefined;
  /** How much to log; defaults to `LIGHTFIELD_LOG`, else `warn`. */
  logLevel?: LogLevel | undefined;
  /**
   * Client-side rate limiting per category (Write, Read, Search), at the spec's limits. On by
   * default on `Lightfield`: after a 429 (or `X-RateLimit-Remaining: 0`) later calls of the
   * category wait until the reset, 1 s where the response gives none. `false` turns it off, as a
   * test client wants (a mocked 429 then slows no later test); `{ requestsPerSecond }` overrides
   * every category's limit. `LightfieldClient` leaves the limiter out (an app that counts bytes
   * asks for it): there this option needs `withRateLimit(options)`.
   */
  rateLimit?: boolean | { requestsPerSecond?: number } | undefined;
  /**
   * Allows the client in a browser, where the API key is visible to anyone who opens the page.
   * Off by default: in a browser the constructor then throws.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** Options of one call; each overrides the client's setting for that call only. */
export interface RequestOptions {
  /** Milliseconds one attempt may take. */
  timeout?: number | undefined;
  /** Retries after the first attempt. */
  maxRetries?: number | undefined;
  /** Aborts the call; it then rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call. */
  headers?: Record<string, string> | undefined;
  /**
   * The `Idempotency-Key` of a create or update. A random key is made per call and kept across
   * its retries; pass one to make your own retries safe too.
   */
  idempotencyKey?: string | undefined;
}

/**
 * Options of an upload (`client.file.upload()`, say), applied to each of its steps. There is no
 * `idempotencyKey`: each step that could run twice makes its own, kept across its retries.
 */
export type UploadOptions = Pick<RequestOptions, 'timeout' | 'maxRetries' | 'signal'>;
