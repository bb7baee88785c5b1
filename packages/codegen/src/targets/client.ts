import { formatTs, jsdoc } from '../format.js';
import { generatedHeader, specIdentity } from '../header.js';
import { deref, isObject } from '../rules.js';
import { camel } from '../naming.js';
import {
  jsonMedia,
  pascal,
  refName,
  type MediaModel,
  type OperationModel,
  type ParamModel,
  type ResourceModel,
  type SpecModel,
} from '../spec-model.js';
import type { FileMap } from '../write-output.js';
import type { Json } from '../json.js';

/**
 * Writes the client's `src/generated/`: `operations.ts` (what the runtime needs per operation),
 * `spec.ts` (the spec's identity and defaults) and `client.ts` (one class per resource and the
 * `Lightfield` client with a property per resource).
 */
export async function generateClient(model: SpecModel): Promise<FileMap> {
  const header = generatedHeader(model, 'client');
  const files: FileMap = new Map();
  files.set('operations.ts', await formatTs(`${header}\n${operationsFile(model)}`));
  files.set('spec.ts', await formatTs(`${header}\n${specFile(model)}`));
  files.set('client.ts', await formatTs(`${header}\n${clientFile(model)}`));
  return files;
}

/** The entity model's shape: an object schema with `fields` and `relationships` properties. */
function isEntity(model: SpecModel, schema: unknown): boolean {
  const node = deref(model.document, schema);
  const props = isObject(node) && isObject(node['properties']) ? node['properties'] : {};
  return 'fields' in props && 'relationships' in props;
}

/** The item schema of a paginated operation's items property. */
function listItem(model: SpecModel, schema: Json | undefined, items: string): unknown {
  const node = deref(model.document, schema);
  const props = isObject(node) && isObject(node['properties']) ? node['properties'] : {};
  const list = deref(model.document, props[items]);
  return isObject(list) ? list['items'] : undefined;
}

/** A runtime function named in `operations.ts`, e.g. the `multipart` encoder. */
function runtimeRef(name: string): string {
  return `@@${name}`;
}

/** Whether the operation is an offset-paginated list (see `PaginationModel`). */
export function isPaginated(_model: SpecModel, op: OperationModel): boolean {
  return op.pagination !== undefined;
}

function queryRules(op: OperationModel): Record<string, Json> {
  const rules: Record<string, Json> = {};
  for (const p of op.queryParams) {
    const rule: Json = {};
    if (p.type) rule['type'] = p.type;
    if (p.minimum !== undefined) rule['minimum'] = p.minimum;
    if (p.maximum !== undefined) rule['maximum'] = p.maximum;
    if (p.required) rule['required'] = true;
    if (p.shape !== 'primitive') {
      rule['shape'] = p.shape;
      rule['encode'] = runtimeRef('styled');
      if (p.style !== 'form') rule['style'] = p.style;
      if (!p.explode) rule['explode'] = false;
    }
    rules[p.name] = rule;
  }
  return rules;
}

/** The header parameters a caller gives: not the constant ones, nor the idempotency key. */
function callerHeaders(model: SpecModel, op: OperationModel): ParamModel[] {
  const idempotency = op.idempotency?.header.toLowerCase();
  return op.headerParams.filter(
    (p) => !(p.name in model.constantHeaders) && p.name.toLowerCase() !== idempotency,
  );
}

/** The media type the client sends: JSON where the operation takes it, else the first. */
export function requestMedia(op: OperationModel): MediaModel | undefined {
  const media = op.requestBody?.media ?? [];
  return jsonMedia(media) ?? media[0];
}

/** The media type the client reads from a success: JSON where there is one, else the first. */
export function responseMedia(op: OperationModel): MediaModel | undefined {
  return jsonMedia(op.success.media) ?? op.success.media[0];
}

function pageInfo(op: OperationModel): Json | undefined {
  const p = op.pagination;
  if (!p) return undefined;
  const info: Json = { limit: p.limitParam, offset: p.offsetParam, items: p.itemsProperty };
  if (p.totalProperty) info['total'] = p.totalProperty;
  if (p.pageSize !== undefined) info['size'] = p.pageSize;
  return info;
}

