import { APIConnectionTimeoutError, APIUserAbortError } from './errors.js';

// A little over a second, so that requests spaced by this window stay under a server that counts
// per second even when network jitter bunches their arrival.
const WINDOW_MS = 1020;
const MAX_PAUSE_MS = 60_000;
// The log keeps at most this many start times; a higher limit spaces requests evenly instead.
const MAX_LOG = 1024;

interface Waiter {
  resolve: () => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
  /** Rejects the waiter once it has waited as long as it may. */
  timer: ReturnType<typeof setTimeout> | undefined;
}

interface Bucket {
  /** How many start times the log keeps: the limit rounded up, up to MAX_LOG. */
  size: number;
  /** The time one logged start holds its place: the window, scaled when the log is capped. */
  hold: number;
  /** Start times of the last `limit` requests; once full, a ring with the oldest at `next`. */
  starts: number[];
  next: number;
  pausedUntil: number;
  queue: Waiter[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * A token bucket per rate-limit category whose tokens come back one window after use: at most
 * `limit` requests start in any window, so a burst never exceeds the server's per-second limit.
 * Waiting requests queue in order and are released by one timer; a response that says none are
 * left (`X-RateLimit-Remaining: 0`) pauses the category until the server's reset.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #limits: Record<string, number>;

  constructor(limits: Record<string, number>) {
    this.#limits = limits;
  }

  #bucket(category: string | undefined): Bucket | undefined {
    if (!category) return undefined;
    let bucket = this.#buckets.get(category);
    const limit = this.#limits[category];
    if (!bucket && limit) {
      // Whole starts: a limit of 0.5 logs one start, which holds its place for two windows.
      const size = Math.ceil(Math.min(limit, MAX_LOG));
      bucket = {
        size,
        hold: (WINDOW_MS * size) / limit,
        // Grows with use, so a generous limit costs no memory up front.
        starts: [],
        next: 0,
        pausedUntil: 0,
        queue: [],
        timer: undefined,
      };
      this.#buckets.set(category, bucket);
    }
    return bucket;
  }

  /** When the next request of the bucket may start. */
  #earliest(b: Bucket): number {
    const oldest = b.starts.length < b.size ? -Infinity : (b.starts[b.next] ?? -Infinity);
    return Math.max(oldest + b.hold, b.pausedUntil);
  }

  #take(b: Bucket, now: number): void {
    if (b.starts.length < b.size) {
      b.starts.push(now);
      return;
    }
    b.starts[b.next] = now;
    b.next = (b.next + 1) % b.size;
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
    const b = this.#bucket(category);
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
      const leave = (error: Error) => {
        b.queue.splice(b.queue.indexOf(waiter), 1);
        signal?.removeEventListener('abort', waiter.onAbort);
        clearTimeout(waiter.timer);
        reject(error);
        this.#schedule(b);
      };
      const waiter: Waiter = {
        resolve,
        signal,
        onAbort: () => leave(new APIUserAbortError()),
        timer: Number.isFinite(maxWait)
          ? setTimeout(
              () =>
                leave(
                  new APIConnectionTimeoutError(
                    `Waited ${maxWait} ms (the timeout) for the ${category} rate limit.`,
                  ),
                ),
              maxWait,
            )
          : undefined,
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      b.queue.push(waiter);
      this.#schedule(b);
    });
  }

  #schedule(b: Bucket): void {
    if (b.timer !== undefined) clearTimeout(b.timer);
    b.timer = undefined;
    if (b.queue.length === 0) return;
    b.timer = setTimeout(() => this.#release(b), Math.max(0, this.#earliest(b) - Date.now()));
  }

  #release(b: Bucket): void {
    b.timer = undefined;
    const now = Date.now();
    while (b.queue.length > 0 && this.#earliest(b) <= now) {
      const waiter = b.queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      clearTimeout(waiter.timer);
      this.#take(b, now);
      waiter.resolve();
    }
    this.#schedule(b);
  }

  /**
   * Reads a response of `category`: after `X-RateLimit-Remaining: 0` or a 429, the category
   * pauses until `Retry-After`, else `X-RateLimit-Reset`, at most 60 s. Both are taken relative to
   * the response's `Date`, so a server clock ahead of ours can't stretch the pause. Returns the
   * pause in ms when it starts or lengthens one.
   */
  observe(
    category: string | undefined,
    headers: Headers,
    now = Date.now(),
    status = 200,
  ): number | undefined {
    if (status !== 429 && headers.get('x-ratelimit-remaining') !== '0') return undefined;
    const b = this.#bucket(category);
    if (!b) return undefined;
    const wait = serverWait(headers, status, now);
    const until = now + (wait === undefined ? WINDOW_MS : Math.min(wait, MAX_PAUSE_MS));
    if (until <= b.pausedUntil) return undefined;
    b.pausedUntil = until;
    this.#schedule(b);
    return until - now;
  }
}

/** Milliseconds the server asks for, measured on its own clock; undefined when it doesn't say. */
function serverWait(headers: Headers, status: number, now: number): number | undefined {
  const date = Date.parse(headers.get('date') ?? '');
  const serverNow = Number.isNaN(date) ? now : date;
  const after = status === 429 ? headers.get('retry-after') : null;
  if (after !== null && after.trim() !== '') {
    const seconds = Number(after);
    const at = Number.isNaN(seconds) ? Date.parse(after) - serverNow : seconds * 1000;
    if (at >= 0) return at;
  }
  const reset = headers.get('x-ratelimit-reset');
  if (reset === null || reset.trim() === '') return undefined;
  const at = Number(reset) * 1000 - serverNow;
  return at > 0 ? at : undefined;
}
