import { APIConnectionTimeoutError, APIUserAbortError } from './errors.js';
import type { Logger } from './logger.js';

// A little over a second, so that requests spaced by this window stay under a server that counts
// per second even when network jitter bunches their arrival.
const WINDOW_MS = 1020;
const MAX_PAUSE_MS = 60_000;
// The log keeps at most this many start times; a higher limit spaces requests evenly instead.
const MAX_LOG = 1024;

/** A queued request: called without an error at its turn, or with the error it gives up on. */
type Waiter = (error?: Error) => void;

interface Bucket {
  /** How many start times the log keeps: the limit rounded up, up to MAX_LOG. */
  size: number;
  /** The time one logged start holds its place: the window, scaled when the log is capped. */
  hold: number;
  /** Start times of the last `size` requests, oldest first; grows with use. */
  starts: number[];
  pausedUntil: number;
  queue: Waiter[];
  timer?: ReturnType<typeof setTimeout> | undefined;
}

/**
 * A token bucket per rate-limit category whose tokens come back one window after use: at most
 * `limit` requests start in any window, so a burst never exceeds the server's per-second limit.
 * Waiting requests queue in order and are released by one timer; a response that says none are
 * left (`X-RateLimit-Remaining: 0`) pauses the category until the server's reset.
 */
export class RateLimiter {
  readonly #buckets = new Map<string | undefined, Bucket>();

  /** `limits` are requests per second by category; `requestsPerSecond` replaces every one. */
  constructor(limits: Readonly<Record<string, number>>, requestsPerSecond?: number) {
    for (const [category, given] of Object.entries(limits)) {
      const limit = requestsPerSecond ?? given;
      // Whole starts: a limit of 0.5 logs one start, which holds its place for two windows.
      const size = Math.ceil(Math.min(limit, MAX_LOG));
      const hold = (WINDOW_MS * size) / limit;
      if (limit > 0)
        this.#buckets.set(category, { size, hold, starts: [], pausedUntil: 0, queue: [] });
    }
  }

  /** When the next request of the bucket may start. */
  #earliest(b: Bucket): number {
    return b.starts.length < b.size
      ? b.pausedUntil
      : Math.max(b.starts[0]! + b.hold, b.pausedUntil);
  }

  /** Logs a start, dropping the oldest once the log is full. */
  #take(b: Bucket, now: number): void {
    b.starts.push(now);
    if (b.starts.length > b.size) b.starts.shift();
  }

  /**
   * Resolves when a request of `category` may start; `undefined` when it may start now. A request
   * may wait at most `maxWait` ms: it rejects with `APIConnectionTimeoutError` at once when the
   * category is paused for longer, or when its turn has not come by then.
   */
  acquire(
    category: string | undefined,
    signal?: AbortSignal,
    now = Date.now(),
    maxWait = Infinity,
  ): Promise<void> | undefined {
    const b = this.#buckets.get(category);
    if (!b) return undefined;
    if (b.queue.length === 0 && this.#earliest(b) <= now) {
      this.#take(b, now);
      return undefined;
    }
    if (signal?.aborted) return Promise.reject(new APIUserAbortError());
    if (b.pausedUntil - now > maxWait) {
      return Promise.reject(
        new APIConnectionTimeoutError(
          `The ${category} rate limit is paused for ${b.pausedUntil - now} ms, longer than the ${maxWait} ms timeout.`,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const leave: Waiter = (error) => {
        b.queue.splice(b.queue.indexOf(leave), 1);
        signal?.removeEventListener('abort', onAbort);
        clearTimeout(timer);
        if (!error) return resolve();
        reject(error);
        this.#schedule(b);
      };
      const onAbort = () => leave(new APIUserAbortError());
      const timer = Number.isFinite(maxWait)
        ? setTimeout(() => {
            const message = `Waited ${maxWait} ms (the timeout) for the ${category} rate limit.`;
            leave(new APIConnectionTimeoutError(message));
          }, maxWait)
        : undefined;
      signal?.addEventListener('abort', onAbort, { once: true });
      b.queue.push(leave);
      this.#schedule(b);
    });
  }

  #schedule(b: Bucket): void {
    clearTimeout(b.timer);
    b.timer = b.queue.length
      ? setTimeout(() => this.#release(b), this.#earliest(b) - Date.now())
      : undefined;
  }

  /** Lets the waiters whose turn has come go, in order. */
  #release(b: Bucket): void {
    const now = Date.now();
    while (b.queue.length > 0 && this.#earliest(b) <= now) {
      this.#take(b, now);
      b.queue[0]!();
    }
    this.#schedule(b);
  }

  /**
   * Reads a response of `category`: after `X-RateLimit-Remaining: 0` or a 429, the category
   * pauses until `Retry-After`, else `X-RateLimit-Reset`, at most 60 s. Both are taken relative to
   * the response's `Date`, so a server clock ahead of ours can't stretch the pause. Returns the
   * pause in ms when it starts or lengthens one, and warns `log` of it.
   */
  observe(
    category: string | undefined,
    headers: Headers,
    now = Date.now(),
    status = 200,
    log?: Pick<Logger, 'warn'>,
  ): number | undefined {
    const b = this.#buckets.get(category);
    if (!b || (status !== 429 && headers.get('x-ratelimit-remaining') !== '0')) return undefined;
    const until = now + Math.min(serverWait(headers, status, now) ?? WINDOW_MS, MAX_PAUSE_MS);
    if (until <= b.pausedUntil) return undefined;
    b.pausedUntil = until;
    this.#schedule(b);
    // Why a later call waits, and how a test whose mock answers 429 keeps it from the next test.
    log?.warn(
      `${category} requests paused for ${until - now} ms by the rate limit; later calls wait (\`rateLimit: false\` turns this off, as tests want)`,
    );
    return until - now;
  }
}

/** Milliseconds the server asks for, measured on its own clock; undefined when it doesn't say. */
function serverWait(headers: Headers, status: number, now: number): number | undefined {
  const date = Date.parse(headers.get('date') ?? '');
  const serverNow = Number.isNaN(date) ? now : date;
  const after = status === 429 ? headers.get('retry-after') : null;
  if (after?.trim()) {
    const seconds = Number(after);
    const at = Number.isNaN(seconds) ? Date.parse(after) - serverNow : seconds * 1000;
    if (at >= 0) return at;
  }
  const reset = headers.get('x-ratelimit-reset');
  if (!reset?.trim()) return undefined;
  const at = Number(reset) * 1000 - serverNow;
  return at > 0 ? at : undefined;
}
