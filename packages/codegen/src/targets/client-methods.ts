import { jsdoc } from '../format.js';
import type { Json } from '../json.js';
import { paramIdentifier } from '../naming.js';
import {
  refName,
  type MediaModel,
  type OperationModel,
  type ParamModel,
  type ResourceModel,
  type SpecModel,
} from '../spec-model.js';
import { callerHeaders, requestMedia, responseMedia } from './client-operations.js';
import { uploadSources } from './client-upload.js';
import { scopeText } from './shared.js';

// The client's resource classes and operation functions: a method and a function per operation,
// typed from @lightfield/types.

// Names the generated file declares or imports from the runtime: a schema alias of the same name
// is imported under another one.
const RUNTIME_NAMES = [
  'APIPromise',
  'BaseClient',
  'BinaryBody',
  'BinaryResponse',
  'ClientOptions',
  'Filter',
  'Lightfield',
  'LightfieldClient',
  'MultipartBody',
  'NonNullable',
  'OrgBody',
  'OrgDefinitions',
  'OrgEntity',
  'OrgQuery',
  'PagePromise',
  'RequestOptions',
  'operation',
  'operations',
  'paths',
  'request',
  'requestPage',
  'specDefaults',
  'upload',
  'UploadData',
  'UploadOptions',
];

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
export class ClientEmitter {
  /** Schema aliases of `@lightfield/types`, by name, with the local name each is imported as. */
  readonly imported = new Map<string, string>();
  /** Runtime types the file imports from `../core/media.js`. */
  readonly runtime = new Set<string>();
  /** The query and header types the methods declare, in the order they are met. */
  readonly extraTypes: string[] = [];
  usesFilter = false;
  usesOrg = false;
  /** Whether an operation is a paginated list, sent with `requestPage`. */
  usesPages = false;
  /** Whether a resource has an upload helper (`x-lightfield-upload`). */
  usesUpload = false;
  /** Every name the file declares, so a schema alias can be imported under a name that is free. */
  readonly #taken: Set<string>;

  /** The type name of each component schema, by its name in the spec. */
  readonly #schemaTypes: Map<string, string>;

  constructor(readonly model: SpecModel) {
    this.#taken = new Set<string>(RUNTIME_NAMES);
    for (const r of model.resources) {
      this.#taken.add(r.className);
      for (const op of r.operations) {
        this.#taken.add(op.types.query);
        this.#taken.add(op.types.headers);
        this.#taken.add(op.types.function);
      }
    }
    this.#schemaTypes = new Map(model.schemas.map((s) => [s.name, s.type]));
  }

