import { InvalidArgumentError, LightfieldError } from '../core/errors.js';
import type { ClientOptions } from '../core/options.js';
import { RateLimiter } from '../core/rate-limiter.js';
import { isBrowser } from '../core/runtime.js';
import { checkApiKey } from '../core/validate.js';

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

/** The rate limiter the `rateLimit` option asks for, at the spec's limits; none for `false`. */
export function rateLimiter(
  spec: Readonly<Record<string, number>>,
  option: ClientOptions['rateLimit'] = true,
): RateLimiter | undefined {
  if (option === false) return undefined;
  return new RateLimiter(spec, typeof option === 'object' ? option.requestsPerSecond : undefined);
}
