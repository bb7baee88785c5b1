import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  LightfieldError,
  RedirectError,
} from '../core/errors.js';
import { shouldRetry } from '../core/retry.js';

// How an attempt's failure becomes the error the caller gets, and whether it is retried.

// Errors that look retryable but are not worth another attempt (a CORS failure in a browser).
const FINAL = new WeakSet<Error>();

/** An attempt's outcome: a user abort ends the call, anything else may be retried. */
export function settle(error: unknown): LightfieldError {
  if (error instanceof APIUserAbortError) throw error;
  return error instanceof LightfieldError
    ? error
    : new APIConnectionError(undefined, { cause: error });
}

/** An error body as JSON where it parses; else the text (an HTML page from a proxy, say). */
export function parseError(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Whether another attempt may succeed where this one failed. */
export function isRetryable(error: LightfieldError): boolean {
  if (FINAL.has(error) || error instanceof RedirectError) return false;
  if (error instanceof APIError) return shouldRetry(error.status, error.headers);
  return error instanceof APIConnectionError;
}

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
 * The error of a request that got no response: what was sent where (`request`; the URL holds no
 * credentials, which the constructor refuses), the root cause's code, and the failure's message
 * (`reason`), both with the key removed. A browser hides why fetch failed, and a CORS rejection
 * fails the same way every time, so there it is not retried.
 */
export function connectionError(
  error: unknown,
  request: string,
  reason: string,
  browser: boolean,
): APIConnectionError {
  const code = rootCode(error);
  const what = `${request} failed${code ? ` with ${code}` : ''} (${reason})`;
  if (browser && error instanceof TypeError) {
    const failure = new APIConnectionError(
      `Connection error: ${what}. In a browser this is usually a CORS rejection (the API must allow this page's origin) or a network failure; it is not retried.`,
      { cause: error },
    );
    FINAL.add(failure);
    return failure;
  }
  return new APIConnectionError(`Connection error: ${what}`, { cause: error });
}
