import {
  classify,
  detectPagination,
  extensionNotes,
  groupResources,
  objectSchema,
  OPERATION_KINDS,
  type UnclassifiedOperation,
} from './classify.js';
import { operationName, type OperationName } from './naming.js';
import { HTTP_METHODS, deref, isObject } from './rules.js';
import type { Json } from './json.js';

/** How a parameter's value is shaped, after `$ref`s: what decides its serialization. */
export type ParamShape = 'primitive' | 'array' | 'object';

/** A parameter of an operation, resolved from any `$ref`. */
export interface ParamModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  schema: Json;
  /** The serialization style, with OpenAPI's default filled in (`form` for query, else `simple`). */
  style: string;
  /** Whether arrays and objects explode, with OpenAPI's default filled in. */
  explode: boolean;
  shape: ParamShape;
  /** For a primitive: its type, bounds and string values, after `$ref`s. */
  type?: 'integer' | 'number' | 'string' | 'boolean';
  minimum?: number;
  maximum?: number;
  enum?: string[];
  /** The spec's example: the parameter's `example` or first `examples`, else its schema's. */
  example?: Example;
}

/** A value the spec gives as an example (wrapped, so an example of `null` is one too). */
export interface Example {
  value: unknown;
}

/** One media type of a request or response body, e.g. `multipart/form-data`. */
export interface MediaModel {
  /** The media type as the spec writes it, e.g. `application/json`, `text/csv`, `image/*`. */
  type: string;
  /** How the runtime encodes or decodes it. */
  format: 'json' | 'multipart' | 'form' | 'text' | 'binary';
  schema?: Json;
  /** For multipart: the properties that carry files (`format: binary`, or arrays of them). */
  files?: string[];
  /** The media type's `example`, or the first of its `examples`. */
  example?: Example;
}

/** A documented response: its status and the media types its body may have (none for 204). */
export interface ResponseModel {
  /** `200`, `204`, `4XX`, `default`, … as the spec writes it. */
  status: string;
  media: MediaModel[];
}

/** Offset pagination, detected from the response shape and the query parameters. */
export interface PaginationModel {
  style: 'offset';
  limitParam: string;
  offsetParam: string;
  /** The response property holding the page's items, e.g. `data`. */
  itemsProperty: string;
  /** The response property holding the total count, if any. */
  totalProperty?: string;
  /** The limit parameter's default. */
  pageSize?: number;
  /** The limit parameter's maximum. */
  maxPageSize?: number;
}

/**
 * What an operation does to its resource, detected from its HTTP shape or declared with
 * `x-lightfield-kind` (see `classify`).
 */
export type OperationKind =
  'create' | 'retrieve' | 'update' | 'delete' | 'list' | 'definitions' | 'nested-list' | 'action';

/** One operation, named `resource.method` (its operationId, or derived; see `operationName`). */
export interface OperationModel {
  /** `resource.method`: the client's name for the operation, unique in the spec. */
  operationId: string;
  /** The spec's own operationId, if it has one (the key of openapi-typescript's `operations`). */
  specOperationId?: string;
  resource: string;
  method: string;
  httpMethod: (typeof HTTP_METHODS)[number];
  path: string;
  summary?: string;
  description?: string;
  kind: OperationKind;
  /** Whether `kind` was declared with `x-lightfield-kind` or detected. */
  kindSource: 'declared' | 'detected';
  /** For an operation under another resource's item path: that resource and its id parameter. */
  parent?: { resource: string; param: string };
  /** Path parameters, in the order of the path template. */
  pathParams: ParamModel[];
  queryParams: ParamModel[];
  headerParams: ParamModel[];
  /**
   * The request body. `schema` is the JSON media type's schema (a `$ref` where the spec names
   * it); `media` lists every media type the operation accepts, in the spec's order.
   */
  requestBody?: { required: boolean; schema?: Json; media: MediaModel[] };
  /** The first 2xx status, its JSON schema if it has one, and its media types. */
  success: { status: string; schema?: Json; media: MediaModel[] };
  /** Every documented response. */
  responses: ResponseModel[];
  /** Every documented non-2xx status. */
  errorStatuses: number[];
  pagination?: PaginationModel;
  /** `x-lightfield-rate-limit`: the rate-limit category (Write, Read, Search). */
  rateLimit?: string;
  /** `x-lightfield-scope`: the scope an API key needs. */
  scope?: string;
  /** `x-lightfield-filter`: the operation takes field filters in its query. */
  filter: boolean;
  /**
   * The idempotency key the operation accepts: a declared `Idempotency-Key` header, or one its
   * description names. `maxLength` is the header schema's, else 255.
   */
  idempotency?: { header: string; maxLength: number };
  /** Whether the operation accepts an idempotency key (`idempotency !== undefined`). */
  idempotent: boolean;
}