/** `operations.ts`: what the runtime needs to send each operation and read its response. */
function operationsFile(model: SpecModel): string {
  const entries = model.operations.map((op) => {
    const info: Json = { id: op.operationId, method: op.httpMethod.toUpperCase(), path: op.path };
    if (op.pathParams.length) info['pathParams'] = op.pathParams.map((p) => p.name);
    if (op.queryParams.length) info['query'] = queryRules(op);
    const headers = callerHeaders(model, op);
    const required = headers.filter((p) => p.required).map((p) => p.name.toLowerCase());
    if (required.length) info['headers'] = required;
    const body = requestMedia(op);
    if (body && body.type !== 'application/json')
      info['body'] =
        body.format === 'json'
          ? { type: body.type }
          : { type: body.type, encode: runtimeRef(body.format) };
    const response = responseMedia(op);
    if (!response) info['response'] = { read: runtimeRef('readEmpty') };
    else if (response.format !== 'json')
      info['response'] = {
        type: response.type,
        read: runtimeRef(response.format === 'binary' ? 'readBinary' : 'readText'),
      };
    if (op.rateLimit) info['category'] = op.rateLimit;
    if (op.idempotency) info['idempotencyKeyMaxLength'] = op.idempotency.maxLength;
    if (op.filter) info['filter'] = true;
    const page = pageInfo(op);
    if (page) info['page'] = page;
    return { op, info };
  });
  // The encoders the spec needs, imported by name: a JSON-only client bundles none.
  const refs = JSON.stringify(entries.map((e) => e.info));
  const used = (names: string[]) => names.filter((n) => refs.includes(`"${runtimeRef(n)}"`));
  const media = used([
    'binary',
    'form',
    'multipart',
    'readBinary',
    'readEmpty',
    'readText',
    'text',
  ]);
  const styles = used(['styled']);
  return [
    ...(media.length ? [`import { ${media.join(', ')} } from '../core/media.js';`] : []),
    "import type { OperationInfo } from '../internal/operation.js';",
    ...(styles.length ? ["import { styled } from '../core/query-style.js';"] : []),
    '',
    `${jsdoc('Every operation of the spec, by operationId.')}export const operationInfo = {`,
    // A runtime function is named, not quoted: `"@@multipart"` becomes `multipart`.
    ...entries.map(
      ({ op, info }) =>
        `${jsdoc(op.summary)}${JSON.stringify(op.operationId)}: ${JSON.stringify(info).replace(/"@@(\w+)"/g, '$1')},`,
    ),
    '} as const satisfies Record<string, OperationInfo>;',
    '',
  ].join('\n');
}

/** `spec.ts`: the spec's identity, the client's defaults and the names of the headers it sends. */
function specFile(model: SpecModel): string {
  const names = Object.keys(model.constantHeaders).map((h) => JSON.stringify(h));
  const defaults = {
    baseUrl: model.baseUrl,
    headers: model.constantHeaders,
    rateLimits: model.rateLimits,
  };
  return [
    "import type { SpecDefaults } from '../internal/base-client.js';",
    '',
    `${jsdoc('The spec this client was generated from.')}export const spec = ${JSON.stringify(specIdentity(model))} as const;`,
    '',
    `${jsdoc('Defaults the client takes from the spec: server, constant headers and rate limits.')}export const specDefaults: SpecDefaults = ${JSON.stringify(defaults)};`,
    '',
    `${jsdoc('The headers the client sends on every request by itself; the raw client makes them optional.')}export type SentHeader = ${names.join(' | ') || 'never'};`,
    '',
  ].join('\n');
}

/** The name of a method's query type: the one @lightfield/types gives it (`…Params`), unless a body takes that name. */
export function queryTypeName(op: OperationModel): string {
  const base = `${pascal(op.resource)}${pascal(op.method)}`;
  return op.requestBody ? `${base}Query` : `${base}Params`;
}

// Words that can't name a parameter, though they can name a property or method.
const RESERVED_WORDS = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval'.split(
    ' ',
  ),
);

