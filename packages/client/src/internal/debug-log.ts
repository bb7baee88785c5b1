import type { Received } from '../core/api-promise.js';
import type { APIError, LightfieldError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { PreparedRequest } from './prepare.js';

// The debug line of an attempt. The client loads this module (`import()`) only when its log level
// is debug, so an app that never logs at debug does not load it. It imports no value: a bundler
// would otherwise split what it shares with the client into chunks of their own.

/**
 * Logs one attempt as one line of text: a logger that joins its arguments as strings (many do)
 * would print an object as `[object Object]`. `headers` are the request's headers, `safe` the
 * client's redaction of headers (credentials and the key replaced). After the `last` attempt of a
 * call that failed, a second line says so.
 */
export function logAttempt(
  log: Logger,
  req: PreparedRequest,
  outcome: Received<unknown> | LightfieldError,
  headers: Record<string, string>,
  safe: (headers: Headers) => Headers,
  retry: number,
  ms: number,
  last: boolean,
): void {
  const { op } = req;
  // An `APIError` has a body; the other errors are named by their class.
  const what =
    'response' in outcome
      ? outcome.response.status
      : `${'body' in outcome ? (outcome as APIError).status : outcome.name}: ${outcome.message}`;
  const shown = JSON.stringify(Object.fromEntries(safe(new Headers(headers))));
  log.debug(
    `${op.method} ${op.path} ${what} (${op.id}, attempt ${retry + 1}, ${ms} ms, headers ${shown})`,
  );
  if (last && !('response' in outcome)) log.debug(`${op.id} failed: ${outcome.message}`);
}