/**
 * What a resource is to the mock:
 * - `entity`: its records have the entity shape (`fields` and `relationships` maps);
 * - `record`: a stateful resource of another shape (has retrieve, and create or list);
 * - `actions`: operations without state of their own.
 */
export type ResourceKind = 'entity' | 'record' | 'actions';

/** A resource: the operations that share the part of their name before the dot. */
export interface ResourceModel {
  name: string;
  kind: ResourceKind;
  /** The schema of one record (the retrieve or create response), for `entity` and `record`. */
  schema?: Json;
  /** The description of the spec's tag of the same name, if any. */
  description?: string;
  operations: OperationModel[];
}

/** Everything a generator needs to know about a spec. */
export interface SpecModel {
  /** Absolute path of the entry file. */
  file: string;
  /** The bundled document: one file, local `$ref`s only. */
  document: Json;
  title: string;
  version: string;
  /** sha256 of the bundled document, hex. */
  hash: string;
  /** Required headers whose schema allows a single value, e.g. `Lightfield-Version`. */
  constantHeaders: Record<string, string>;
  /** The base URL of the first server. */
  baseUrl: string;
  /** `x-lightfield-rate-limits`: requests per second by rate-limit category. */
  rateLimits: Record<string, number>;
  operations: OperationModel[];
  resources: ResourceModel[];
  /** The names of the component schemas, in the document's order. */
  schemaNames: string[];
  /**
   * What generation inferred or turned off, per operation, for the generate log: derived names,
   * kinds detected by name, features off for want of an `x-lightfield-*` extension.
   */
  notes: string[];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Builds the model of a bundled, checked document. */
export function buildModel(input: { file: string; document: Json; hash: string }): SpecModel {
  const { document } = input;
  const info = isObject(document['info']) ? document['info'] : {};
  const servers = Array.isArray(document['servers']) ? document['servers'] : [];
  const firstServer = isObject(servers[0]) ? servers[0] : {};
  const constantHeaders: Record<string, string> = {};
  const notes: string[] = [];
  const found: UnclassifiedOperation[] = [];
  const paths = isObject(document['paths']) ? document['paths'] : {};

  for (const [route, rawItem] of Object.entries(paths)) {
    const item = deref(document, rawItem);
    if (!isObject(item)) continue;
    for (const httpMethod of HTTP_METHODS) {
      const op = item[httpMethod];
      if (!isObject(op)) continue;
      const params = mergeParams(document, item['parameters'], op['parameters']);
      for (const p of params) {
        const only = singleValue(p.schema);
        if (p.in === 'header' && p.required && only !== undefined) constantHeaders[p.name] = only;
      }
      const name = operationName(op, route, httpMethod);
      if (!name.explicit)
        notes.push(
          `${name.resource}.${name.method}: named from ${typeof op['operationId'] === 'string' ? `operationId "${op['operationId']}"` : `${httpMethod.toUpperCase()} ${route}`} (no resource.method operationId)`,
        );
      found.push(operationOf(document, { op, route, httpMethod, params, name }));
    }
  }

  found.sort((a, b) => a.operationId.localeCompare(b.operationId));
  const operations = classify(document, found, notes);
  const rateLimits = Object.fromEntries(
    Object.entries(
      isObject(document['x-lightfield-rate-limits']) ? document['x-lightfield-rate-limits'] : {},
    ).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0),
  );
  for (const op of operations)
    notes.push(...extensionNotes(op, Object.keys(rateLimits).length > 0));

