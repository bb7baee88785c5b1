import { APIPromise, type Received } from '../core/api-promise.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIResponseError,
  APIUserAbortError,
  InvalidArgumentError,
  LightfieldError,
  UploadError,
  type UploadStep,
} from '../core/errors.js';
import type { UploadData } from '../core/media.js';
import type { UploadOptions } from '../core/options.js';
import { readBody } from '../core/read-body.js';
import { retryDelay } from '../core/retry.js';
import type { BaseClient } from './base-client.js';
import { connectionError, isRetryable, parseError, settle } from './failure.js';
import { md5Hex } from './md5.js';
import type { OperationInfo } from './operation.js';
import { rawAccess } from './raw-access.js';
import { request, senders } from './request.js';
import { sleep } from './sleep.js';

// An upload session in three steps (the spec's `x-lightfield-upload`): the create answers where
// to PUT the bytes, the PUT goes there with the headers it gave and no credentials (it is not an
// API call), then the complete finalises it with the bytes' digest. Each step retries on its own,
// so a failed complete never sends the bytes again.

/** What the generated code tells the runtime about one upload session. */
export interface UploadInfo {
  /** The operation that starts the session. */
  create: OperationInfo;
  /** The operation that completes it; the session's id fills its last path parameter. */
  complete: OperationInfo;
  /** The create body's property the byte count goes in. */
  size: string;
  /** The create response's properties: where to PUT, the headers to send, the session's id. */
  url: string;
  headers?: string;
  id: string;
  /** The complete body's property the MD5 hex digest goes in, where it takes one. */
  checksum?: string;
}

// The most of a failed PUT's body read for its error: 64 KiB. A literal: esbuild kept `64 * 1024`
// in apps that bundle the built package and never upload.
const MAX_ERROR_BYTES = 65_536;

/** Runs the three steps of an upload on `client`; resolves with what the complete answers. */
export function upload<T>(
  client: BaseClient<unknown>,
  info: UploadInfo,
  data: UploadData,
  body: object,
  options: UploadOptions = {},
): APIPromise<T> {
  return new APIPromise(run<T>(client, info, data, body, options));
}

async function run<T>(
  client: BaseClient<unknown>,
  info: UploadInfo,
  data: UploadData,
  body: object,
  options: UploadOptions,
): Promise<Received<T>> {
  const bytes = await bytesOf(info.create.id, data);
  const digest = info.checksum ? await md5Hex(bytes) : undefined;
  const input = { body: { ...body, [info.size]: bytes.byteLength } };
  const answer = await step('create', undefined, () =>
    request<Record<string, unknown>>(client, info.create, input, options).withResponse(),
  );
  const session = sessionOf(info, answer);
  await step('put', session.id, () => put(client, session, bytes, options));
  const param = info.complete.pathParams?.at(-1) ?? 'id';
  const completion = {
    path: { [param]: session.id },
    body: info.checksum ? { [info.checksum]: digest } : {},
  };
  return step('complete', session.id, () =>
    request<T>(client, info.complete, completion, options).withResponse(),
  );
}

/** A step's failure as the `UploadError` that names it; a caller's abort stays as it is. */
async function step<T>(name: UploadStep, id: string | undefined, go: () => Promise<T>) {
  try {
    return await go();
  } catch (error) {
    if (error instanceof APIUserAbortError) throw error;
    const cause =
      error instanceof LightfieldError
        ? error
        : new APIConnectionError(undefined, { cause: error });
    throw new UploadError(name, id, cause);
  }
}

/** The bytes of the data; anything else is refused before a request is sent. */
async function bytesOf(id: string, data: UploadData): Promise<Uint8Array> {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (typeof Blob !== 'undefined' && data instanceof Blob)
    return new Uint8Array(await data.arrayBuffer());
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new InvalidArgumentError(`${id}: the data must be a string, bytes or a Blob`, 'data');
}

/** Where the session's bytes go, read from the create's answer. */
interface Session {
  id: string;
  url: string;
  headers: Record<string, string>;
}

function sessionOf(info: UploadInfo, { data, response }: Received<Record<string, unknown>>) {
  const id = data?.[info.id];
  const url = data?.[info.url];
  const headers = info.headers ? data?.[info.headers] : {};
  const ok =
    (typeof id === 'string' || typeof id === 'number') &&
    typeof url === 'string' &&
    typeof headers === 'object' &&
    headers !== null &&
    Object.values(headers).every((v) => typeof v === 'string');
  if (!ok) {
    const message = `${info.create.id} answered no ${info.id}, ${info.url}${info.headers ? ` or ${info.headers}` : ''} to upload with`;
    throw new UploadError(
      'create',
      undefined,
      new APIResponseError(message, response.status, new Headers()),
    );
  }
  return { id: String(id), url, headers: headers as Record<string, string> };
}

/** The URL without its query, which may hold a signature: what an error or log line shows. */
function shown(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** PUTs the bytes, retrying what may succeed another time; a PUT that succeeded is not repeated. */
async function put(
  client: BaseClient<unknown>,
  session: Session,
  bytes: Uint8Array,
  options: UploadOptions,
): Promise<void> {
  const fetch = rawAccess.get(client)?.fetch;
  if (!fetch) throw new InvalidArgumentError('an upload needs a client made by this package');
  // A relative URL is the API's own.
  const url = new URL(session.url, `${client.baseUrl}/`);
  const maxRetries = options.maxRetries ?? client.maxRetries;
  const timeout = options.timeout ?? client.timeout;
  for (let retry = 0; ; retry++) {
    const outcome = await attempt(fetch, url, session.headers, bytes, timeout, options.signal)
      .then(() => undefined)
      .catch(settle);
    if (!outcome) return;
    if (retry >= maxRetries || !isRetryable(outcome)) throw outcome;
    const delay = retryDelay(retry, outcome instanceof APIError ? outcome.headers : undefined);
    const log = senders.get(client)?.log;
    log?.warn(`PUT ${shown(url)}: retrying in ${Math.round(delay)} ms (${outcome.message})`);
    await sleep(delay, options.signal);
  }
}

/** One PUT, bounded by the timeout and the caller's signal: resolves when it succeeded. */
async function attempt(
  fetch: (request: Request) => Promise<Response>,
  url: URL,
  headers: Record<string, string>,
  bytes: Uint8Array,
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (signal?.aborted) throw new APIUserAbortError();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const init = { method: 'PUT', headers, body: bytes as BodyInit, signal: controller.signal };
    const response = await fetch(new Request(url, init));
    if (response.ok) return void (await response.body?.cancel());
    const text = await readBody(response, MAX_ERROR_BYTES, (h) => h).catch(() => '');
    throw APIError.generate(response.status, parseError(text), response.headers);
  } catch (error) {
    if (error instanceof LightfieldError) throw error;
    if (signal?.aborted) throw new APIUserAbortError();
    if (controller.signal.aborted)
      throw new APIConnectionTimeoutError(`PUT timed out after ${timeout} ms.`);
    const reason = String((error as Error)?.message ?? error);
    throw await connectionError(error, `PUT ${shown(url)}`, reason, false);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