  /** The local name of a schema alias of `@lightfield/types` (its type name `name`). */
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
    const type = this.#schemaTypes.get(refName(schema) ?? '');
    return type ? this.alias(type) : fallback;
  }

  /** A runtime type of `../core/media.js`, noted for import. */
  use(name: string): string {
    this.runtime.add(name);
    return name;
  }

  /** The current resource's entity bodies (`entityWrites`), which `org` passes on. */
  writes = '';

  /** `type` as an organization's entity where it has the entity shape, else `type`. */
  org(type: string, entity: boolean, resource: string): string {
    if (!entity) return type;
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
  // `client` is the first parameter of the operation's function.
  const used = new Set(['body', 'query', 'options', 'client']);
  const path = op.pathParams.map((p) => {
    const local = paramIdentifier(p.name, used);
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
    if (!op.shapes.entityBody) return base;
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
export function jsonBody(emit: ClientEmitter, op: OperationModel, media: MediaModel): string {
  return emit.typeOf(op.requestBody?.schema ?? media.schema, bodyContent(op, media));
}

/**
 * The resource's entity bodies as one union, for `OrgEntity`'s `Writes`: a relationship a create
 * requires is on every entity. Empty where the resource has none.
 */
function entityWrites(emit: ClientEmitter, resource: ResourceModel): string {
  const bodies = resource.operations.filter(
    (op) => op.shapes.entityBody && requestMedia(op)?.format === 'json',
  );
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
  const queryType = op.types.query;
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
function optionsParam(emit: ClientEmitter, op: OperationModel, out: MethodParams): void {
  const headers = callerHeaders(emit.model, op);
  if (!headers.length) {
    out.params.push({ text: 'options?: RequestOptions', optional: true });
    return;
  }
  const headersType = op.types.headers;
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
export function responseType(emit: ClientEmitter, op: OperationModel): string {
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
    `\`${op.httpMethod.toUpperCase()} ${op.path}\`${op.rateLimit ? ` · rate limit: ${op.rateLimit}` : ''}${op.scope ? ` · scope: ${scopeText(op.scope)}` : ''}`,
  );
}

/** One operation as the client writes it: its doc, parameters, return type and call. */
interface Operation {
  doc: string;
  signature: string;
  returned: string;
  /** The call that sends it on `client`, e.g. `request(client, operation.opportunityRetrieve, …)`. */
  call: (client: string) => string;
}

/** The parts of one operation that its method and its function share. */
function operationSource(emit: ClientEmitter, resource: string, op: OperationModel): Operation {
  const out: MethodParams = { params: [], input: [] };
  pathParams(op, out);
  bodyParam(emit, resource, op, out);
  queryParam(emit, resource, op, out);
  optionsParam(emit, op, out);
  const returned = responseType(emit, op);
  const input = `{ ${out.input.join(', ')} }`;
  const info = `operation.${op.types.function}`;
  const base = { doc: methodDoc(op), signature: signature(out.params) };
  if (op.pagination && responseMedia(op)?.format === 'json') {
    const items = op.pagination.itemsProperty;
    // The items property may be optional: its type is `X[] | undefined`, which `[number]` can't index.
    const item = emit.org(
      `NonNullable<${returned}[${JSON.stringify(items)}]>[number]`,
      op.shapes.entityItems,
      resource,
    );
    emit.usesPages = true;
    return {
      ...base,
      returned: `PagePromise<${item}>`,
      call: (client) => `requestPage(${client}, ${info}, ${input}, options)`,
    };
  }
  return {
    ...base,
    returned: `APIPromise<${emit.org(returned, op.shapes.entityResponse, resource)}>`,
    call: (client) => `request(${client}, ${info}, ${input}, options)`,
  };
}

/** The function of an operation: the method's call, on the client it is given. */
function functionSource(op: OperationModel, source: Operation, client: string): string {
  const method = `${op.resource}.${op.method}`;
  const doc = source.doc.replace(
    / \*\/\n?$/,
    ` *\n * The function of \`client.${method}()\`: an app that calls operations as functions on a \`${client}\` bundles only those operations.\n */\n`,
  );
  return `${doc}export function ${op.types.function}<Org extends OrgDefinitions = {}>(client: ${client}<Org>, ${source.signature}): ${source.returned} {
      return ${source.call('client')};
    }`;
}

/**
 * A resource's class, a method per operation over the client it is made with, followed by the
 * operations' functions.
 */
export function resourceSource(
  emit: ClientEmitter,
  resource: ResourceModel,
  client: string,
): string {
  emit.writes = entityWrites(emit, resource);
  const ops = resource.operations.map((op) => ({
    op,
    source: operationSource(emit, resource.name, op),
  }));
  const methods = ops.map(
    ({ op, source }) =>
      `${source.doc}${op.method}(${source.signature}): ${source.returned} {
        return ${source.call('this.#client')};
      }`,
  );
  const uploads = uploadSources(emit, resource, client);
  methods.push(...uploads.methods);
  const functions = ops.map(({ op, source }) => functionSource(op, source, client));
  functions.push(...uploads.functions);
  return `${jsdoc(
    resource.description ?? `The \`${resource.name}\` operations.`,
    '`Org` narrows its entities and writes to an organization (see `Lightfield`).',
  )}export class ${resource.className}<Org extends OrgDefinitions = {}> {
      readonly #client: ${client}<Org>;
      constructor(client: ${client}<Org>) {
        this.#client = client;
      }
      ${methods.join('\n\n')}
    }

    ${functions.join('\n\n')}`;
}
