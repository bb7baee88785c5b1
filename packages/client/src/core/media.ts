import { InvalidArgumentError } from './errors.js';

/** What a file part or a binary body may be: a `File`, a `Blob` or raw bytes. */
export type Uploadable = Blob | ArrayBuffer | ArrayBufferView;

/** The bytes of an upload (`client.file.upload()`, say): a string (sent as UTF-8), bytes or a `Blob`. */
export type UploadData = Uploadable | string;

/** A binary body: bytes, or a stream of them (streamed bodies are not retried). */
export type BinaryBody = Uploadable | ReadableStream<Uint8Array>;

/**
 * A binary download, unread: the `Response` itself. Read it with `.blob()`, `.arrayBuffer()` or
 * stream `.body`; the client buffers none of it, so `maxResponseBytes` does not apply.
 */
export type BinaryResponse = Response;

function isBytes(value: unknown): value is ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function isStream(value: unknown): value is ReadableStream {
  return typeof ReadableStream !== 'undefined' && value instanceof ReadableStream;
}

/**
 * A `File` to upload in a multipart body, from bytes, a string, a `Blob` or a `Response`.
 *
 * @example
 * ```ts
 * await client.file.upload({ file: await toFile(Buffer.from('a,b\n'), 'rows.csv', { type: 'text/csv' }) });
 * ```
 */
export async function toFile(
  data: Uploadable | string | Response,
  name: string,
  options: { type?: string } = {},
): Promise<File> {
  const part = data instanceof Response ? await data.blob() : data;
  const type = options.type ?? (part instanceof Blob ? part.type : '');
  return new File([part as BlobPart], name, { type });
}

/** The body as `fetch` sends it, and its `Content-Type` (none lets fetch choose). */
export interface EncodedBody {
  body: BodyInit;
  type: string | undefined;
}

/**
 * Encodes a body of one media type; throws before anything is sent when it can't. The generated
 * operations import only the encoders their spec uses, so a JSON-only client bundles none.
 */
export type BodyEncoder = (id: string, body: unknown, type: string) => EncodedBody;

function partValue(value: unknown): string | Blob {
  if (value instanceof Blob) return value;
  if (isBytes(value)) return new Blob([value as BlobPart]);
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function fields(id: string, body: unknown): [string, unknown][] {
  if (
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body) ||
    isBytes(body) ||
    body instanceof Blob
  )
    throw new InvalidArgumentError(`${id}: the body must be an object of fields`);
  return Object.entries(body).flatMap(([k, v]) =>
    v === undefined
      ? []
      : Array.isArray(v)
        ? v.map((item): [string, unknown] => [k, item])
        : [[k, v]],
  );
}

/** `multipart/form-data`: files and blobs as file parts, objects as JSON; fetch sets the boundary. */
export const multipart: BodyEncoder = (id, body) => {
  const form = new FormData();
  for (const [k, v] of fields(id, body)) {
    const part = partValue(v);
    if (typeof part === 'string') form.append(k, part);
    else form.append(k, part, (v as { name?: string }).name || k);
  }
  return { body: form, type: undefined };
};

/**
 * `multipart/form-data` whose schema is one file (a binary string), not an object of fields: the
 * body, a file or its text, as the part `file`.
 */
export const multipartFile: BodyEncoder = (id, body) => {
  if (typeof body !== 'string' && !(body instanceof Blob) && !isBytes(body))
    throw new InvalidArgumentError(`${id}: the body must be a Blob, bytes or a string`);
  const form = new FormData();
  const part = typeof body === 'string' ? new Blob([body]) : (partValue(body) as Blob);
  form.append('file', part, (body as { name?: string }).name || 'file');
  return { body: form, type: undefined };
};

/** `application/x-www-form-urlencoded`: arrays repeat their key; a string is sent as encoded. */
export const form: BodyEncoder = (id, body, type) => {
  if (typeof body === 'string') return { body, type };
  const params = new URLSearchParams();
  for (const [k, v] of fields(id, body)) params.append(k, partValue(v) as string);
  return { body: params, type };
};

/** A text media type, e.g. `text/csv`. */
export const text: BodyEncoder = (_id, body, type) => ({ body: String(body), type });

/** Raw bytes: a Blob, an ArrayBuffer, a typed array or a ReadableStream, sent as they are. */
export const binary: BodyEncoder = (id, body, type) => {
  if (!(body instanceof Blob) && !isBytes(body) && !isStream(body))
    throw new InvalidArgumentError(
      `${id}: the body must be a Blob, an ArrayBuffer, a Uint8Array or a ReadableStream`,
    );
  // A wildcard media type (`*/*`, `image/*`) takes the Blob's own type.
  return {
    body: body as BodyInit,
    type: type.includes('*')
      ? (body instanceof Blob && body.type) || 'application/octet-stream'
      : type,
  };
};

/**
 * Reads a success response of one media type; `text` reads the body as text, within
 * `maxResponseBytes`. The generated operations import only the readers their spec uses.
 */
export type ResponseReader = (response: Response, text: () => Promise<string>) => unknown;

/** A text media type (`text/csv`, …) as a string. */
export const readText: ResponseReader = (_response, text) => text();

/** A binary download, unread: the `Response` itself (see {@link BinaryResponse}). */
export const readBinary: ResponseReader = (response) => response;

/** An operation without a response body: `undefined`, whatever a server sends. */
export const readEmpty: ResponseReader = async (response) => {
  await response.body?.cancel();
};

/**
 * A multipart body: the spec's fields, with the file fields `K` (strings in the generated types)
 * taking a `File`, a `Blob` or bytes instead.
 */
export type MultipartBody<T, K extends keyof T> = {
  [P in keyof T]: P extends K
    ? NonNullable<T[P]> extends readonly unknown[]
      ? Uploadable[]
      : Uploadable
    : T[P];
};
