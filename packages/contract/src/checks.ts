import type { SpecModel } from '@lightfield/codegen';
import type { SpecValidator } from '@lightfield/codegen/validator';
import type { SpecOperation } from './operations.js';
import { isJson, locate } from './request.js';
import { isObject, nodeAt } from '@lightfield/codegen/json';

/** A response as the wire carried it, and the request that got it. */
export interface Seen {
  status: number;
  contentType: string;
  text: string;
  request: { url: URL; headers: Headers; contentType: string; hasBody: boolean };
}

export function mediaType(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';')[0]!.trim();
}

/**
 * Checks the request the client sent against the operation: a required body carried with a
 * declared media type, required query and header parameters present (the headers the client's
 * method takes).
 */
export function checkRequest(model: SpecModel, op: SpecOperation, seen: Seen): string | undefined {
  const doc = model.document;
  const body = nodeAt(doc, locate(doc, ['paths', op.path, op.httpMethod, 'requestBody']));
  const content = isObject(body) && isObject(body['content']) ? Object.keys(body['content']) : [];
  const { request } = seen;
  // A GET or HEAD can't carry a body (fetch refuses one): the generator drops it, with a note.
  const carries = op.httpMethod !== 'get' && op.httpMethod !== 'head';
  if (isObject(body) && body['required'] === true && carries && !request.hasBody)
    return `the client sent no request body; the spec requires ${content.join(' or ')}`;
  if (
    request.hasBody &&
    content.length &&
    !content.some((t) => mediaMatches(t, request.contentType))
  )
    return `the client sent a ${request.contentType || 'untyped'} body; the spec takes ${content.join(', ')}`;
  // A header the model drops (one OpenAPI ignores, such as Content-Type, or no legal name) is
  // left out with a note: no method takes it, so none can send it.
  const taken = new Set(op.model?.headerParams.map((p) => p.name.toLowerCase()));
  for (const p of op.params) {
    if (p['required'] !== true) continue;
    const name = String(p['name']);
    if (p['in'] === 'query' && !request.url.searchParams.has(name))
      return `the client did not send the required query parameter ${name}`;
    if (p['in'] === 'header' && taken.has(name.toLowerCase()) && !request.headers.has(name))
      return `the client did not send the required header ${name}`;
  }
  return undefined;
}

/** The documented response for a status: exact, then `4XX`-style, then `default`. */
export function responseKey(op: SpecOperation, status: number): string | undefined {
  const responses = isObject(op.raw['responses']) ? op.raw['responses'] : {};
  return [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
}

/**
 * Whether a media type the spec declares (`application/json; charset=utf-8`, `image/*`) admits
 * the one a message carries: type and subtype match, parameters aside (a server may send
 * `application/json` where the spec adds a charset, or the other way round).
 */
export function mediaMatches(declared: string, actual: string): boolean {
  const essence = (t: string) => t.split(';')[0]!.trim().toLowerCase().split('/');
  const [type, sub] = essence(declared);
  const [aType, aSub] = essence(actual);
  return (type === '*' || type === aType) && (sub === '*' || sub === aSub);
}

/** The JSON a text holds, or undefined when it holds none. */
function jsonOf(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** Statuses whose responses never carry a body (RFC 9110). */
const BODILESS = [204, 205, 304];

/** Checks a response against the spec's schema for the status returned. */
export function checkResponse(
  model: SpecModel,
  validator: SpecValidator,
  op: SpecOperation,
  seen: Seen,
): string | undefined {
  const doc = model.document;
  const key = responseKey(op, seen.status);
  if (!key) return `status ${seen.status} is not documented`;
  const base = locate(doc, ['paths', op.path, op.httpMethod, 'responses', key]);
  const content = nodeAt(doc, [...base, 'content']);
  // HTTP gives 204, 205 and 304 no body, whatever content the spec declares for them.
  if (BODILESS.includes(seen.status) && seen.text === '') return undefined;
  if (!isObject(content) || Object.keys(content).length === 0)
    return seen.text === '' ? undefined : `status ${seen.status} documents no body, got one`;
  const declared = Object.keys(content).find((t) => mediaMatches(t, seen.contentType));
  if (!declared)
    return `content-type "${seen.contentType}" is not one of ${Object.keys(content).join(', ')}`;
  const schemaKeys = locate(doc, [...base, 'content', declared, 'schema']);
  if (nodeAt(doc, schemaKeys) === undefined) return undefined;
  if (isJson(seen.contentType)) {
    let body: unknown;
    try {
      body = JSON.parse(seen.text);
    } catch {
      return 'the body is not JSON';
    }
    const problem = validator.check(schemaKeys, body);
    return problem && `the body does not match the schema: ${problem}`;
  }
  if (/^text\//i.test(seen.contentType)) {
    const problem = validator.check(schemaKeys, seen.text);
    // Text documented as structured data (an object under `text/plain`) is checked as its JSON.
    const parsed = problem ? jsonOf(seen.text) : undefined;
    if (parsed && !validator.check(schemaKeys, parsed.value)) return undefined;
    return problem && `the body does not match the schema: ${problem}`;
  }
  return undefined;
}
