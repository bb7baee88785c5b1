import { HTTP_METHODS, OPERATION_ID, deref, isObject } from './rules.js';

type Json = Record<string, unknown>;

/** A parameter of an operation, resolved from any `$ref`. */
export interface ParamModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  schema: Json;
}

/** One operation, named by its `resource.method` operationId. */
export interface OperationModel {
  operationId: string;
  resource: string;
  method: string;
  httpMethod: (typeof HTTP_METHODS)[number];
  path: string;
  summary?: string;
  description?: string;
  pathParams: ParamModel[];
  queryParams: ParamModel[];
  headerParams: ParamModel[];
  /** The request body's JSON schema (a `$ref` where the spec names it), if the operation takes one. */
  requestBody?: { required: boolean; schema: Json };
  /** The first 2xx status and its JSON schema. */
  success: { status: string; schema?: Json };
  /** Every documented non-2xx status. */
  errorStatuses: number[];
  /** `x-lightfield-rate-limit`: the rate-limit category (Write, Read, Search). */
  rateLimit?: string;
  /** `x-lightfield-scope`: the scope an API key needs. */
  scope?: string;
  /** `x-lightfield-filter`: the operation takes field filters in its query. */
  filter: boolean;
  /** Whether the operation accepts an `Idempotency-Key` header. */
  idempotent: boolean;
}

/** A resource: the operations that share the part of their operationId before the dot. */
export interface ResourceModel {
  name: string;
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
  const operations: OperationModel[] = [];
  const constantHeaders: Record<string, string> = {};
  const paths = isObject(document['paths']) ? document['paths'] : {};

  for (const [route, rawItem] of Object.entries(paths)) {
    const item = deref(document, rawItem);
    if (!isObject(item)) continue;
    for (const httpMethod of HTTP_METHODS) {
      const op = item[httpMethod];
      if (!isObject(op)) continue;
      const match = OPERATION_ID.exec(str(op['operationId']) ?? '');
      if (!match?.[1] || !match[2]) continue;
      const params = mergeParams(document, item['parameters'], op['parameters']);
      for (const p of params) {
        const only = singleValue(p.schema);
        if (p.in === 'header' && p.required && only !== undefined) constantHeaders[p.name] = only;
      }
      const responses = isObject(op['responses']) ? op['responses'] : {};
      const statuses = Object.keys(responses);
      const successStatus = statuses.find((s) => /^2\d\d$/.test(s)) ?? '200';
      const body = deref(document, op['requestBody']);
      const bodySchema = isObject(body) ? jsonSchemaOf(body) : undefined;
      const summary = str(op['summary']);
      const description = str(op['description']);
      const rateLimit = str(op['x-lightfield-rate-limit']);
      const scope = str(op['x-lightfield-scope']);
      const successSchema = jsonSchemaOf(deref(document, responses[successStatus]));
      operations.push({
        operationId: `${match[1]}.${match[2]}`,
        resource: match[1],
        method: match[2],
        httpMethod,
        path: route,
        ...(summary ? { summary } : {}),
        ...(description ? { description } : {}),
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        headerParams: params.filter((p) => p.in === 'header'),
        ...(bodySchema && isObject(body)
          ? { requestBody: { required: body['required'] === true, schema: bodySchema } }
          : {}),
        success: { status: successStatus, ...(successSchema ? { schema: successSchema } : {}) },
        errorStatuses: statuses.filter((s) => /^[45]\d\d$/.test(s)).map(Number),
        ...(rateLimit ? { rateLimit } : {}),
        ...(scope ? { scope } : {}),
        filter: op['x-lightfield-filter'] === true,
        idempotent: params.some(
          (p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key',
        ),
      });
    }
  }

  operations.sort((a, b) => a.operationId.localeCompare(b.operationId));
  const byResource = new Map<string, OperationModel[]>();
  for (const op of operations)
    byResource.set(op.resource, [...(byResource.get(op.resource) ?? []), op]);
  const resources = [...byResource.entries()].map(([name, ops]) => ({ name, operations: ops }));

  return {
    file: input.file,
    document,
    title: str(info['title']) ?? 'API',
    version: str(info['version']) ?? '0.0.0',
    hash: input.hash,
    constantHeaders,
    baseUrl: str(firstServer['url']) ?? '',
    rateLimits: Object.fromEntries(
      Object.entries(
        isObject(document['x-lightfield-rate-limits']) ? document['x-lightfield-rate-limits'] : {},
      ).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0),
    ),
    operations,
    resources,
  };
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
      const description = str(p['description']);
      // An operation's parameter overrides the path item's one of the same name and place.
      byKey.set(`${where}:${p['name']}`, {
        name: p['name'],
        in: where,
        required: p['required'] === true,
        ...(description ? { description } : {}),
        schema: isObject(p['schema']) ? p['schema'] : {},
      });
    }
  }
  return [...byKey.values()];
}

function jsonSchemaOf(node: unknown): Json | undefined {
  if (!isObject(node) || !isObject(node['content'])) return undefined;
  const media = node['content']['application/json'];
  return isObject(media) && isObject(media['schema']) ? media['schema'] : undefined;
}

function singleValue(schema: Json): string | undefined {
  if (typeof schema['const'] === 'string') return schema['const'];
  const values = schema['enum'];
  return Array.isArray(values) && values.length === 1 && typeof values[0] === 'string'
    ? values[0]
    : undefined;
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
