import { APIUserAbortError } from './errors.js';

// A little over a second, so that requests spaced by this window stay under a server that counts
// per second even when network jitter bunches their arrival.
const WINDOW_MS = 1020;
const MAX_PAUSE_MS = 60_000;
// The log keeps at most this many start times; a higher limit spaces requests evenly instead.
const MAX_LOG = 1024;

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

interface Bucket {
  /** How many start times the log keeps: the limit, up to MAX_LOG. */
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
      bucket = {
        size: Math.min(limit, MAX_LOG),
        hold: (WINDOW_MS * Math.min(limit, MAX_LOG)) / limit,
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

  /** Resolves when a request of `category` may start; `undefined` when it may start now. */
  acquire(
    category: string | undefined,
    signal?: AbortSignal,
    now = Date.now(),
  ): Promise<void> | undefined {
    const b = this.#bucket(category);
    if (!b) return undefined;
    if (b.queue.length === 0 && this.#earliest(b) <= now) {
      this.#take(b, now);
      return undefined;
    }
    if (signal?.aborted) return Promise.reject(new APIUserAbortError());
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          b.queue.splice(b.queue.indexOf(waiter), 1);
          reject(new APIUserAbortError());
          this.#schedule(b);
        },
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
      this.#take(b, now);
      waiter.resolve();
    }
    this.#schedule(b);
  }

  /** Reads `X-RateLimit-Remaining` and `-Reset` from a response of `category`. */
  observe(category: string | undefined, headers: Headers, now = Date.now()): void {
    if (headers.get('x-ratelimit-remaining') !== '0') return;
    const b = this.#bucket(category);
    if (!b) return;
    const reset = Number(headers.get('x-ratelimit-reset')) * 1000;
    const until =
      Number.isFinite(reset) && reset > now ? Math.min(reset, now + MAX_PAUSE_MS) : now + WINDOW_MS;
    if (until > b.pausedUntil) {
      b.pausedUntil = until;
      this.#schedule(b);
    }
  }
}
