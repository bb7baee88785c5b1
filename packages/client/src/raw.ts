/**
 * The openapi-fetch client behind a {@link Lightfield} client, for endpoints or tweaks the
 * generated methods don't cover. It is a separate entry so the main one stays free of openapi-fetch.
 *
 * ```ts
 * import { Lightfield } from '@lightfield/client';
 * import { createRawClient } from '@lightfield/client/raw';
 * const raw = createRawClient(new Lightfield());
 * const { data, error } = await raw.GET('/v1/opportunities/{id}', {
 *   params: { path: { id: 'opp_123' }, header: { 'Lightfield-Version': '2026-03-01' } },
 * });
 * ```
 * @packageDocumentation
 */
import openapiFetch, { type Client } from 'openapi-fetch';
import type { paths } from '@lightfield/types';
import type { BaseClient } from './core/base-client.js';
import { LightfieldError } from './core/errors.js';
import { rawAccess } from './core/raw-access.js';

// The CommonJS build receives openapi-fetch's `exports` object as the default import (Node's
// interop for an ES module importing CommonJS), the ESM build its default export: take either.
const createClient: typeof openapiFetch =
  (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

/** The openapi-fetch client over the API's `paths`. */
export type RawClient = Client<paths>;

/**
 * The openapi-fetch client that sends as `client` does: its base URL, `fetch`, auth and version
 * headers, and its `use()` middleware (added before or after). One per client: calling this again
 * returns the same one. It has no retries, timeouts or rate limiting: those belong to the
 * generated methods.
 */
export function createRawClient(client: BaseClient): RawClient {
  const access = rawAccess.get(client);
  if (!access) throw new LightfieldError('createRawClient needs a client made by this package');
  if (access.raw) return access.raw as RawClient;
  const raw = createClient<paths>({
    baseUrl: client.baseUrl,
    fetch: access.fetch,
    headers: access.headers,
  });
  raw.use(...access.middleware);
  access.raw = raw;
  return raw;
}
