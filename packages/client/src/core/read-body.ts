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
 * rejects. Bytes are counted as they stream in, after decompression, so neither a lying
 * `Content-Length` nor a compressed bomb gets past; a declared length over the limit is refused
 * before reading.
 */
export async function readBody(
  response: Response,
  max: number,
  safe: SafeHeaders,
): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) {
    await response.body?.cancel();
    throw tooLarge(response, max, `declares ${declared} bytes, over`, safe);
  }
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
      await reader.cancel();
      throw tooLarge(response, max, 'passed', safe);
    }
    text += decoder.decode(value, { stream: true });
  }
}