  return {
    file: input.file,
    document,
    title: str(info['title']) ?? 'API',
    version: str(info['version']) ?? '0.0.0',
    hash: input.hash,
    constantHeaders,
    baseUrl: str(firstServer['url']) ?? '',
    rateLimits,
    operations,
    resources: groupResources(document, operations),
    schemaNames: Object.keys(componentSchemas(document)),
    notes,
  };
}

interface RawOperation {
  op: Json;
  route: string;
  httpMethod: (typeof HTTP_METHODS)[number];
  params: ParamModel[];
  name: OperationName;
}

function operationOf(doc: Json, raw: RawOperation): UnclassifiedOperation {
  const { op, route, httpMethod, params, name } = raw;
  const responses = isObject(op['responses']) ? op['responses'] : {};
  const responseList: ResponseModel[] = Object.entries(responses).map(([status, r]) => ({
    status,
    media: mediaOf(doc, deref(doc, r)),
  }));
  const success = responseList.find((r) => /^2\d\d$/.test(r.status)) ?? {
    status: '200',
    media: [],
  };
  const successSchema = jsonMedia(success.media)?.schema;
  const body = deref(doc, op['requestBody']);
  const bodyMedia = isObject(body) ? mediaOf(doc, body) : [];
  const bodySchema = jsonMedia(bodyMedia)?.schema;
  const headerParams = params.filter((p) => p.in === 'header');
  const queryParams = params.filter((p) => p.in === 'query');
  const idempotency = idempotencyOf(doc, op, headerParams);
  const declared = str(op['x-lightfield-kind']);
  const partial: UnclassifiedOperation = {
    operationId: `${name.resource}.${name.method}`,
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
    queryParams,
    headerParams,
    ...(isObject(body) && bodyMedia.length
      ? {
          requestBody: {
            required: body['required'] === true,
            ...optional('schema', bodySchema),
            media: bodyMedia,
          },
        }
      : {}),
    success: { status: success.status, ...optional('schema', successSchema), media: success.media },
    responses: responseList,
    errorStatuses: Object.keys(responses)
      .filter((s) => /^[45]\d\d$/.test(s))
      .map(Number),
    ...optional('rateLimit', str(op['x-lightfield-rate-limit'])),
    ...optional('scope', str(op['x-lightfield-scope'])),
    filter: op['x-lightfield-filter'] === true,
    ...optional('idempotency', idempotency),
    idempotent: idempotency !== undefined,
    ...(declared && (OPERATION_KINDS as string[]).includes(declared)
      ? { declaredKind: declared as OperationKind }
      : {}),
  };
  const pagination = detectPagination(doc, partial);
  return pagination ? { ...partial, pagination } : partial;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
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

/** How the runtime treats a media type. */
export function mediaFormat(type: string): MediaModel['format'] {
  const t = type.toLowerCase().split(';')[0]!.trim();
  if (t === 'application/json' || t.endsWith('+json') || t === '*/*') return 'json';
  if (t === 'multipart/form-data' || t.startsWith('multipart/')) return 'multipart';
  if (t === 'application/x-www-form-urlencoded') return 'form';
  if (t.startsWith('text/') || t === 'application/xml' || t.endsWith('+xml')) return 'text';
  return 'binary';
}

function mediaOf(doc: Json, node: unknown): MediaModel[] {
  if (!isObject(node) || !isObject(node['content'])) return [];
  return Object.entries(node['content']).map(([type, raw]) => {
    const media = deref(doc, raw);
    const schema = isObject(media) && isObject(media['schema']) ? media['schema'] : undefined;
    const format = mediaFormat(type);
    const files = format === 'multipart' ? fileFields(doc, schema) : [];
    return {
      type,
      format,
      ...optional('schema', schema),
      ...(files.length ? { files } : {}),
      ...optional('example', exampleOf(doc, media)),
    };
  });
}

/** The properties of a multipart schema that carry files: binary strings, or arrays of them. */
function fileFields(doc: Json, schema: unknown): string[] {
  const props = objectSchema(doc, schema)?.['properties'];
  const isFile = (s: unknown): boolean => {
    const n = objectSchema(doc, s);
    if (!n) return false;
    if (n['type'] === 'array') return isFile(n['items']);
    return (
      n['format'] === 'binary' ||
      n['format'] === 'byte' ||
      typeof n['contentMediaType'] === 'string' ||
      typeof n['contentEncoding'] === 'string'
    );
  };
  return isObject(props) ? Object.keys(props).filter((k) => isFile(props[k])) : [];
}

/** The JSON media type of a body, preferring `application/json` itself. */
export function jsonMedia(media: MediaModel[]): MediaModel | undefined {
  return (
    media.find((m) => m.type === 'application/json') ??
    media.find((m) => m.format === 'json' && m.type !== '*/*')
  );
}

function mergeParams(doc: Json, shared: unknown, own: unknown): ParamModel[] {
  const byKey = new Map<string, ParamModel>();
  for (const list of [shared, own]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = deref(doc, raw);
      if (!isObject(p) || typeof p['name'] !== 'string') continue;
      const where = p['in'];
      if (where !== 'path' && where !== 'query' && where !== 'header' && where !== 'cookie')
        continue;
      const schema = isObject(p['schema']) ? p['schema'] : {};
      const style =
        str(p['style']) ?? (where === 'query' || where === 'cookie' ? 'form' : 'simple');
      // An operation's parameter overrides the path item's one of the same name and place.
      byKey.set(`${where}:${p['name']}`, {
        name: p['name'],
        in: where,
        // Path parameters are always required, whatever the spec says.
        required: p['required'] === true || where === 'path',
        ...optional('description', str(p['description'])),
        schema,
        style,
        explode: typeof p['explode'] === 'boolean' ? p['explode'] : style === 'form',
        shape: shapeOf(doc, schema),
        ...primitiveOf(doc, schema),
        ...optional('example', exampleOf(doc, p) ?? exampleOf(doc, deref(doc, schema))),
      });
    }
  }
  return [...byKey.values()];
}

