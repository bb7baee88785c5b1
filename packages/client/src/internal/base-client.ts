import type { Received } from '../core/api-promise.js';
import {
  APIConnectionTimeoutError,
  APIError,
  APIResponseError,
  APIUserAbortError,
  LightfieldError,
} from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { ClientOptions, RequestOptions } from '../core/options.js';
import type { RateLimiter } from '../core/rate-limiter.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readBody } from '../core/read-body.js';
import { redactDeep, redactResponseHeaders, secretRedactor, REDACTED } from '../core/redact.js';
import { retryDelay } from '../core/retry.js';
import { checkBaseUrl, checkClientOptions, checkHeaders } from '../core/validate.js';
import {
  apiKeyOf,
  browserAllowed,
  env,
  rateLimiter,
  SUGGEST,
  type Suggesting,
} from './client-setup.js';
import { connectionError, isRetryable, parseError, settle } from './failure.js';
import { VERSION } from '../core/version.js';
import { isLogLevel, levelLogger } from './level-logger.js';
import type { OperationInfo } from './operation.js';
import {
  prepareRequest,
  type CallDefaults,
  type CallInput,
  type PreparedRequest,
} from './prepare.js';
import { rawAccess, type RawAccess } from './raw-access.js';
import { senders } from './request.js';
import { sleep } from './sleep.js';

export type { CallInput } from './prepare.js';

// Names the organization a client is typed by (see `BaseClient`); a type, with no value.
declare const orgType: unique symbol;

/** What the generated client tells the runtime about its spec. */
export interface SpecDefaults {
  /** The spec's server. */
  baseUrl: string;
  /** Headers every request sends, e.g. `Lightfield-Version`. */
  headers: Readonly<Record<string, string>>;
  /** Requests per second by rate-limit category. */
  rateLimits: Readonly<Record<string, number>>;
}

const DEFAULT_TIMEOUT = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const TIMEOUT = Symbol('timeout');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');
// The rate limiter a client made by `withOptions` shares, under a key the option checks skip.
const LIMITER = Symbol('limiter');
type Shared = { [LIMITER]?: RateLimiter | undefined };

/**
 * The runtime behind every generated method: auth and version headers, retries with backoff,
 * timeouts, idempotency keys, rate limiting, typed errors and logging. `request` and
 * `requestPage` (`./request.ts`) send an operation on it.
 *
 * `Org` types the entities of the calls made on it; only the type checker sees it.
 */
export class BaseClient<Org = unknown> {
  /** Never set: it carries `Org`, so an operation function infers it from the client it is given. */
  declare readonly [orgType]?: Org;
  // `declare`d, as the constructor assigns them: no class field to emit.
  /** The API's base URL. */
  declare readonly baseUrl: string;
  /** Retries after a first failed attempt. */
  declare readonly maxRetries: number;
  /** Milliseconds one attempt may take. */
  declare readonly timeout: number;
  readonly #maxResponseBytes: number;
  readonly #redact: (text: string) => string;
  readonly #browser: boolean;
  readonly #log: Logger;
  readonly #debug: boolean;
  readonly #defaults: CallDefaults;
  readonly #limiter: RateLimiter | undefined;
  readonly #fetch: (input: Request | string, init?: RequestInit) => Promise<Response>;
  readonly #raw: RawAccess;
  /** The options as given, with the key and base URL resolved: what `withOptions` starts from. */
  readonly #options: ClientOptions;

