/**
 * JSON pointers (RFC 6901) and local `$ref`s: the one place that escapes and unescapes `~0`/`~1`.
 * Imported by the generators, the contract and release tools, and bundled into
 * `@lightfield/fixtures` (a build-time import, not a runtime dependency).
 */

/** Escapes one pointer segment: `~` becomes `~0`, then `/` becomes `~1`. */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Unescapes one pointer segment: `~1` becomes `/`, then `~0` becomes `~` (so `~01` is `~1`). */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Joins segments into a JSON pointer: `['paths', '/v1/x']` gives `/paths/~1v1~1x`; none gives `''`. */
export function pointerOf(...segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapePointerSegment(s)}`).join('');
}

/** Splits a JSON pointer into its unescaped segments: `/paths/~1v1` gives `['paths', '/v1']`. */
export function parsePointer(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map(unescapePointerSegment);
}

/**
 * The segments of a local reference such as `#/components/schemas/Opportunity`, or `undefined`
 * for a reference to another document. The fragment is a URI part, so each segment is
 * percent-decoded before it is unescaped (`%7E1` is `/`; a malformed `%` escape stays as written).
 */
export function parseRef(ref: string): string[] | undefined {
  if (!ref.startsWith('#')) return undefined;
  const fragment = ref.slice(1);
  if (fragment === '') return [];
  return fragment
    .split('/')
    .slice(1)
    .map((s) => unescapePointerSegment(percentDecode(s)));
}

/** A JSON pointer written as a URI fragment (without the `#`): each segment percent-encoded. */
export function fragmentOf(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${encodeURIComponent(escapePointerSegment(s))}`).join('');
}

function percentDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