const PRIMITIVES = ['integer', 'number', 'string', 'boolean'];

/** A primitive parameter's type, bounds and string enum, as the client checks and types them. */
function primitiveOf(doc: Json, schema: unknown): Partial<ParamModel> {
  const s = objectSchema(doc, schema);
  if (!s) return {};
  const out: Partial<ParamModel> = {};
  if (typeof s['type'] === 'string' && PRIMITIVES.includes(s['type']))
    out.type = s['type'] as ParamModel['type'];
  if (typeof s['minimum'] === 'number') out.minimum = s['minimum'];
  if (typeof s['maximum'] === 'number') out.maximum = s['maximum'];
  const values = s['enum'];
  if (Array.isArray(values) && values.length && values.every((v) => typeof v === 'string'))
    out.enum = values;
  return out;
}

function shapeOf(doc: Json, schema: unknown): ParamShape {
  const s = objectSchema(doc, schema);
  const type = s?.['type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('array')) return 'array';
  if (types.includes('object') || (s && isObject(s['properties']))) return 'object';
  return 'primitive';
}

function singleValue(schema: Json): string | undefined {
  if (typeof schema['const'] === 'string') return schema['const'];
  const values = schema['enum'];
  return Array.isArray(values) && values.length === 1 && typeof values[0] === 'string'
    ? values[0]
    : undefined;
}

/** `example`, or the first of `examples` (a map of Example objects, or a schema's array). */
function exampleOf(doc: Json, holder: unknown): Example | undefined {
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

function componentSchemas(doc: Json): Json {
  const components = isObject(doc['components']) ? doc['components'] : {};
  const schemas = deref(doc, components['schemas']);
  return isObject(schemas) ? schemas : {};
}

/** `opportunity` → `Opportunity`, `customObject` → `CustomObject`. */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The name of the component a `$ref` schema points at, e.g. `Opportunity`. */
export function refName(schema: Json | undefined): string | undefined {
  const ref = schema?.['$ref'];
  return typeof ref === 'string' ? ref.split('/').pop() : undefined;
}
