import type { Middleware } from 'openapi-fetch';
import { APIPromise, type WithResponse } from './api-promise.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIResponseError,
  APIUserAbortError,
  LightfieldError,
  RedirectError,
} from './errors.js';
import { isLogLevel, levelLogger, type Logger } from './logger.js';
import type { EncodedBody } from './media.js';
import type { OperationInfo } from './operation.js';
import type { ClientOptions, RequestOptions } from './options.js';
import { Page, PagePromise } from './pagination.js';
import { serializeQuery } from './query.js';
import { RateLimiter } from './rate-limiter.js';
import { rawAccess, type RawAccess } from './raw-access.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readBody } from './read-body.js';
import {
  redactDeep,
  redactRequestHeaders,
  redactResponseHeaders,
  secretRedactor,
  REDACTED,
} from './redact.js';
import { retryDelay, shouldRetry } from './retry.js';
import { isBrowser } from './runtime.js';
import { sleep } from './sleep.js';
import {
  checkApiKey,
  checkBaseUrl,
  checkClientOptions,
  checkHeaders,
  checkRequestOptions,
} from './validate.js';
import { VERSION } from './version.js';

/** What the generated client tells the runtime about its spec. */
export interface SpecDefaults {
  /** The spec's server. */
  baseUrl: string;
  /** Headers every request sends, e.g. `Lightfield-Version`. */
  headers: Readonly<Record<string, string>>;
  /** Requests per second by rate-limit category. */
  rateLimits: Readonly<Record<string, number>>;
}

/** The inputs of one call, by where they go. */
export interface CallInput {
  path?: Record<string, unknown>;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
}

const DEFAULT_TIMEOUT = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const MAX_ID_LENGTH = 1024;
const TIMEOUT = Symbol('timeout');
const CRLF = /[\r\n]/;
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.[name];
  return value === '' ? undefined : value;
}

function isEmpty(record: Record<string, unknown>): boolean {
  for (const _ in record) return false;
  return true;
}

const PATH_PARTS = new Map<string, string[]>();

function pathParts(path: string): string[] {
  let parts = PATH_PARTS.get(path);
  if (!parts) PATH_PARTS.set(path, (parts = path.split(/\{([^}]+)\}/)));
  return parts;
}

// Errors that look retryable but are not worth another attempt (a CORS failure in a browser).
const FINAL = new WeakSet<Error>();

/**
 * The runtime behind every generated method: auth and version headers, retries with backoff,
 * timeouts, idempotency keys, rate limiting, typed errors and logging, on top of openapi-fetch.
 */
export class BaseClient {
  /** The API's base URL. */
  readonly baseUrl: string;
  /** Retries after a first failed attempt. */
  readonly maxRetries: number;
  /** Milliseconds one attempt may take. */
  readonly timeout: number;
  readonly #maxResponseBytes: number;
  readonly #redact: (text: string) => string;
  readonly #browser: boolean;
  readonly #log: Logger;
  readonly #debug: boolean;
  readonly #baseHeaders: Record<string, string>;
  readonly #wireHeaders: Record<string, string>;
  readonly #limiter: RateLimiter | undefined;
  readonly #fetch: (input: Request | string, init?: RequestInit) => Promise<Response>;
  readonly #middleware: Middleware[] = [];
  readonly #raw: RawAccess;

  constructor(spec: SpecDefaults, options: ClientOptions = {}) {
    checkClientOptions(options as Record<string, unknown>);
    const apiKey = options.apiKey ?? env('LIGHTFIELD_API_KEY');
    if (!apiKey) {
      throw new LightfieldError(
        'No API key: pass `apiKey` to the client or set the LIGHTFIELD_API_KEY environment variable.',
      );
    }
    checkApiKey(apiKey);
    this.#browser = isBrowser();
    if (this.#browser && options.dangerouslyAllowBrowser !== true) {
      throw new LightfieldError(
        'This looks like a browser, where the API key would be visible to anyone using the page. ' +
          'Call the API from a server, or pass `dangerouslyAllowBrowser: true` if the key may be exposed.',
      );
    }
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

    const rateLimit = options.rateLimit ?? true;
    if (rateLimit !== false) {
      const rps = typeof rateLimit === 'object' ? rateLimit.requestsPerSecond : undefined;
      const limits = Object.fromEntries(
        Object.entries(spec.rateLimits).map(([k, v]) => [k, rps ?? v]),
      );
      this.#limiter = new RateLimiter(limits);
    }

    // The base headers (the key among them) are on no property of this object.
    this.#baseHeaders = {
      Accept: 'application/json',
      'User-Agent': `lightfield-client-typescript/${VERSION}`,
      ...spec.headers,
      ...options.defaultHeaders,
      Authorization: `Bearer ${apiKey}`,
    };
    // Frozen: requests without headers of their own send this very object.
    this.#wireHeaders = Object.freeze(
      Object.fromEntries(Object.entries(this.#baseHeaders).map(([k, v]) => [k.toLowerCase(), v])),
    );
    // The global fetch is looked up per request, so mocks (msw) and polyfills installed after
    // the client was made still apply.
    const custom = options.fetch;
    this.#fetch = custom
      ? (input, init) => custom(input, init)
      : (input, init) => globalThis.fetch(input, init);
    this.#raw = {
      headers: this.#baseHeaders,
      // The raw client follows no redirect either: its Authorization stays on this origin.
      fetch: (request) => this.#fetch(request, { redirect: 'manual' }),
      middleware: this.#middleware,
    };
    rawAccess.set(this, this.#raw);
  }

