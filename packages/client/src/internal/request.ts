import { APIPromise, type Received } from '../core/api-promise.js';
import { InvalidArgumentError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { RequestOptions } from '../core/options.js';
import { Page, PagePromise } from '../core/pagination.js';
import type { OperationInfo } from './operation.js';
import type { CallInput } from './prepare.js';

// What the generated methods and operation functions call. They are functions, not methods of
// the client, so an app bundles only those its operations use: a client without a list call
// carries no pagination.

/** What `request` and `requestPage` use of a client: its private send and its log. */
export interface Sender {
  send<T>(op: OperationInfo, input: CallInput, options: RequestOptions): Promise<Received<T>>;
  log: Logger;
}

/** Each client's sender, registered by its constructor; no property of the client holds it. */
export const senders = new WeakMap<object, Sender>();

function send<T>(
  client: object,
  op: OperationInfo,
  input: CallInput,
  options: RequestOptions | undefined,
): Promise<Received<T>> {
  const sender = senders.get(client);
  // Rejected, not thrown: a call that can't be sent fails as one the API refuses does.
  return sender
    ? sender.send<T>(op, input, options ?? {})
    : Promise.reject(new InvalidArgumentError(`${op.id} needs a client made by this package`));
}

/** Sends one operation on `client`. */
export function request<T>(
  client: object,
  op: OperationInfo,
  input: CallInput,
  options?: RequestOptions,
): APIPromise<T> {
  return new APIPromise(send<T>(client, op, input, options));
}

/** Sends a paginated list operation; the result is awaitable and async-iterable. */
export function requestPage<Item>(
  client: object,
  op: OperationInfo,
  input: CallInput,
  options?: RequestOptions,
): PagePromise<Item> {
  const page = op.page!;
  const query = input.query ?? {};
  const given = query[page.limit];
  const limit = typeof given === 'number' ? given : (page.size ?? 0);
  const warn = (message: string) => senders.get(client)?.log.warn(`${op.id}: ${message}`);
  const fetchPage = (offset: number): PagePromise<Item> =>
    new PagePromise(
      send<Record<string, unknown>>(
        client,
        op,
        { ...input, query: { ...query, [page.offset]: offset } },
        options,
      ).then(({ data, response }) => ({
        data: new Page<Item>(data, response, { offset, limit, page, warn }, fetchPage),
        response,
      })),
    );
  // The first page starts at 0, or where the spec's offset starts (`minimum: 1`, a 1-based index).
  const first = query[page.offset];
  const start = Math.max(0, op.query?.[page.offset]?.minimum ?? 0);
  return fetchPage(typeof first === 'number' ? first : start);
}
