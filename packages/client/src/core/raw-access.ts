import type { Middleware } from 'openapi-fetch';

/** What `@lightfield/client/raw` needs from a client to send as it does. */
export interface RawAccess {
  /** Every request's headers, the `Authorization` among them. */
  headers: Record<string, string>;
  fetch: (request: Request) => Promise<Response>;
  /** The client's middleware so far. */
  middleware: Middleware[];
  /** The raw client made from it, if any; later `use()` calls reach it too. */
  raw?: { use(...middleware: Middleware[]): void };
}

/**
 * Per-client state for the raw entry. A WeakMap rather than a property, so the key stays on no
 * property of the client, and so the main entry never loads openapi-fetch.
 */
export const rawAccess = new WeakMap<object, RawAccess>();