  /**
   * Adds openapi-fetch middleware to every request: the methods', and those of the raw client from
   * `@lightfield/client/raw`, made before or after.
   */
  use(...middleware: Middleware[]): this {
    this.#middleware.push(...middleware);
    this.#raw.raw?.use(...middleware);
    return this;
  }

  /** Sends one operation; the generated methods call this. */
  protected request<T>(
    op: OperationInfo,
    input: CallInput,
    options?: RequestOptions,
  ): APIPromise<T> {
    return new APIPromise(this.#send<T>(op, input, options ?? {}));
  }

  /** Sends a paginated list operation; the result is awaitable and async-iterable. */
  protected requestPage<Item>(
    op: OperationInfo,
    input: CallInput,
    options?: RequestOptions,
  ): PagePromise<Item> {
    const page = op.page!;
    const query = input.query ?? {};
    const given = query[page.limit];
    const limit = typeof given === 'number' ? given : (page.size ?? 0);
    const fetchPage = (offset: number): PagePromise<Item> =>
      new PagePromise(
        this.#send<Record<string, unknown>>(
          op,
          { ...input, query: { ...query, [page.offset]: offset } },
          options ?? {},
        ).then(({ data, response }) => ({
          data: new Page<Item>(data, response, { offset, limit, page }, fetchPage),
          response,
        })),
      );
    const first = query[page.offset];
    return fetchPage(typeof first === 'number' ? first : 0);
  }

