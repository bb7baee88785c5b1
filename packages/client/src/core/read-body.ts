import { APIResponseError } from './errors.js';

/** The default `maxResponseBytes`: 32 MiB, far above any page the API returns. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Makes the headers an error may keep. */
type SafeHeaders = (headers: Headers) => Headers;

function tooLarge(response: Response, max: number, detail: string, safe: SafeHeaders) {
  return new APIResponseError(
    `${response.status} response body ${detail} the ${max}-byte limit (maxResponseBytes)`,
    response.status,
    safe(response.headers),
  );
}

/**
 * The body as text, reading at most `max` bytes: past that the stream is cancelled and the call
 * rejects. A declared `Content-Length` over the limit is refused before reading. When the body is
 * not encoded, fetch holds it to its `Content-Length`, so a length within the limit is read whole;
 * a compressed or chunked body is counted as it streams in.
 */
export async function readBody(
  response: Response,
  max: number,
  safe: SafeHeaders,
): Promise<string> {
  const length = response.headers.get('content-length');
  const declared = length === null ? NaN : Number(length);
  if (declared > max) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(response, max, `declares ${declared} bytes, over`, safe);
  }
  const encoding = response.headers.get('content-encoding');
  if (declared >= 0 && (encoding === null || encoding === 'identity')) return response.text();
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    read += value.byteLength;
    if (read > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(response, max, 'passed', safe);
    }
    text += decoder.decode(value, { stream: true });
  }
}
