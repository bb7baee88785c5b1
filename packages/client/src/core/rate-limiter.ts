import { sleep } from './sleep.js';

// A little over a second, so that requests spaced by this window stay under a server that counts
// per second even when network jitter bunches their arrival.
const WINDOW_MS = 1020;
const MAX_PAUSE_MS = 60_000;

/**
 * A token bucket per rate-limit category whose tokens come back one window after use: at most
 * `limit` requests start in any window, so a burst never exceeds the server's per-second limit.
 * It also pauses a category when the server says none are left (`X-RateLimit-Remaining: 0`).
 */
export class RateLimiter {
  readonly #limits: Record<string, number>;
  readonly #sent = new Map<string, { times: number[]; next: number }>();
  readonly #pausedUntil = new Map<string, number>();

  constructor(limits: Record<string, number>) {
    this.#limits = limits;
  }

  /** Resolves when a request of `category` may start; `undefined` when it may start now. */
  acquire(
    category: string | undefined,
    signal?: AbortSignal,
    now = Date.now(),
  ): Promise<void> | undefined {
    const limit = category ? this.#limits[category] : undefined;
    if (!category || !limit) return undefined;
    let state = this.#sent.get(category);
    if (!state) {
      state = { times: new Array<number>(limit).fill(-Infinity), next: 0 };
      this.#sent.set(category, state);
    }
    // The slot used `limit` requests ago frees up one window after that request started.
    const oldest = state.times[state.next] ?? -Infinity;
    const start = Math.max(now, oldest + WINDOW_MS, this.#pausedUntil.get(category) ?? 0);
    state.times[state.next] = start;
    state.next = (state.next + 1) % limit;
    return start > now ? sleep(start - now, signal) : undefined;
  }

  /** Reads `X-RateLimit-Remaining` and `-Reset` from a response of `category`. */
  observe(category: string | undefined, headers: Headers, now = Date.now()): void {
    if (!category || headers.get('x-ratelimit-remaining') !== '0') return;
    const reset = Number(headers.get('x-ratelimit-reset')) * 1000;
    const until =
      Number.isFinite(reset) && reset > now ? Math.min(reset, now + MAX_PAUSE_MS) : now + WINDOW_MS;
    this.#pausedUntil.set(category, Math.max(until, this.#pausedUntil.get(category) ?? 0));
  }
}
