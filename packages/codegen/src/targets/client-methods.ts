import { jsdoc } from '../format.js';
import type { Json } from '../json.js';
import { operationTypeRef } from '../naming.js';
import { refName, type OperationModel, type ResourceModel, type SpecModel } from '../spec-model.js';
import { responseMedia } from './client-operations.js';
import {
  bodyParam,
  entityWrites,
  optionsParam,
  pathParams,
  queryParam,
  signature,
  type MethodParams,
} from './client-params.js';
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

/** The type of a success's body: its schema alias or the spec's type, binary, text or `void`. */
export function responseType(emit: ClientEmitter, op: OperationModel): string {
  const success = responseMedia(op);
  if (!success) return 'void';
  if (success.format === 'json')
    return emit.typeOf(
      op.success.schema,
      `${operationTypeRef(op)}['responses'][${op.success.status}]['content'][${JSON.stringify(success.type)}]`,
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

/**
 * The function of an operation: the method's call, on the client it is given. Its doc is the
 * summary and a link: the method's full doc, printed twice, would double the file to format.
 */
function functionSource(
  op: OperationModel,
  source: Operation,
  client: string,
  owner: string,
): string {
  const method = `client.${op.resource}.${op.method}()`;
  const doc = jsdoc(
    op.summary,
    `The function of {@link ${owner}.${op.method} | \`${method}\`}, which has the details: an app that calls operations as functions on a \`${client}\` bundles only those operations.`,
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
  const functions = ops.map(({ op, source }) =>
    functionSource(op, source, client, resource.className),
  );
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
