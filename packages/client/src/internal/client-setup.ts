import { InvalidArgumentError, LightfieldError } from '../core/errors.js';
import type { ClientOptions } from '../core/options.js';
import type { RateLimiter } from '../core/rate-limiter.js';
import { isBrowser } from '../core/runtime.js';
import { checkApiKey, type Suggest } from '../core/validate.js';

// What the client constructor reads from its options and the environment.

/** An environment variable, where there is a `process`; empty counts as unset. */
export function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.[name];
  return value === '' ? undefined : value;
}

/** The API key from the options or `LIGHTFIELD_API_KEY`, checked. */
export function apiKeyOf(options: ClientOptions): string {
  const apiKey = options.apiKey ?? env('LIGHTFIELD_API_KEY');
  if (!apiKey) {
    throw new InvalidArgumentError(
      'No API key: pass `apiKey` to the client or set the LIGHTFIELD_API_KEY environment variable.',
      'apiKey',
    );
  }
  checkApiKey(apiKey);
  return apiKey;
}

/** Whether this is a browser, where the key is exposed: only with `dangerouslyAllowBrowser`. */
export function browserAllowed(options: ClientOptions): boolean {
  const browser = isBrowser();
  if (browser && options.dangerouslyAllowBrowser !== true) {
    throw new LightfieldError(
      'This looks like a browser, where the API key would be visible to anyone using the page. ' +
        'Call the API from a server, or pass `dangerouslyAllowBrowser: true` if the key may be exposed.',
    );
  }
  return browser;
}

/**
 * Where `withRateLimit` (`../core/rate-limit.ts`) puts the limiter's maker in a client's options:
 * a client whose options lack it has no limiter, and its bundle no limiter code.
 */
export const RATE_LIMITER = Symbol.for('@lightfield/client.rateLimiter');

/** Options that carry the limiter's maker. */
export type Limited = {
  [RATE_LIMITER]?: (
    limits: Readonly<Record<string, number>>,
    option: unknown,
    suggest?: Suggest,
  ) => RateLimiter | undefined;
};

/**
 * Where `withSuggestions` (`../core/suggest.ts`) puts the "did you mean" of misspelt options: a
 * client whose options lack it lists the known options, and its bundle holds no edit distance.
 */
export const SUGGEST = Symbol('suggest');

/** Options that carry the suggestions. */
export type Suggesting = { [SUGGEST]?: Suggest };

/** The rate limiter the options ask for, at the spec's limits; none without `withRateLimit`. */
export function rateLimiter(
  limits: Readonly<Record<string, number>>,
  options: ClientOptions & Limited & Suggesting,
): RateLimiter | undefined {
  const { rateLimit } = options;
  const make = options[RATE_LIMITER];
  if (make) return make(limits, rateLimit, options[SUGGEST]);
  if (rateLimit === undefined || rateLimit === false) return undefined;
  throw new InvalidArgumentError(
    '`rateLimit` needs `withRateLimit(options)` on a client without resources (`Lightfield` has it)',
    'rateLimit',
  );
}
