/**
 * The openapi-fetch client behind a {@link Lightfield} client, for endpoints or tweaks the
 * generated methods don't cover. It is a separate entry so the main one stays free of openapi-fetch.
 *
 * ```ts
 * import { Lightfield } from '@lightfield/client';
 * import { createRawClient, filterQuery } from '@lightfield/client/raw';
 * const raw = createRawClient(new Lightfield());
 * // The headers the client sends by itself (`Lightfield-Version`) are optional here.
 * const { data, error } = await raw.GET('/v1/opportunities/{id}', {
 *   params: { path: { id: 'opp_123' } },
 * });
 * // Middleware runs for the raw client's requests and the client's methods alike.
 * raw.use({ onRequest: ({ request }) => console.log(request.url) });
 * // Filters as the methods send them: `$name[startsWith]=Acme`, no hand-written keys.
 * const page = await raw.GET('/v1/opportunities', {
 *   params: { query: { limit: 5, ...filterQuery({ $name: { startsWith: 'Acme' } }) } },
 * });
 * ```
 * @packageDocumentation
 */
import type { Client } from 'openapi-fetch';
import type { paths } from '@lightfield/types';
import type { BaseClient } from './internal/base-client.js';
import { InvalidArgumentError } from './core/errors.js';
import { rawClient } from './internal/middleware.js';
import { rawAccess } from './internal/raw-access.js';
import type { SentHeader } from './generated/spec.js';

export type { Middleware } from 'openapi-fetch';
export { filterQuery } from './core/filter.js';

/** `T` with the keys `K` optional. */
type Optional<T, K extends PropertyKey> = Omit<T, K> & Partial<Pick<T, K & keyof T>>;

/** A `header` part that is optional once none of its keys is required. */
type HeaderPart<H> = Record<never, never> extends H ? { header?: H } : { header: H };

/** An operation's parameters with the headers the client sends optional. */
type LooseParams<P> = P extends { header?: infer H }
  ? Omit<P, 'header'> & HeaderPart<Optional<NonNullable<H>, SentHeader>>
  : P;

/** An operation whose caller need not pass the headers the client sends. */
type LooseOperation<Op> = Op extends { parameters: infer P }
  ? Omit<Op, 'parameters'> & { parameters: LooseParams<P> }
  : Op;

/**
 * The API's `paths` as the raw client takes them: the headers every request already carries
 * (`SentHeader`, the spec's constant headers such as `Lightfield-Version`) are optional.
 */
export type RawPaths = {
  [Path in keyof paths]: {
    [M in keyof paths[Path]]: M extends 'parameters'
      ? paths[Path][M]
      : LooseOperation<paths[Path][M]>;
  };
};

/** The openapi-fetch client over the API's `paths`, without the headers the client sends. */
export type RawClient = Client<RawPaths>;

/**
 * The openapi-fetch client that sends as `client` does: its base URL, `fetch`, auth and version
 * headers. One per client: calling this again returns the same one. Its `use()` middleware runs
 * for the client's methods too, through openapi-fetch's own runner. It has no retries, timeouts
 * or rate limiting: those belong to the generated methods.
 */
export function createRawClient(client: BaseClient): RawClient {
  const access = rawAccess.get(client);
  if (!access)
    throw new InvalidArgumentError('createRawClient needs a client made by this package');
  return (access.raw ??= rawClient(client.baseUrl, access)) as RawClient;
}
