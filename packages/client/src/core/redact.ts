/** What replaces a secret wherever the client would otherwise show it. */
export const REDACTED = '[redacted]';

/** Keys at least this long are random enough that any occurrence of them is the key. */
const MIN_SECRET_LENGTH = 16;

/** Header names whose values are credentials, whatever they hold. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A function that removes `secret` from text. A key long enough to be a secret is replaced
 * wherever it appears. A short one (a test key such as `k`) is replaced only where it stands as a
 * token: after `Bearer`, in quotes, or as the whole text, so that `unknown_field` survives a key
 * `k` and `fields.faketest` a key `test`.
 */
export function secretRedactor(secret: string): (text: string) => string {
  if (secret.length >= MIN_SECRET_LENGTH) {
    return (text) => text.split(secret).join(REDACTED);
  }
  const key = escapeRegExp(secret);
  const token = new RegExp(`(\\bbearer\\s+)${key}(?![\\w.~+/=-])|(["'\`])${key}\\2`, 'gi');
  return (text) =>
    text === secret
      ? REDACTED
      : text.replace(token, (_, bearer: string | undefined, quote: string | undefined) =>
          bearer ? `${bearer}${REDACTED}` : `${quote}${REDACTED}${quote}`,
        );
}

/** `value` with `redact` applied to every string in it, keys included; JSON-like values only. */
export function redactDeep(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[redact(k)] = redactDeep(v, redact);
  return out;
}

/** A copy of response headers safe to keep on an error: credentials and the key are replaced. */
export function redactResponseHeaders(headers: Headers, redact: (text: string) => string): Headers {
  const out = new Headers();
  headers.forEach((value, name) => {
    out.append(name, SECRET_HEADERS.has(name) ? REDACTED : redact(value));
  });
  return out;
}