// Names the generated file declares or imports from the runtime: a schema alias of the same name
// is imported under another one.
const RUNTIME_NAMES = [
  'APIPromise',
  'BaseClient',
  'BinaryBody',
  'BinaryResponse',
  'CallInput',
  'ClientOptions',
  'Filter',
  'Lightfield',
  'MultipartBody',
  'NonNullable',
  'OperationInfo',
  'OrgBody',
  'OrgDefinitions',
  'OrgEntity',
  'OrgQuery',
  'PagePromise',
  'RequestOptions',
  'Transport',
  'operationInfo',
  'operations',
  'paths',
  'specDefaults',
];

/** A parameter name as a JavaScript identifier that none of a method's others uses. */
function identifier(name: string, used: Set<string>): string {
  let id = /^[A-Za-z_$][\w$]*$/.test(name) ? name : camel(name) || 'param';
  if (RESERVED_WORDS.has(id)) id = `${id}Param`;
  while (used.has(id)) id = `${id}_`;
  used.add(id);
  return id;
}

/** `paths['/v1/x/{id}']['get']`, or `operations['id']` where the spec gives the operation an id. */
function operationType(op: OperationModel): string {
  return op.specOperationId !== undefined
    ? `operations[${JSON.stringify(op.specOperationId)}]`
    : `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.httpMethod)}]`;
}

/**
 * A path parameter's type, from its schema: `number` for an integer or number, `boolean`, its
 * enum's literals, else `string`.
 */
function pathParamType(p: ParamModel): string {
  if (p.type === 'integer' || p.type === 'number') return 'number';
  if (p.type === 'boolean') return 'boolean';
  return headerType(p);
}

/** A header's type: its enum's literals, else `string`. */
function headerType(p: ParamModel): string {
  return p.enum ? p.enum.map((v) => JSON.stringify(v)).join(' | ') : 'string';
}

/**
 * What `clientFile` gathers while it emits the resource classes: the schema aliases it imports,
 * the runtime types it uses, the query and header types it declares, and whether it needs the
 * filter and organization types.
 */
class ClientEmitter {
  /** Schema aliases of `@lightfield/types`, by name, with the local name each is imported as. */
  readonly imported = new Map<string, string>();
  /** Runtime types the file imports from `../core/media.js`. */
  readonly runtime = new Set<string>();
  /** The query and header types the methods declare, in the order they are met. */
  readonly extraTypes: string[] = [];
  usesFilter = false;
  usesOrg = false;
  /** Every name the file declares, so a schema alias can be imported under a name that is free. */
  readonly #taken: Set<string>;

  constructor(readonly model: SpecModel) {
    this.#taken = new Set<string>(RUNTIME_NAMES);
    for (const r of model.resources) {
      this.#taken.add(`${pascal(r.name)}Resource`);
      for (const op of r.operations) {
        this.#taken.add(queryTypeName(op));
        this.#taken.add(`${pascal(op.resource)}${pascal(op.method)}Headers`);
      }
    }
  }