  constructor(spec: SpecDefaults, options: ClientOptions = {}) {
    const { [SUGGEST]: suggest } = options as Suggesting;
    checkClientOptions(options as Record<string, unknown>, suggest);
    // The option checks of `rateLimit` run with the others, before the key's.
    const limiter = (options as Shared)[LIMITER] ?? rateLimiter(spec.rateLimits, options);
    const apiKey = apiKeyOf(options);
    this.#browser = browserAllowed(options);
    checkHeaders(options.defaultHeaders, 'defaultHeaders');
    this.#redact = secretRedactor(apiKey);
    this.baseUrl = checkBaseUrl(options.baseUrl ?? env('LIGHTFIELD_BASE_URL') ?? spec.baseUrl);
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.#maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const level = options.logLevel ?? env('LIGHTFIELD_LOG');
    const logLevel = isLogLevel(level) ? level : 'warn';
    this.#log = levelLogger(options.logger ?? console, logLevel);
    this.#debug = logLevel === 'debug';

    this.#limiter = limiter;
    this.#options = { ...options, apiKey, baseUrl: this.baseUrl };
    // The base headers (the key among them), keys lower-case, are on no property of this object.
    // Frozen: requests without headers of their own send this very object.
    const headers = Object.freeze(
      Object.fromEntries(
        Object.entries({
          Accept: 'application/json',
          'User-Agent': `lightfield-client-typescript/${VERSION}`,
          ...spec.headers,
          ...options.defaultHeaders,
          Authorization: `Bearer ${apiKey}`,
        }).map(([k, v]) => [k.toLowerCase(), v]),
      ),
    );
    this.#defaults = {
      baseUrl: this.baseUrl,
      headers,
      maxRetries: this.maxRetries,
      timeout: this.timeout,
      suggest,
    };
    // The global fetch is looked up per request, so mocks (msw) and polyfills installed after
    // the client was made still apply.
    const custom = options.fetch;
    this.#fetch = custom
      ? (input, init) => custom(input, init)
      : (input, init) => globalThis.fetch(input, init);
    this.#raw = {
      headers,
      // The raw client follows no redirect either: its Authorization stays on this origin.
      fetch: (request) => this.#fetch(request, { redirect: 'manual' }),
    };
    rawAccess.set(this, this.#raw);
    senders.set(this, { send: (op, input, opts) => this.#send(op, input, opts), log: this.#log });
  }

  /**
   * A client like this one with `options` changed, e.g. `client.withOptions({ maxRetries: 5 })`.
   * It keeps this client's key, base URL and other options, and shares its rate limit unless
   * `options` sets `rateLimit`, `apiKey` or `baseUrl`. Middleware added with `createRawClient`
   * stays with this client.
   */
  withOptions(options: ClientOptions): this {
    const own = 'rateLimit' in options || 'apiKey' in options || 'baseUrl' in options;
    const next: ClientOptions & Shared = { ...this.#options, ...options };
    if (!own) next[LIMITER] = this.#limiter;
    return new (this.constructor as new (options: ClientOptions) => this)(next);
  }

  async #send<T>(
    op: OperationInfo,
    input: CallInput,
    options: RequestOptions,
  ): Promise<Received<T>> {
    const req = prepareRequest(this.#defaults, op, input, options);
    for (let retry = 0; ; retry++) {
      // Waiting for the rate limit counts against the attempt's timeout; past it, the call fails.
      const wait = this.#limiter?.acquire(op.category, req.signal, undefined, req.timeout);
      if (wait) await wait;
      const started = this.#debug ? Date.now() : 0;
      const outcome = await this.#attempt<T>(req).catch(settle);
      const failed = outcome instanceof LightfieldError;
      const last = !failed || retry >= req.maxRetries || !isRetryable(outcome);
      if (this.#debug) {
        const ms = Date.now() - started;
        const headers = { ...this.#defaults.headers, ...req.headers };
        const { logAttempt } = await import('./debug-log.js');
        logAttempt(this.#log, req, outcome, headers, this.#safeHeaders, retry, ms, last);
      }
      if (!failed) return outcome;
      // The caller gets the error: logging it (but at debug) would print every handled 404.
      if (last) throw outcome;
      const delay = retryDelay(retry, outcome instanceof APIError ? outcome.headers : undefined);
      this.#log.warn(`${op.id}: retrying in ${Math.round(delay)} ms (${outcome.message})`);
      await sleep(delay, req.signal);
    }
  }

  /** One attempt, bounded by the call's timeout and signal. */
  async #attempt<T>(req: PreparedRequest): Promise<Received<T> | APIError> {
    const { signal } = req;
    if (signal?.aborted) throw new APIUserAbortError();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMEOUT), req.timeout);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await this.#exchange(req, controller.signal);
      const { category } = req.op;
      this.#limiter?.observe(category, response.headers, Date.now(), response.status, this.#log);
      return await this.#read<T>(req.op, response);
    } catch (error) {
      throw await this.#failure(error, controller.signal, req);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * One request and its response. Without middleware the methods call `fetch` with a URL and
   * init rather than through openapi-fetch: building a `Request` with a signal costs more than
   * the rest of a call, and `fetch` builds one anyway. With middleware (registered on the raw
   * client), the request goes through openapi-fetch, which runs it.
   */
  #exchange(req: PreparedRequest, signal: AbortSignal): Promise<Response> {
    const init = { ...req.init, signal };
    const send = this.#raw.send;
    return send ? send(req, init) : this.#fetch(req.url, init);
  }

  /** The body of a response: the typed data, or the error it describes. */
  async #read<T>(op: OperationInfo, response: Response): Promise<Received<T> | APIError> {
    const read = op.response?.read;
    const safe = this.#safeHeaders;
    const readText = () => readBody(response, this.#maxResponseBytes, safe);
    // A 204 has no body at all; other media types have their reader (`media.ts`).
    if (response.ok && (read || !response.body))
      return { data: (read && (await read(response, readText))) as T, response };
    const { status, headers } = response;
    const text = await readText();
    if (!response.ok)
      return APIError.generate(status, redactDeep(parseError(text), this.#redact), safe(headers));
    if (text === '')
      throw new APIResponseError(`${status} response has an empty body`, status, safe(headers));
    try {
      return { data: JSON.parse(text) as T, response };
    } catch (cause) {
      const message = `${status} response body is not valid JSON`;
      throw new APIResponseError(message, status, safe(headers), { cause });
    }
  }

  /** The error an attempt that threw ends with. */
  async #failure(
    error: unknown,
    signal: AbortSignal,
    req: PreparedRequest,
  ): Promise<LightfieldError> {
    if (error instanceof LightfieldError) return error;
    if (signal.aborted) {
      return signal.reason === TIMEOUT
        ? new APIConnectionTimeoutError(`Request timed out after ${req.timeout} ms.`)
        : new APIUserAbortError();
    }
    const reason = this.#redact(String((error as Error)?.message ?? error));
    const request = this.#redact(`${req.op.method} ${req.url}`);
    return connectionError(error, request, reason, this.#browser);
  }

  /** What `util.inspect` shows: the settings, never the key. */
  [INSPECT](): Record<string, unknown> {
    return {
      baseUrl: this.baseUrl,
      maxRetries: this.maxRetries,
      timeout: this.timeout,
      apiKey: REDACTED,
    };
  }

  /** What `JSON.stringify` shows: the settings, never the key. */
  toJSON(): Record<string, unknown> {
    return this[INSPECT]();
  }

  // Response headers kept on an error: a server that echoes Authorization must not put the key
  // into `util.inspect(error)`.
  readonly #safeHeaders = (headers: Headers): Headers =>
    redactResponseHeaders(headers, this.#redact);
}
