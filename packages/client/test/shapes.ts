import type { ServerResponse } from 'node:http';
import { afterEach } from 'vitest';
import { type ClientOptions, type RequestOptions, withRateLimit } from '../src/index.js';
import { BaseClient, type CallInput } from '../src/internal/base-client.js';
import type { OperationInfo } from '../src/internal/operation.js';
import { request, requestPage } from '../src/internal/request.js';
import { serializeQuery } from '../src/core/query.js';
import { API_KEY, loopback, send, type Seen } from './helpers.js';

// Every operation shape the runtime handles, with hand-written OperationInfo, over a real socket:
// query styles, request media types, response media types, header parameters, pagination.
/** A client that calls hand-written OperationInfo, as generated methods do. */
export class Probe extends BaseClient {
  call<T>(op: OperationInfo, input: CallInput = {}, options?: RequestOptions) {
    return request<T>(this, op, input, options);
  }
  page<Item>(op: OperationInfo, input: CallInput = {}, options?: RequestOptions) {
    return requestPage<Item>(this, op, input, options);
  }
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A loopback handler. */
export type Handler = (req: Seen, res: ServerResponse, n: number) => unknown;
/** Answers 200 `{ ok: true }`. */
export const ok: Handler = (_req, res) => send(res, 200, { ok: true });

/** A loopback server closed after the test, and a Probe client of it. */
export async function setup(handler: Handler = ok, options: ClientOptions = {}) {
  const server = await loopback(handler);
  close = server.close;
  const client = new Probe(
    { baseUrl: server.url, headers: { 'Lightfield-Version': 'v1' }, rateLimits: { Write: 1 } },
    // With the rate limiter, as `Lightfield` has it: `{ rateLimit: true }` turns it on.
    withRateLimit({ apiKey: API_KEY, logLevel: 'off', rateLimit: false, ...options }),
  );
  return { client, seen: server.seen };
}

// A GET takes a query, as the codegen writes an operation with query parameters.
export const GET = { id: 'x.get', method: 'GET', path: '/x', encodeQuery: serializeQuery } as const;
/** A POST without a query. */
export const POST = { id: 'x.post', method: 'POST', path: '/x' } as const;

/** The body the server saw, parsed as the multipart or form body it is. */
export function formOf(seen: Seen): Promise<FormData> {
  return new Request('http://x', {
    method: 'POST',
    headers: { 'content-type': String(seen.headers['content-type']) },
    body: seen.body,
  }).formData();
}
