import { inspect } from 'node:util';
import { afterEach, expect, vi } from 'vitest';
import type { ClientOptions } from '../src/index.js';
import { API_KEY, loopback } from './helpers.js';
import { WidgetClient } from './widget/client.js';

/**
 * What the hardening tests share: loopback servers closed after each test (with stubbed globals,
 * env and mocks restored), a quiet client without rate limiting, and the key-leak checks.
 */
export function hardening() {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  /** A loopback server that is closed after the test. */
  async function server(handler: Parameters<typeof loopback>[0]) {
    const s = await loopback(handler);
    closers.push(s.close);
    return s;
  }
  /** A client of `baseUrl` that logs nothing and never waits on the rate limiter. */
  function client(baseUrl: string, options: ClientOptions = {}): WidgetClient {
    return new WidgetClient({
      apiKey: API_KEY,
      baseUrl,
      logLevel: 'off',
      rateLimit: false,
      ...options,
    });
  }
  return { server, client, views, expectNoKey };
}

/** Every way an error can be shown. */
export function views(error: unknown): string[] {
  const e = error as Error;
  return [
    e.message,
    e.stack ?? '',
    JSON.stringify(e),
    inspect(e, { depth: 10, showHidden: true }),
    String(e),
  ];
}

/** Fails if any of `texts` contains `key`. */
export function expectNoKey(texts: string[], key = API_KEY): void {
  for (const text of texts) expect(text).not.toContain(key);
}
