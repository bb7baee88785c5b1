import type { PreparedRequest } from './prepare.js';

/** What `@lightfield/client/raw` needs from a client to send as it does. */
export interface RawAccess {
  /** Every request's headers, the `Authorization` among them. */
  headers: Readonly<Record<string, string>>;
  fetch: (request: Request) => Promise<Response>;
  /** The raw client made from it, if any. */
  raw?: unknown;
  /**
   * Sends a method's request through the raw client, which runs its middleware; set while the
   * raw client has middleware, so without it the methods call `fetch` directly.
   */
  send?: (request: PreparedRequest, init: RequestInit) => Promise<Response>;
}

/**
 * Per-client state for the raw entry. A WeakMap rather than a property, so the key stays on no
 * property of the client, and so the main entry never loads openapi-fetch.
 */
export const rawAccess = new WeakMap<object, RawAccess>();