  /** The local name of a schema alias of `@lightfield/types`. */
  alias(name: string): string {
    let local = this.imported.get(name);
    if (local) return local;
    local = name;
    if (this.#taken.has(local)) {
      local = `${name}Schema`;
      while (this.#taken.has(local)) local = `${local}_`;
    }
    this.#taken.add(local);
    this.imported.set(name, local);
    return local;
  }

  /** The named alias where the spec names the schema, else `fallback`. */
  typeOf(schema: Json | undefined, fallback: string): string {
    const name = refName(schema);
    return name ? this.alias(name) : fallback;
  }

  /** A runtime type of `../core/media.js`, noted for import. */
  use(name: string): string {
    this.runtime.add(name);
    return name;
  }

  /** The current resource's entity bodies (`entityWrites`), which `org` passes on. */
  writes = '';

  /** `type` as an organization's entity where `schema` is the entity model, else `type`. */
  org(type: string, schema: unknown, resource: string): string {
    if (!isEntity(this.model, schema)) return type;
    this.usesOrg = true;
    return `OrgEntity<${type}, Org, '${resource}'${this.writes ? `, ${this.writes}` : ''}>`;
  }
}

/** One parameter of a generated method, as it is written, and whether a caller may omit it. */
interface MethodParam {
  text: string;
  optional: boolean;
}

/** A method's parameters and the properties of the `CallInput` it passes on. */
interface MethodParams {
  params: MethodParam[];
  input: string[];
}

/** The path parameters: one argument each, named as an identifier, gathered into `path`. */
function pathParams(op: OperationModel, out: MethodParams): void {
  const used = new Set(['body', 'query', 'options']);
  const path = op.pathParams.map((p) => {
    const local = identifier(p.name, used);
    out.params.push({ text: `${local}: ${pathParamType(p)}`, optional: false });
    return local === p.name ? local : `${JSON.stringify(p.name)}: ${local}`;
  });
  if (path.length) out.input.push(`path: { ${path.join(', ')} }`);
}

/** The type of the request body the client sends, by its media type's format. */
function bodyType(
  emit: ClientEmitter,
  resource: string,
  op: OperationModel,
  media: MediaModel,
): string {
  const content = bodyContent(op, media);
  if (media.format === 'json') {
    const base = jsonBody(emit, op, media);
    if (!entityBody(emit.model, op)) return base;
    emit.usesOrg = true;
    return `OrgBody<${base}, Org, '${resource}'>`;
  }
  if (media.format === 'multipart') {
    const files = media.files ?? [];
    return files.length
      ? `${emit.use('MultipartBody')}<${content}, ${files.map((f) => JSON.stringify(f)).join(' | ')}>`
      : content;
  }
  if (media.format === 'form') return content;
  if (media.format === 'text') return 'string';
  return emit.use('BinaryBody');
}

/** The spec's type of a request body of one media type. */
function bodyContent(op: OperationModel, media: MediaModel): string {
  return `NonNullable<${operationType(op)}['requestBody']>['content'][${JSON.stringify(media.type)}]`;
}

/** A JSON body's type before an organization narrows it: its schema alias, else the spec's. */
function jsonBody(emit: ClientEmitter, op: OperationModel, media: MediaModel): string {
  return emit.typeOf(op.requestBody?.schema ?? media.schema, bodyContent(op, media));
}

/** Whether the operation's JSON body is an entity's (a create or update, `OrgBody`). */
function entityBody(model: SpecModel, op: OperationModel): boolean {
  const media = requestMedia(op);
  return media?.format === 'json' && isEntity(model, op.requestBody?.schema ?? media.schema);
}

/**
 * The resource's entity bodies as one union, for `OrgEntity`'s `Writes`: a relationship a create
 * requires is on every entity. Empty where the resource has none.
 */
function entityWrites(emit: ClientEmitter, resource: ResourceModel): string {
  const bodies = resource.operations.filter((op) => entityBody(emit.model, op));
  return [...new Set(bodies.map((op) => jsonBody(emit, op, requestMedia(op)!)))].join(' | ');
}

/** The `body` parameter, where the operation takes a request body. */
function bodyParam(
  emit: ClientEmitter,
  resource: string,
  op: OperationModel,
  out: MethodParams,
): void {
  const media = requestMedia(op);
  if (!op.requestBody || !media) return;
  const type = bodyType(emit, resource, op, media);
  out.params.push({
    text: `body${op.requestBody.required ? '' : '?'}: ${type}`,
    optional: !op.requestBody.required,
  });
  out.input.push('body');
}

/** The `query` parameter and its declared type, where the operation takes a query or a filter. */
function queryParam(
  emit: ClientEmitter,
  resource: string,
  op: OperationModel,
  out: MethodParams,
): void {
  if (!op.queryParams.length && !op.filter) return;
  const queryType = queryTypeName(op);
  const parts = op.queryParams.length
    ? [`NonNullable<${operationType(op)}['parameters']['query']>`]
    : [];
  if (op.filter) {
    parts.push(
      "{ /** Field filters, e.g. `{ $name: { startsWith: 'Acme' } }`. */ filter?: Filter }",
    );
    emit.usesFilter = true;
  }
  emit.extraTypes.push(
    `${jsdoc(`The query of \`${op.operationId}\`${op.filter ? ', with field filters' : ''}.`)}export type ${queryType} = ${parts.join(' & ')};`,
  );
  const required = op.queryParams.some((p) => p.required);
  // An organization's field keys type the filter (`OrgQuery`).
  const type = op.filter ? `OrgQuery<${queryType}, Org, '${resource}'>` : queryType;
  out.params.push({ text: `query${required ? '' : '?'}: ${type}`, optional: !required });
  out.input.push('query');
}

/** The `options` parameter, typed with the caller's header parameters where there are any. */
function optionsParam(
  emit: ClientEmitter,
  op: OperationModel,
  base: string,
  out: MethodParams,
): void {
  const headers = callerHeaders(emit.model, op);
  if (!headers.length) {
    out.params.push({ text: 'options?: RequestOptions', optional: true });
    return;
  }
  const headersType = `${base}Headers`;
  const required = headers.some((p) => p.required);
  const props = headers.map(
    (p) =>
      `${jsdoc(p.description)}${JSON.stringify(p.name)}${p.required ? '' : '?'}: ${headerType(p)};`,
  );
  emit.extraTypes.push(
    `${jsdoc(`The header parameters of \`${op.operationId}\`, given in \`options.headers\`.`)}export type ${headersType} = {\n${props.join('\n')}\n};`,
  );
  out.params.push({
    text: `options${required ? '' : '?'}: RequestOptions & { headers${required ? '' : '?'}: ${headersType} }`,
    optional: !required,
  });
}

/**
 * The parameter list as written: an optional parameter before a required one (a required header,
 * say) takes `undefined` instead.
 */
function signature(params: MethodParam[]): string {
  const lastRequired = params.map((p) => p.optional).lastIndexOf(false);
  return params
    .map((p, i) =>
      i < lastRequired && p.optional ? `${p.text.replace('?:', ':')} | undefined` : p.text,
    )
    .join(', ');
}

/** The type of a success's body: its schema alias or the spec's type, binary, text or `void`. */
function responseType(emit: ClientEmitter, op: OperationModel): string {
  const success = responseMedia(op);
  if (!success) return 'void';
  if (success.format === 'json')
    return emit.typeOf(
      op.success.schema,
      `${operationType(op)}['responses'][${op.success.status}]['content'][${JSON.stringify(success.type)}]`,
    );
  return success.format === 'binary' ? emit.use('BinaryResponse') : 'string';
}

/** A method's JSDoc: summary, description, then the route with its rate limit and scope. */
function methodDoc(op: OperationModel): string {
  return jsdoc(
    op.summary,
    op.description,
    `\`${op.httpMethod.toUpperCase()} ${op.path}\`${op.rateLimit ? ` · rate limit: ${op.rateLimit}` : ''}${op.scope ? ` · scope: \`${op.scope}\`` : ''}`,
  );
}

/** One method of a resource class: one operation, sent through the client's transport. */
function methodSource(emit: ClientEmitter, resource: string, op: OperationModel): string {
  const id = JSON.stringify(op.operationId);
  const out: MethodParams = { params: [], input: [] };
  pathParams(op, out);
  bodyParam(emit, resource, op, out);
  queryParam(emit, resource, op, out);
  optionsParam(emit, op, `${pascal(resource)}${pascal(op.method)}`, out);
  const returned = responseType(emit, op);
  const doc = methodDoc(op);
  const call = `{ ${out.input.join(', ')} }`;
  if (op.pagination && responseMedia(op)?.format === 'json') {
    const items = op.pagination.itemsProperty;
    const item = emit.org(
      `${returned}[${JSON.stringify(items)}][number]`,
      listItem(emit.model, op.success.schema, items),
      resource,
    );
    return `${doc}${op.method}(${signature(out.params)}): PagePromise<${item}> {
          return this.#client.requestPage(operationInfo[${id}], ${call}, options);
        }`;
  }
  return `${doc}${op.method}(${signature(out.params)}): APIPromise<${emit.org(returned, op.success.schema, resource)}> {
        return this.#client.request(operationInfo[${id}], ${call}, options);
      }`;
}

/** A resource's class: a method per operation, over the client's transport. */
function resourceClass(emit: ClientEmitter, resource: ResourceModel): string {
  emit.writes = entityWrites(emit, resource);
  const methods = resource.operations.map((op) => methodSource(emit, resource.name, op));
  return `${jsdoc(
    resource.description ?? `The \`${resource.name}\` operations.`,
    '`Org` narrows its entities and writes to an organization (see `Lightfield`).',
  )}export class ${pascal(resource.name)}Resource<Org extends OrgDefinitions = {}> {
      readonly #client: Transport;
      constructor(client: Transport) {
        this.#client = client;
      }
      ${methods.join('\n\n')}
    }`;
}

/** The file's imports: the types and runtime it used (`body` is what it declares), then the rest. */
function clientImports(emit: ClientEmitter, body: string): (string | null)[] {
  const typeImports = [
    ...[...emit.imported].map(([name, local]) => (name === local ? name : `${name} as ${local}`)),
    'OrgDefinitions',
    ...(emit.usesOrg ? ['OrgBody', 'OrgEntity'] : []),
    ...(/\boperations\[/.test(body) ? ['operations'] : []),
    ...(/\bpaths\[/.test(body) ? ['paths'] : []),
  ].sort();
  const media = [...emit.runtime].sort();
  return [
    typeImports.length
      ? `import type { ${typeImports.join(', ')} } from '@lightfield/types';`
      : null,
    "import type { APIPromise } from '../core/api-promise.js';",
    "import { BaseClient, type CallInput } from '../internal/base-client.js';",
    emit.usesFilter ? "import type { Filter, OrgQuery } from '../core/filter.js';" : null,
    media.length ? `import type { ${media.join(', ')} } from '../core/media.js';` : null,
    "import type { OperationInfo } from '../internal/operation.js';",
    "import type { ClientOptions, RequestOptions } from '../core/options.js';",
    "import type { PagePromise } from '../core/pagination.js';",
    "import { operationInfo } from './operations.js';",
    "import { specDefaults } from './spec.js';",
  ];
}

/** The `Transport` interface: what a resource needs of the client. */
function transportInterface(): string {
  return `${jsdoc('What a resource needs of the client: its protected request methods.')}interface Transport {
      request<T>(op: OperationInfo, input: CallInput, options?: RequestOptions): APIPromise<T>;
      requestPage<Item>(op: OperationInfo, input: CallInput, options?: RequestOptions): PagePromise<Item>;
    }`;
}

/** The `Lightfield` client class: a property per resource, all over one transport. */
function lightfieldClass(model: SpecModel): string {
  const properties = model.resources.map((r) => {
    const description = r.description ?? `The \`${r.name}\` operations.`;
    return `${jsdoc(description)}readonly ${r.name}: ${pascal(r.name)}Resource<Org> = new ${pascal(r.name)}Resource<Org>(this.#transport);`;
  });
  return `${jsdoc(
    `The ${model.title} client: one property per resource, each method one operation of the spec.`,
    "Give it an organization's definitions (the module `npx lightfield-fields`, a command of this package, writes) to type that organization's fields and relationships: `new Lightfield<MyOrg>()`.",
    '@example\n```ts\nconst client = new Lightfield({ apiKey: process.env.LIGHTFIELD_API_KEY });\n```',
  )}export class Lightfield<Org extends OrgDefinitions = {}> extends BaseClient {
      // Resources reach the protected request methods through this, not through public API.
      readonly #transport: Transport = {
        request: (op, input, options) => this.request(op, input, options),
        requestPage: (op, input, options) => this.requestPage(op, input, options),
      };
      ${properties.join('\n')}

      constructor(options?: ClientOptions) {
        super(specDefaults, options);
      }
    }`;
}

/** The generated client's source: it reads only the model, never the document's structure. */
function clientFile(model: SpecModel): string {
  const emit = new ClientEmitter(model);
  const classes = model.resources.map((resource) => resourceClass(emit, resource));
  const body = classes.join('\n\n') + emit.extraTypes.join('\n');
  return [
    ...clientImports(emit, body),
    '',
    transportInterface(),
    '',
    ...emit.extraTypes,
    '',
    classes.join('\n\n'),
    '',
    lightfieldClass(model),
  ]
    .filter((line): line is string => line !== null)
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}
