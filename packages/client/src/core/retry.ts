import { headerNumber } from './header-number.js';

/** Backoff bounds, in seconds. */
const INITIAL_DELAY = 0.5;
const MAX_DELAY = 8;
/** Server-requested waits above this are not honoured; backoff applies instead. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Whether a status is worth another attempt; `x-should-retry` from the server overrides. */
export function shouldRetry(status: number, headers: Headers): boolean {
  const hint = headers.get('x-should-retry');
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Milliseconds to wait before retry number `retry` (0-based): the server's `retry-after-ms` or
 * `Retry-After` (seconds or HTTP date) when within 0–60 s, else exponential backoff with jitter.
 */
export function retryDelay(
  retry: number,
  headers: Headers | undefined,
  now = Date.now(),
  random = Math.random,
): number {
  const fromServer = headers ? serverDelay(headers, now) : undefined;
  if (fromServer !== undefined) return fromServer;
  const backoff = Math.min(INITIAL_DELAY * 2 ** retry, MAX_DELAY);
  // Up to 25% less, so many clients failing together don't retry together.
  return backoff * (1 - random() * 0.25) * 1000;
}

function serverDelay(headers: Headers, now: number): number | undefined {
  const inRange = (ms: number | undefined) =>
    ms !== undefined && ms >= 0 && ms <= MAX_RETRY_AFTER_MS ? ms : undefined;
  const ms = inRange(headerNumber(headers, 'retry-after-ms'));
  if (ms !== undefined) return ms;
  const after = headers.get('retry-after');
  if (!after?.trim()) return undefined;
  const seconds = Number(after);
  // A date in the past means now; one that doesn't parse is NaN, out of range.
  return inRange(Number.isNaN(seconds) ? Math.max(0, Date.parse(after) - now) : seconds * 1000);
}
