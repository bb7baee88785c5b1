import { objectSchema } from './classify.js';
import { deref, isObject, pathOperations, type Json } from './json.js';
import type { Example, MediaModel } from './model-types.js';

/** A string, or undefined for anything else. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `{ key: value }`, or `{}` when the value is undefined (for optional properties). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** How the runtime treats a media type. */
export function mediaFormat(type: string): MediaModel['format'] {
  const t = type.toLowerCase().split(';')[0]!.trim();
  if (t === 'application/json' || t.endsWith('+json') || t === '*/*') return 'json';
  if (t === 'multipart/form-data' || t.startsWith('multipart/')) return 'multipart';
  if (t === 'application/x-www-form-urlencoded') return 'form';
  if (t.startsWith('text/') || t === 'application/xml' || t.endsWith('+xml')) return 'text';
  return 'binary';
}

/** The media types of a request body or a response. */
export function mediaOf(doc: Json, node: unknown): MediaModel[] {
  if (!isObject(node) || !isObject(node['content'])) return [];
  return Object.entries(node['content']).map(([type, raw]) => {
    const media = deref(doc, raw);
    const schema = isObject(media) && isObject(media['schema']) ? media['schema'] : undefined;
    const format = mediaFormat(type);
    const files = format === 'multipart' ? fileFields(doc, schema) : [];
    const wholeFile =
      format === 'multipart' &&
      isFile(doc, schema) &&
      objectSchema(doc, schema)?.['type'] !== 'array';
    return {
      type,
      format,
      ...optional('schema', schema),
      ...(files.length ? { files } : {}),
      ...(wholeFile ? { wholeFile: true as const } : {}),
      ...optional('example', exampleOf(doc, media)),
    };
  });
}

/** Whether a schema carries a file: a binary string, or an array of them. */
function isFile(doc: Json, s: unknown): boolean {
  const n = objectSchema(doc, s);
  if (!n) return false;
  if (n['type'] === 'array') return isFile(doc, n['items']);
  return (
    n['format'] === 'binary' ||
    n['format'] === 'byte' ||
    typeof n['contentMediaType'] === 'string' ||
    typeof n['contentEncoding'] === 'string'
  );
}

/** The properties of a multipart schema that carry files: binary strings, or arrays of them. */
function fileFields(doc: Json, schema: unknown): string[] {
  const props = objectSchema(doc, schema)?.['properties'];
  return isObject(props) ? Object.keys(props).filter((k) => isFile(doc, props[k])) : [];
}

/** The JSON media type of a body, preferring `application/json` itself. */
export function jsonMedia(media: MediaModel[]): MediaModel | undefined {
  return (
    media.find((m) => m.type === 'application/json') ??
    media.find((m) => m.format === 'json' && m.type !== '*/*')
  );
}

/** `example`, or the first of `examples` (a map of Example objects, or a schema's array). */
export function exampleOf(doc: Json, holder: unknown): Example | undefined {
  if (!isObject(holder)) return undefined;
  if ('example' in holder) return { value: holder['example'] };
  const examples = holder['examples'];
  if (Array.isArray(examples) && examples.length > 0) return { value: examples[0] };
  if (isObject(examples)) {
    const first = deref(doc, Object.values(examples)[0]);
    if (isObject(first) && 'value' in first) return { value: first['value'] };
  }
  return undefined;
}

/** The inline bodies and responses of every operation, each with where it is, for a note. */
function contentHolders(doc: Json): [string, Json][] {
  return pathOperations(doc).flatMap(({ route, method, op }) => {
    const at = `${method.toUpperCase()} ${route}`;
    const responses = isObject(op['responses']) ? Object.entries(op['responses']) : [];
    return [
      [`${at} request body`, op['requestBody']] as [string, unknown],
      ...responses.map(([status, r]): [string, unknown] => [`${at} response ${status}`, r]),
    ].filter((h): h is [string, Json] => isObject(h[1]) && isObject(h[1]['content']));
  });
}

/**
 * The document with each blank media type of an inline body or response (`content: { '': ... }`,
 * which names none) read as any media type, and a note for each; the document itself when it
 * has none. Every target, the mock and the contract then read the same media type.
 */
export function repairBlankMedia(doc: Json): { document: Json; notes: string[] } {
  const blank = ([, h]: [string, Json]) => '' in (h['content'] as Json);
  if (!contentHolders(doc).some(blank)) return { document: doc, notes: [] };
  const document = structuredClone(doc);
  const notes: string[] = [];
  for (const [at, holder] of contentHolders(document).filter(blank)) {
    const content = holder['content'] as Json;
    if ('*/*' in content) continue;
    holder['content'] = Object.fromEntries(
      Object.entries(content).map(([type, media]) => [type === '' ? '*/*' : type, media]),
    );
    notes.push(`${at}: a blank media type names none; read as */*`);
  }
  return { document, notes };
}