  async #send<T>(
    op: OperationInfo,
    input: CallInput,
    options: RequestOptions,
  ): Promise<WithResponse<T>> {
    // Every check runs before the first byte is sent.
    checkRequestOptions(options);
    const path = this.#pathParams(op, input.path);
    const search = serializeQuery(op, input.query);
    checkHeaders(options.headers, 'request');
    const headers: Record<string, string> = { ...options.headers };
    const given = Object.keys(headers).join().toLowerCase().split(',');
    for (const name of op.headers ?? [])
      if (!given.includes(name)) throw new LightfieldError(`${op.id}: header ${name} is required`);
    const media = op.body;
    const body: EncodedBody | undefined =
      input.body === undefined
        ? undefined
        : media?.encode
          ? media.encode(op.id, input.body, media.type)
          : { body: JSON.stringify(input.body), type: media?.type ?? 'application/json' };
    if (op.idempotencyKeyMaxLength !== undefined) {
      const key = options.idempotencyKey ?? crypto.randomUUID();
      if (key.length === 0 || key.length > op.idempotencyKeyMaxLength || CRLF.test(key)) {
        throw new LightfieldError(
          `idempotencyKey must be 1–${op.idempotencyKeyMaxLength} characters without CR or LF`,
        );
      }
      headers['Idempotency-Key'] = key;
    }
    // A POST without a key could run twice on the server, so it is never retried; nor is a
    // streamed body, which can't be sent twice.
    const retryable =
      (op.method === 'GET' || 'Idempotency-Key' in headers) &&
      !(body?.body instanceof ReadableStream);
    const maxRetries = retryable ? (options.maxRetries ?? this.maxRetries) : 0;
    const timeout = options.timeout ?? this.timeout;

    for (let retry = 0; ; retry++) {
      // Waiting for the rate limit counts against the attempt's timeout; past it, the call fails.
      const wait = this.#limiter?.acquire(op.category, options.signal, undefined, timeout);
      if (wait) await wait;
      const started = this.#debug ? Date.now() : 0;
      let outcome: WithResponse<T> | LightfieldError;
      try {
        outcome = await this.#attempt<T>(op, path, search, body, headers, timeout, options.signal);
      } catch (error) {
        if (error instanceof APIUserAbortError) throw error;
        outcome =
          error instanceof LightfieldError
            ? error
            : new APIConnectionError(undefined, { cause: error });
      }
      if (this.#debug) this.#logAttempt(op, outcome, retry, started, headers);
      if (!(outcome instanceof LightfieldError)) return outcome;

      if (retry >= maxRetries || !isRetryable(outcome)) {
        // The caller gets this error; logging it too would print every handled 404.
        this.#log.debug(`${op.id} failed: ${outcome.message}`);
        throw outcome;
      }
      const delay = retryDelay(retry, outcome instanceof APIError ? outcome.headers : undefined);
      this.#log.warn(`${op.id}: retrying in ${Math.round(delay)} ms (${outcome.message})`);
      await sleep(delay, options.signal);
    }
  }

  #logAttempt(
    op: OperationInfo,
    outcome: WithResponse<unknown> | LightfieldError,
    retry: number,
    started: number,
    headers: Record<string, string>,
  ): void {
    const status =
      outcome instanceof APIError
        ? outcome.status
        : 'response' in outcome
          ? outcome.response.status
          : 0;
    this.#log.debug(`${op.method} ${op.path} ${status || outcome.constructor.name}`, {
      operation: op.id,
      attempt: retry + 1,
      durationMs: Date.now() - started,
      headers: redactRequestHeaders({ ...this.#baseHeaders, ...headers }),
    });
  }

  async #attempt<T>(
    op: OperationInfo,
    path: Record<string, string> | undefined,
    search: string,
    body: EncodedBody | undefined,
    headers: Record<string, string>,
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<WithResponse<T> | APIError> {
    if (signal?.aborted) throw new APIUserAbortError();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMEOUT), timeout);
    const onAbort = signal && (() => controller.abort());
    if (onAbort) signal.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await this.#exchange(op, path, search, body, headers, controller.signal);
      const pause = this.#limiter?.observe(
        op.category,
        response.headers,
        Date.now(),
        response.status,
      );
      if (pause) this.#log.warn(`${op.category} requests paused for ${pause} ms by the rate limit`);
      const read = op.response?.read;
      const readText = () => readBody(response, this.#maxResponseBytes, this.#safeHeaders);
      // A 204 has no body at all; other media types have their reader (`media.ts`).
      if (response.ok && (read || !response.body))
        return { data: (read && (await read(response, readText))) as T, response };
      const text = await readText();
      if (!response.ok) {
        let error: unknown = text;
        try {
          error = JSON.parse(text);
        } catch {
          // Not JSON: an HTML page from a proxy, say; APIError describes it.
        }
        return APIError.generate(
          response.status,
          redactDeep(error, this.#redact),
          this.#safeHeaders(response.headers),
        );
      }
      if (text === '') {
        throw new APIResponseError(
          `${response.status} response has an empty body`,
          response.status,
          this.#safeHeaders(response.headers),
        );
      }
      try {
        return { data: JSON.parse(text) as T, response };
      } catch (cause) {
        throw new APIResponseError(
          `${response.status} response body is not valid JSON`,
          response.status,
          this.#safeHeaders(response.headers),
          { cause },
        );
      }
    } catch (error) {
      if (error instanceof LightfieldError) throw error;
      if (controller.signal.aborted) {
        throw controller.signal.reason === TIMEOUT
          ? new APIConnectionTimeoutError(`Request timed out after ${timeout} ms.`)
          : new APIUserAbortError();
      }
      const reason = this.#redact(String((error as Error)?.message ?? error));
      if (this.#browser && error instanceof TypeError) {
        // A browser hides why fetch failed; a CORS rejection fails the same way every time.
        const failure = new APIConnectionError(
          `Connection error: ${reason}. In a browser this is usually a CORS rejection (the API must allow this page's origin) or a network failure; it is not retried.`,
          { cause: error },
        );
        FINAL.add(failure);
        throw failure;
      }
      throw new APIConnectionError(`Connection error: ${reason}`, { cause: error });
    } finally {
      clearTimeout(timer);
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }

  /**
   * One request and its response. The methods call `fetch` with a URL and init rather than
   * through openapi-fetch: building a `Request` with a signal costs more than the rest of a call,
   * and `fetch` builds one anyway. Middleware from `use()` still runs, as openapi-fetch runs it.
   */
  #exchange(
    op: OperationInfo,
    path: Record<string, string> | undefined,
    search: string,
    body: EncodedBody | undefined,
    extra: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Response> {
    let url = this.baseUrl;
    if (path) {
      // The path split once per operation: even parts are literal, odd parts parameter names.
      const parts = pathParts(op.path);
      for (let i = 0; i < parts.length; i++)
        url += i % 2 ? encodeURIComponent(path[parts[i]!] ?? '') : parts[i];
    } else url += op.path;
    if (search) url += `?${search}`;
    // Lower-case keys merge like Headers would, without building one: fetch builds its own.
    let headers = this.#wireHeaders;
    const accept = op.response?.type;
    if (body || accept || !isEmpty(extra)) {
      headers = { ...headers };
      if (body?.type) headers['content-type'] = body.type;
      if (accept) headers['accept'] = accept;
      for (const name in extra) headers[name.toLowerCase()] = extra[name]!;
    }
    // Redirects come back as responses: fetch would follow them with the key and the
    // Idempotency-Key, and turn a POST into a GET elsewhere.
    const init: RequestInit = { method: op.method, headers, signal, redirect: 'manual' };
    if (body) {
      init.body = body.body;
      // A stream is sent as it is read: Node's fetch requires saying so; others ignore it.
      (init as { duplex?: string }).duplex = 'half';
    }
    if (this.#middleware.length === 0) return this.#fetch(url, init);
    return this.#withMiddleware(new Request(url, init), op, path, search);
  }

  async #withMiddleware(
    request: Request,
    op: OperationInfo,
    path: Record<string, string> | undefined,
    search: string,
  ): Promise<Response> {
    const id = Math.random().toString(36).slice(2, 11);
    const params = { path, query: Object.fromEntries(new URLSearchParams(search)) };
    const options = Object.freeze({ baseUrl: this.baseUrl, fetch: this.#fetch, parseAs: 'text' });
    const context = () => ({ request, schemaPath: op.path, params, options, id }) as never;
    let response: Response | undefined;
    for (const m of this.#middleware) {
      const result: unknown = await m.onRequest?.(context());
      if (result instanceof Request) request = result;
      else if (result instanceof Response) {
        response = result;
        break;
      }
    }
    if (!response) {
      try {
        response = await this.#fetch(request);
      } catch (error) {
        let failure: unknown = error;
        for (const m of [...this.#middleware].reverse()) {
          const result: unknown = await m.onError?.({
            ...(context() as object),
            error: failure,
          } as never);
          if (result instanceof Response) {
            response = result;
            break;
          }
          if (result instanceof Error) failure = result;
        }
        if (!response) throw failure;
      }
    }
    for (const m of [...this.#middleware].reverse()) {
      const result: unknown = await m.onResponse?.({ ...(context() as object), response } as never);
      if (result instanceof Response) response = result;
    }
    return response;
  }

  #pathParams(
    op: OperationInfo,
    values: Record<string, unknown> | undefined,
  ): Record<string, string> | undefined {
    if (!op.pathParams?.length) return undefined;
    const out: Record<string, string> = {};
    for (const name of op.pathParams) {
      const given = values?.[name];
      // A number or boolean is typed so by the spec's schema; it goes in the path as text.
      const scalar =
        (typeof given === 'number' && Number.isFinite(given)) || typeof given === 'boolean';
      const value = scalar ? String(given) : given;
      if (typeof value !== 'string' || value.trim() === '') {
        throw new LightfieldError(
          `${op.id}: \`${name}\` must be a non-empty string or a finite number, got ${JSON.stringify(given) ?? 'undefined'}`,
        );
      }
      // Percent-encoding keeps `/` inside the segment, but `.` and `..` would still move up the path.
      if (value === '.' || value === '..')
        throw new LightfieldError(`${op.id}: \`${name}\` can't be "${value}"`);
      if (value.length > MAX_ID_LENGTH) {
        throw new LightfieldError(
          `${op.id}: \`${name}\` is ${value.length} characters; the limit is ${MAX_ID_LENGTH}`,
        );
      }
      out[name] = value;
    }
    return out;
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

function isRetryable(error: LightfieldError): boolean {
  if (FINAL.has(error) || error instanceof RedirectError) return false;
  if (error instanceof APIError) return shouldRetry(error.status, error.headers);
  return error instanceof APIConnectionError;
}
