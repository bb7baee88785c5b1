/** A response body together with the `Response` it came from. */
export interface WithResponse<T> {
  data: T;
  response: Response;
}

/**
 * What every method returns: a promise of the typed body, which `withResponse()` turns into the
 * body and the raw `Response` (for the rate-limit headers, say).
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #result: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(result: Promise<WithResponse<T>>) {
    this.#result = result;
  }

  /** The body and the raw `Response`. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
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
