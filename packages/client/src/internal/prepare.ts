import { InvalidArgumentError } from '../core/errors.js';
import type { EncodedBody } from '../core/media.js';
import type { OperationInfo } from './operation.js';
import type { RequestOptions } from '../core/options.js';
import { checkHeaders, checkRequestOptions, type Suggest } from '../core/validate.js';

/** The inputs of one call, by where they go. */
export interface CallInput {
  path?: Record<string, unknown>;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
}

/** What a call takes from its client when its options don't say. */
export interface CallDefaults {
  baseUrl: string;
  /** Every request's headers, keys lower-case; requests without headers of their own send it. */
  headers: Readonly<Record<string, string>>;
  maxRetries: number;
  timeout: number;
  /** The "did you mean" of misspelt request options, where the client has it. */
  suggest?: Suggest | undefined;
}

/** One call, checked and built once: what each of its attempts sends, and how. */
export interface PreparedRequest {
  op: OperationInfo;
  /** The full URL, query included. */
  url: string;
  /** The serialized query, without `?`; empty when there is none. */
  search: string;
  /** The call's path and query values: openapi-fetch's `params`, for middleware. */
  params: { path?: Record<string, string>; query?: Record<string, unknown> | undefined };
  /** Method, headers, body and `redirect: 'manual'`; each attempt adds its own signal. */
  init: RequestInit;
  /** The call's own headers (the Idempotency-Key among them), for the debug log. */
  headers: Record<string, string>;
  /** Milliseconds one attempt may take. */
  timeout: number;
  /** Retries after the first attempt: none where a retry could run a write twice. */
  maxRetries: number;
  /** The caller's signal. */
  signal: AbortSignal | undefined;
}

const MAX_ID_LENGTH = 1024;
// A parameter of a path template, `{id}`.
const PARAM = /\{([^}]+)\}/g;

/** Checks a call and builds its request. Every check runs before the first byte is sent. */
export function prepareRequest(
  defaults: CallDefaults,
  op: OperationInfo,
  input: CallInput,
  options: RequestOptions,
): PreparedRequest {
  checkRequestOptions(options, defaults.suggest);
  const path = pathParams(op, input.path);
  const search = op.encodeQuery?.(op, input.query) ?? '';
  const headers = callHeaders(op, options);
  const body = encodeBody(op, input.body);
  const { idempotency } = op;
  if (idempotency)
    headers['Idempotency-Key'] = idempotency.key(options.idempotencyKey, idempotency.maxLength);
  // A POST without a key could run twice on the server, so it is never retried; nor is a
  // streamed body, which can't be sent twice.
  const retryable =
    (op.method === 'GET' || 'Idempotency-Key' in headers) &&
    !(body?.body instanceof ReadableStream);
  // Redirects come back as responses: fetch would follow them with the key and the
  // Idempotency-Key, and turn a POST into a GET elsewhere.
  const init: RequestInit = {
    method: op.method,
    headers: wireHeaders(defaults.headers, op, body, headers),
    redirect: 'manual',
  };
  if (body) {
    init.body = body.body;
    // A stream is sent as it is read: Node's fetch requires saying so; others ignore it.
    (init as { duplex?: string }).duplex = 'half';
  }
  return {
    op,
    url: requestUrl(defaults.baseUrl, op.path, path, search),
    search,
    params: { path, query: input.query },
    init,
    headers,
    timeout: options.timeout ?? defaults.timeout,
    maxRetries: retryable ? (options.maxRetries ?? defaults.maxRetries) : 0,
    signal: options.signal,
  };
}

function pathParams(
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
      throw new InvalidArgumentError(
        `${op.id}: \`${name}\` must be a non-empty string or a finite number, got ${JSON.stringify(given) ?? 'undefined'}`,
        name,
      );
    }
    // Percent-encoding keeps `/` inside the segment, but `.` and `..` would still move up the path.
    if (value === '.' || value === '..')
      throw new InvalidArgumentError(`${op.id}: \`${name}\` can't be "${value}"`, name);
    if (value.length > MAX_ID_LENGTH) {
      throw new InvalidArgumentError(
        `${op.id}: \`${name}\` is ${value.length} characters; the limit is ${MAX_ID_LENGTH}`,
        name,
      );
    }
    out[name] = value;
  }
  return out;
}

/** The call's own headers, checked, with the operation's required ones present. */
function callHeaders(op: OperationInfo, options: RequestOptions): Record<string, string> {
  checkHeaders(options.headers, 'request');
  const headers: Record<string, string> = { ...options.headers };
  const given = Object.keys(headers).join().toLowerCase().split(',');
  for (const name of op.headers ?? [])
    if (!given.includes(name))
      throw new InvalidArgumentError(`${op.id}: header ${name} is required`, `headers.${name}`);
  return headers;
}

function encodeBody(op: OperationInfo, body: unknown): EncodedBody | undefined {
  if (body === undefined) return undefined;
  const media = op.body;
  return media?.encode
    ? media.encode(op.id, body, media.type)
    : { body: JSON.stringify(body), type: media?.type ?? 'application/json' };
}

function requestUrl(
  base: string,
  template: string,
  path: Record<string, string> | undefined,
  search: string,
): string {
  const url =
    base +
    (path
      ? template.replace(PARAM, (_, name: string) => encodeURIComponent(path[name] ?? ''))
      : template);
  return search ? `${url}?${search}` : url;
}

/** Lower-case keys merge like Headers would, without building one: fetch builds its own. */
function wireHeaders(
  base: Readonly<Record<string, string>>,
  op: OperationInfo,
  body: EncodedBody | undefined,
  extra: Record<string, string>,
): Readonly<Record<string, string>> {
  const accept = op.response?.type;
  if (!body && !accept && isEmpty(extra)) return base;
  const headers = { ...base };
  if (body?.type) headers['content-type'] = body.type;
  if (accept) headers['accept'] = accept;
  for (const name in extra) headers[name.toLowerCase()] = extra[name]!;
  return headers;
}

function isEmpty(record: Record<string, unknown>): boolean {
  for (const _ in record) return false;
  return true;
}
