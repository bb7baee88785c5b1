import { detectPagination, OPERATION_KINDS, type UnclassifiedOperation } from './classify.js';
import {
  deref,
  isObject,
  resolvePointer,
  unescapePointerSegment,
  type HttpMethod,
  type Json,
} from './json.js';
import { jsonMedia, mediaOf, optional, str } from './model-media.js';
import { carriedParams } from './model-params.js';
import type { OperationKind, ParamModel, ResponseModel } from './model-types.js';
import type { OperationName } from './naming.js';
import { readMembers } from './members.js';
import { readUpload } from './upload.js';

/** One operation of the document, before the model reads it. */
export interface RawOperation {
  op: Json;
  route: string;
  httpMethod: HttpMethod;
  params: ParamModel[];
  name: OperationName;
}

/**
 * The model of one operation, before it is classified. What HTTP can't carry is left out, with a
 * note: a header parameter with an illegal name, and a request body on a GET or HEAD (fetch
 * refuses to send one).
 */
export function operationOf(doc: Json, raw: RawOperation, notes: string[]): UnclassifiedOperation {
  const { op, route, httpMethod, name } = raw;
  const id = `${name.resource}.${name.method}`;
  const params = carriedParams(id, raw.params, notes);
  const responses = isObject(op['responses']) ? op['responses'] : {};
  const responseList: ResponseModel[] = Object.entries(responses).map(([status, r]) => ({
    status,
    media: mediaOf(doc, deref(doc, r)),
  }));
  const success = responseList.find((r) => /^2\d\d$/.test(r.status)) ?? {
    status: '200',
    media: [],
  };
  const body = requestBodyOf(doc, op, httpMethod, id, notes);
  const headerParams = params.filter((p) => p.in === 'header');
  const declared = str(op['x-lightfield-kind']);
  const idempotency = idempotencyOf(doc, op, headerParams);
  const partial: UnclassifiedOperation = {
    operationId: id,
    ...(typeof op['operationId'] === 'string' ? { specOperationId: op['operationId'] } : {}),
    resource: name.resource,
    method: name.method,
    httpMethod,
    path: route,
    ...optional('summary', str(op['summary'])),
    ...optional('description', str(op['description'])),
    pathParams: pathOrder(
      route,
      params.filter((p) => p.in === 'path'),
    ),
    queryParams: params.filter((p) => p.in === 'query'),
    headerParams,
    ...optional('requestBody', body),
    success: {
      status: success.status,
      ...optional('schema', jsonMedia(success.media)?.schema),
      media: success.media,
    },
    components: {
      ...optional('response', lastComponent(doc, responses[success.status], 'responses')),
      ...optional('requestBody', body && lastComponent(doc, op['requestBody'], 'requestBodies')),
    },
    responses: responseList,
    errorStatuses: Object.keys(responses)
      .filter((s) => /^[45]\d\d$/.test(s))
      .map(Number),
    ...optional('rateLimit', str(op['x-lightfield-rate-limit'])),
    ...optional('scope', scopeOf(op['x-lightfield-scope'])),
    filter: op['x-lightfield-filter'] === true,
    ...optional('idempotency', idempotency),
    idempotent: idempotency !== undefined,
    ...optional('upload', readUpload(op)),
    ...optional('members', readMembers(op)),
    ...(declared && (OPERATION_KINDS as string[]).includes(declared)
      ? { declaredKind: declared as OperationKind }
      : {}),
  };
  const pagination = detectPagination(doc, partial);
  return pagination ? { ...partial, pagination } : partial;
}

/** The request body, unless the method can't carry one (then a note says it was dropped). */
function requestBodyOf(
  doc: Json,
  op: Json,
  httpMethod: string,
  id: string,
  notes: string[],
): UnclassifiedOperation['requestBody'] {
  const body = deref(doc, op['requestBody']);
  const media = isObject(body) ? mediaOf(doc, body) : [];
  if (!isObject(body) || media.length === 0) return undefined;
  if (httpMethod === 'get' || httpMethod === 'head') {
    notes.push(
      `${id}: a ${httpMethod.toUpperCase()} request can't carry the body the spec declares; dropped`,
    );
    return undefined;
  }
  return {
    required: body['required'] === true,
    ...optional('schema', jsonMedia(media)?.schema),
    media,
  };
}

/** The component a `$ref` chain ends on, if each link is a `#/components/<kind>/<name>`. */
function lastComponent(doc: Json, node: unknown, kind: string): string | undefined {
  let name: string | undefined;
  const seen = new Set<string>();
  let current = node;
  while (isObject(current) && typeof current['$ref'] === 'string') {
    const match = new RegExp(`^#/components/${kind}/([^/]+)$`).exec(current['$ref']);
    if (!match || seen.has(match[1]!)) return undefined;
    name = unescapePointerSegment(match[1]!);
    seen.add(match[1]!);
    current = resolvePointer(doc, current['$ref']);
  }
  return name;
}

/** A declared `Idempotency-Key` header, or one the operation's description names. */
function idempotencyOf(
  doc: Json,
  op: Json,
  headers: ParamModel[],
): { header: string; maxLength: number } | undefined {
  const declared = headers.find((p) => p.name.toLowerCase() === 'idempotency-key');
  if (declared) {
    const schema = deref(doc, declared.schema);
    const max =
      isObject(schema) && typeof schema['maxLength'] === 'number' ? schema['maxLength'] : 255;
    return { header: declared.name, maxLength: max };
  }
  const prose = `${str(op['summary']) ?? ''} ${str(op['description']) ?? ''}`;
  return /\bIdempotency-Key\b/i.test(prose)
    ? { header: 'Idempotency-Key', maxLength: 255 }
    : undefined;
}

/** Path parameters in the order the path template names them. */
function pathOrder(route: string, params: ParamModel[]): ParamModel[] {
  const order = [...route.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  return [...params].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

/** `x-lightfield-scope`: one scope, or a list of scopes the key needs every one of. */
function scopeOf(raw: unknown): string | string[] | undefined {
  if (typeof raw === 'string') return raw;
  const list = Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : [];
  return list.length ? list : undefined;
}
