import { InvalidArgumentError } from './errors.js';
import { isLogLevel } from '../internal/level-logger.js';

const CRLF = /[\r\n]/;
// RFC 9110 token characters: what a header name may hold.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// What fetch refuses in a header value, besides CR and LF: NUL and anything above U+00FF.
const BAD_VALUE = /[\0\u0100-\uffff]/;
// A key is sent as `Bearer <key>`: printable ASCII without spaces is all it may hold. Whitespace at
// either end would be trimmed by fetch, so a key read with a trailing newline must fail loudly.
const KEY = /^[\x21-\x7e]+$/;
// setTimeout fires at once for longer delays.
const MAX_TIMEOUT = 2 ** 31 - 1;

const CLIENT_OPTIONS = [
  'apiKey',
  'baseUrl',
  'maxRetries',
  'timeout',
  'maxResponseBytes',
  'fetch',
  'defaultHeaders',
  'logger',
  'logLevel',
  'rateLimit',
  'dangerouslyAllowBrowser',
] as const;

const REQUEST_OPTIONS = ['timeout', 'maxRetries', 'signal', 'headers', 'idempotencyKey'] as const;

/** Refuses a key that no header can carry, without ever showing the key. */
export function checkApiKey(apiKey: unknown): asserts apiKey is string {
  if (typeof apiKey !== 'string') throw new InvalidArgumentError('`apiKey` must be a string.');
  if (KEY.test(apiKey)) return;
  const what = CRLF.test(apiKey)
    ? 'CR or LF'
    : /\s/.test(apiKey)
      ? 'whitespace'
      : 'a control or non-ASCII character';
  throw new InvalidArgumentError(
    `The API key contains ${what}, which an HTTP header can't carry; check how it was read.`,
  );
}

/** Refuses header names and values that fetch would reject or that could inject headers. */
export function checkHeaders(headers: Record<string, string> | undefined, where: string): void {
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = String(raw);
    if (CRLF.test(name) || CRLF.test(value)) {
      throw new InvalidArgumentError(
        `${where} header "${name.replace(/[\r\n]/g, ' ')}" contains CR or LF, which could inject headers`,
      );
    }
    if (!TOKEN.test(name))
      throw new InvalidArgumentError(`${where} header name "${name}" is invalid`);
    if (BAD_VALUE.test(value)) {
      throw new InvalidArgumentError(
        `${where} header "${name}" contains NUL or a character above U+00FF, which fetch refuses`,
      );
    }
  }
}

/**
 * The known option a misspelt key most likely meant, if any: `Lightfield` has one
 * (`withSuggestions`, `./suggest.ts`); a `LightfieldClient` lists the known options instead.
 */
export type Suggest = (key: string, known: readonly string[]) => string | undefined;

/**
 * Refuses a key of `options` that is not `known`, naming the known one it differs from only in
 * case, else the one `suggest` names, else every known one.
 */
export function checkKeys(
  options: object,
  known: readonly string[],
  what: string,
  suggest?: Suggest,
): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => k.toLowerCase() === key.toLowerCase()) ?? suggest?.(key, known);
    const hint = near ? `; did you mean \`${near}\`?` : `; known options: ${known.join(', ')}`;
    throw new InvalidArgumentError(`Unknown ${what} option \`${key}\`${hint}`, key);
  }
}

/** A bad option value as an error shows it: JSON for an object, else its text. */
function shown(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Refuses a value that is not a number from 0 to `max`, where one is given. */
export function checkCount(name: string, value: unknown, max = Number.MAX_SAFE_INTEGER): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new InvalidArgumentError(
      `\`${name}\` must be a finite number from 0 to ${max}, got ${shown(value)}`,
      name,
    );
  }
}

function checkNumbers(options: { timeout?: unknown; maxRetries?: unknown }): void {
  checkCount('timeout', options.timeout, MAX_TIMEOUT);
  checkCount('maxRetries', options.maxRetries);
  if (options.maxRetries !== undefined && !Number.isInteger(options.maxRetries))
    throw new InvalidArgumentError(
      `\`maxRetries\` must be an integer, got ${shown(options.maxRetries)}`,
    );
}

/** The checks on the constructor's options that need no environment. */
export function checkClientOptions(options: Record<string, unknown>, suggest?: Suggest): void {
  checkKeys(options, CLIENT_OPTIONS, 'client', suggest);
  checkNumbers(options);
  const { maxResponseBytes, logLevel } = options;
  checkCount('maxResponseBytes', maxResponseBytes);
  if (maxResponseBytes === 0) throw new InvalidArgumentError('`maxResponseBytes` must be above 0');
  if (logLevel !== undefined && !isLogLevel(logLevel)) {
    throw new InvalidArgumentError(
      `\`logLevel\` must be off, error, warn, info or debug, got ${shown(logLevel)}`,
    );
  }
}

// `scheme://userinfo@`: what a URL's credentials look like, parsable or not.
const USERINFO = /^([^:/?#]*:\/\/)[^/?#]*@/;

/**
 * The base URL without trailing slashes, once it is known to be an http(s) URL without
 * credentials. A refused one is shown with any `user:password@` replaced by `***@`.
 */
export function checkBaseUrl(baseUrl: string): string {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // Not a URL: refused below.
  }
  const shown = JSON.stringify(baseUrl.replace(USERINFO, '$1***@'));
  if (USERINFO.test(baseUrl) || url?.username || url?.password) {
    throw new InvalidArgumentError(
      `\`baseUrl\` must not carry credentials (user:password@): pass the API key as \`apiKey\`; got ${shown}`,
      'baseUrl',
    );
  }
  const http = url?.protocol === 'http:' || url?.protocol === 'https:';
  if (!url || !http || url.search || url.hash) {
    throw new InvalidArgumentError(
      `\`baseUrl\` must be an http or https URL without query or fragment, got ${shown}`,
      'baseUrl',
    );
  }
  return baseUrl.replace(/\/+$/, '');
}

/** The checks on one call's options. */
export function checkRequestOptions(options: object, suggest?: Suggest): void {
  checkKeys(options, REQUEST_OPTIONS, 'request', suggest);
  checkNumbers(options);
}
