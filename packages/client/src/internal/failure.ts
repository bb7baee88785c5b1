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
 * The error of a request that got no response, worded by `./connection-message.ts`: what was sent
 * where (`request`; the URL holds no credentials, which the constructor refuses), the root cause's
 * code, and the failure's message (`reason`), both with the key removed. That module is loaded
 * only when a request fails so, and an app that never meets one does not fetch it; where it can't
 * be loaded (a browser gone offline), the error is the plain `Connection error.`. A browser hides
 * why fetch failed, and a CORS rejection fails the same way every time, so there it is not retried.
 */
export async function connectionError(
  error: unknown,
  request: string,
  reason: string,
  browser: boolean,
): Promise<APIConnectionError> {
  const worded = await import('./connection-message.js').then(
    (m) => m.connectionMessage(error, request, reason, browser),
    () => undefined,
  );
  const failure = new APIConnectionError(worded?.message, { cause: error });
  if (worded?.final) FINAL.add(failure);
  return failure;
}
