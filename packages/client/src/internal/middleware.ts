import openapiFetch, { type Client, type Middleware } from 'openapi-fetch';
import type { PreparedRequest } from './prepare.js';
import type { RawAccess } from './raw-access.js';

// The CommonJS build receives openapi-fetch's `exports` object as the default import (Node's
// interop for an ES module importing CommonJS), the ESM build its default export: take either.
const createClient: typeof openapiFetch =
  (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

/** `request()` of an openapi-fetch client, untyped: the methods' paths are checked already. */
type Untyped = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ response: Response; error?: unknown }>;

/** A method's call in flight: the response its middleware ended with. */
interface Slot {
  response?: Response;
}

// The methods' calls in flight, by the `params` object openapi-fetch hands every middleware.
const calls = new WeakMap<object, Slot>();

/**
 * The first middleware, so its `onResponse` runs last: it takes a method's final response before
 * openapi-fetch reads the body, so the size cap and the typed errors apply as without middleware.
 * Raw calls pass through it untouched.
 */
const capture: Middleware = {
  onResponse({ params, response }) {
    const slot = calls.get(params);
    if (!slot) return undefined;
    slot.response = response;
    // openapi-fetch returns a 204 without reading it.
    return new Response(null, { status: 204 });
  },
};

/** Sends a method's request through `raw`, whose middleware openapi-fetch runs. */
async function send(raw: Client<never>, req: PreparedRequest, init: RequestInit) {
  const slot: Slot = {};
  const params = { path: req.params.path ?? {}, query: req.params.query ?? {} };
  calls.set(params, slot);
  const path = req.search ? req.url.slice(0, -req.search.length - 1) : req.url;
  const { response, error } = await (raw.request as unknown as Untyped)(
    req.op.method,
    req.op.path,
    {
      ...init,
      params,
      parseAs: 'stream',
      bodySerializer: (body: unknown) => body,
      pathSerializer: () => path,
      querySerializer: () => req.search,
    },
  );
  if (slot.response) return slot.response;
  // An `onRequest` answered with a Response, which skips `onResponse`; openapi-fetch has read an
  // error's body by now.
  if (!response.bodyUsed) return response;
  const body = typeof error === 'string' ? error : JSON.stringify(error);
  const { status, statusText, headers } = response;
  return new Response(body, { status, statusText, headers });
}

/**
 * The openapi-fetch client of a client (one per client). The methods send through it while it
 * has middleware, so openapi-fetch's own runner runs that middleware for both.
 */
export function rawClient(baseUrl: string, access: RawAccess): Client<never> {
  const raw = createClient<never>({ baseUrl, fetch: access.fetch, headers: access.headers });
  raw.use(capture);
  const added: Middleware[] = [];
  const use = raw.use.bind(raw);
  const eject = raw.eject.bind(raw);
  const sync = () => {
    access.send = added.length ? (req, init) => send(raw, req, init) : undefined;
  };
  raw.use = (...middleware) => {
    // One at a time: openapi-fetch may refuse one after it has taken those before it.
    try {
      for (const m of middleware) {
        use(m);
        if (m) added.push(m);
      }
    } finally {
      sync();
    }
  };
  raw.eject = (...middleware) => {
    eject(...middleware);
    for (const m of middleware) if (added.includes(m)) added.splice(added.indexOf(m), 1);
    sync();
  };
  return raw;
}
