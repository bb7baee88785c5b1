import { InvalidArgumentError } from './errors.js';

const CRLF = /[\r\n]/;

/**
 * The `Idempotency-Key` of one call: the caller's, checked against the operation's longest key,
 * else a random one. Only operations that accept a key name it (`OperationInfo.idempotency`), so
 * an app none of whose calls takes one bundles none of this.
 */
export function idempotencyKey(given: string | undefined, maxLength: number): string {
  const key = given ?? crypto.randomUUID();
  if (key.length === 0 || key.length > maxLength || CRLF.test(key))
    throw new InvalidArgumentError(
      `idempotencyKey must be 1–${maxLength} characters without CR or LF`,
      'idempotencyKey',
    );
  return key;
}
