import { InvalidArgumentError } from './errors.js';
import type { ClientOptions } from './options.js';
import { RateLimiter } from './rate-limiter.js';
import { checkCount, checkKeys, type Suggest } from './validate.js';
import { RATE_LIMITER, type Limited } from '../internal/client-setup.js';

/**
 * `options` with the client-side rate limiter, for a `LightfieldClient` (the client without
 * resources), which leaves it out so that an app that counts bytes pays for it only when it asks.
 * `Lightfield` has it on by default. The `rateLimit` option then works as on `Lightfield`:
 *
 * ```ts
 * const client = new LightfieldClient(withRateLimit({ rateLimit: { requestsPerSecond: 5 } }));
 * ```
 */
export function withRateLimit<T extends ClientOptions>(options?: T): T {
  const limited: T & Limited = { ...(options as T), [RATE_LIMITER]: makeRateLimiter };
  return limited;
}

/** The limiter the `rateLimit` option asks for, at the spec's `limits`; none for `false`. */
function makeRateLimiter(
  limits: Readonly<Record<string, number>>,
  option: unknown = true,
  suggest?: Suggest,
): RateLimiter | undefined {
  if (typeof option === 'object' && option !== null) {
    const rps = (option as { requestsPerSecond?: unknown }).requestsPerSecond;
    checkKeys(option, ['requestsPerSecond'], 'rateLimit', suggest);
    checkCount('rateLimit.requestsPerSecond', rps);
    if (rps === 0) throw new InvalidArgumentError('`rateLimit.requestsPerSecond` must be above 0');
    return new RateLimiter(limits, rps as number | undefined);
  }
  if (typeof option !== 'boolean')
    throw new InvalidArgumentError('`rateLimit` must be true, false or { requestsPerSecond }');
  return option ? new RateLimiter(limits) : undefined;
}
