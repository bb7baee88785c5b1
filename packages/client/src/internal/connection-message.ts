// The words of a connection error (`connectionError` in `./failure.ts`, which loads this module
// only when a request gets no response). It imports no value: a bundler would otherwise split what
// it shares with the client into chunks of their own.

/**
 * The `code` of the deepest error in a `cause` chain that has one (`ECONNREFUSED`,
 * `UND_ERR_SOCKET`): fetch hides it under `cause`, sometimes in an AggregateError.
 */
export function rootCode(error: unknown): string | undefined {
  let code: string | undefined;
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 8; depth++) {
    const { code: own, cause, errors } = e as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof own === 'string') code = own;
    e = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return code;
}

/**
 * The message of a request that got no response, and whether it is `final`: in a browser, a
 * failed fetch is usually a CORS rejection, which fails the same way every time.
 */
export function connectionMessage(
  error: unknown,
  request: string,
  reason: string,
  browser: boolean,
): { message: string; final: boolean } {
  const code = rootCode(error);
  const what = `${request} failed${code ? ` with ${code}` : ''} (${reason})`;
  const final = browser && error instanceof TypeError;
  const message = final
    ? `Connection error: ${what}. In a browser this is usually a CORS rejection (the API must allow this page's origin) or a network failure; it is not retried.`
    : `Connection error: ${what}`;
  return { message, final };
}
