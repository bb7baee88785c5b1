import { requestIdOf } from './errors.js';

/** A response body together with the `Response` it came from. */
export interface Received<T> {
  data: T;
  response: Response;
}

/** What `withResponse()` gives: the body, the `Response` and the request's id. */
export interface WithResponse<T> {
  /** The typed body. */
  data: T;
  /** The raw `Response`, its body already read. */
  response: Response;
  /** The id the API gave the request (`X-Request-Id` or `Request-Id`), where it sent one. */
  requestId: string | undefined;
}

/**
 * What every method returns: a promise of the typed body, which `withResponse()` turns into the
 * body, the raw `Response` (for the rate-limit headers, say) and the request's id.
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #result: Promise<Received<T>>;
  #data: Promise<T> | undefined;

  constructor(result: Promise<{ data: T; response: Response }>) {
    this.#result = result;
  }

  /** The body, the raw `Response` (its body already read) and the request's id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result.then((r) => ({ ...r, requestId: requestIdOf(r.response.headers) }));
  }

  #body(): Promise<T> {
    return (this.#data ??= this.#result.then((r) => r.data));
  }

  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    // One step from the response to the caller's callback: awaiting a call costs one hop less.
    return this.#result.then(
      onfulfilled ? (r) => onfulfilled(r.data) : (r) => r.data as unknown as A,
      onrejected,
    );
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#body().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#body().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}
