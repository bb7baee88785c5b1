import {
  constantsFile,
  formatTs,
  indentDoc,
  jsdoc,
  PRINT_WIDTH,
  printLiteral,
  propertyKey,
} from '../format.js';
import { generatedHeader, specIdentity } from '../header.js';
import { deref, isObject } from '../rules.js';
import { pascal, refName, type OperationModel, type SpecModel } from '../spec-model.js';
import type { FileMap } from '../write-output.js';

type Json = Record<string, unknown>;

/**
 * Writes the client's `src/generated/`: `operations.ts` (what the runtime needs per operation),
 * `spec.ts` (the spec's identity and defaults) and `client.ts` (one class per resource and the
 * `Lightfield` client with a property per resource).
 */
export async function generateClient(model: SpecModel): Promise<FileMap> {
  const header = generatedHeader(model, 'client');
  const files: FileMap = new Map();
  const [operations, spec, client] = await Promise.all([
    operationsFile(model, header),
    specFile(model, header),
    formatTs(`${header}\n${clientFile(model)}`),
  ]);
  files.set('operations.ts', operations);
  files.set('spec.ts', spec);
  files.set('client.ts', client);
  return files;
}

/** The entity model's shape: an object schema with `fields` and `relationships` properties. */
function isEntity(model: SpecModel, schema: unknown): boolean {
  const node = deref(model.document, schema);
  const props = isObject(node) && isObject(node['properties']) ? node['properties'] : {};
  return 'fields' in props && 'relationships' in props;
}

/** The item schema of a paginated operation's `data`. */
function listItem(model: SpecModel, op: OperationModel): unknown {
  const schema = deref(model.document, op.success.schema);
  const props = isObject(schema) && isObject(schema['properties']) ? schema['properties'] : {};
  const data = deref(model.document, props['data']);
  return isObject(data) ? data['items'] : undefined;
}

/** The list shape `{ data: Item[], totalCount }` with `limit`/`offset` query parameters. */
export function isPaginated(model: SpecModel, op: OperationModel): boolean {
  const schema = deref(model.document, op.success.schema);
  const props = isObject(schema) && isObject(schema['properties']) ? schema['properties'] : {};
  const data = deref(model.document, props['data']);
  const names = op.queryParams.map((p) => p.name);
  return (
    isObject(data) &&
    data['type'] === 'array' &&
    'totalCount' in props &&
    names.includes('limit') &&
    names.includes('offset')
  );
}

function queryRules(model: SpecModel, op: OperationModel): Record<string, Json> {
  const rules: Record<string, Json> = {};
  for (const p of op.queryParams) {
    const schema = deref(model.document, p.schema);
    const rule: Json = {};
    if (isObject(schema)) {
      const type = schema['type'];
      if (type === 'integer' || type === 'number' || type === 'string' || type === 'boolean')
        rule['type'] = type;
      if (typeof schema['minimum'] === 'number') rule['minimum'] = schema['minimum'];
      if (typeof schema['maximum'] === 'number') rule['maximum'] = schema['maximum'];
    }
    if (p.required) rule['required'] = true;
    rules[p.name] = rule;
  }
  return rules;
}

function idempotencyMax(model: SpecModel, op: OperationModel): number | undefined {
  const param = op.headerParams.find((p) => p.name.toLowerCase() === 'idempotency-key');
  if (!param) return undefined;
  const schema = deref(model.document, param.schema);
  return isObject(schema) && typeof schema['maxLength'] === 'number' ? schema['maxLength'] : 255;
}

function pageSize(model: SpecModel, op: OperationModel): number | undefined {
  const limit = op.queryParams.find((p) => p.name === 'limit');
  const schema = limit ? deref(model.document, limit.schema) : undefined;
  return isObject(schema) && typeof schema['default'] === 'number' ? schema['default'] : undefined;
}

/** `operations.ts`, printed directly when every entry's layout is certain, else by prettier. */
async function operationsFile(model: SpecModel, header: string): Promise<string> {
  const entries = model.operations.map((op) => {
    const info: Json = { id: op.operationId, method: op.httpMethod.toUpperCase(), path: op.path };
    if (op.pathParams.length) info['pathParams'] = op.pathParams.map((p) => p.name);
    if (op.queryParams.length) info['query'] = queryRules(model, op);
    if (op.rateLimit) info['category'] = op.rateLimit;
    const max = idempotencyMax(model, op);
    if (max !== undefined) info['idempotencyKeyMaxLength'] = max;
    if (op.filter) info['filter'] = true;
    const size = isPaginated(model, op) ? pageSize(model, op) : undefined;
    if (size !== undefined) info['pageSize'] = size;
    return { op, info };
  });
  const head = [
    header,
    "import type { OperationInfo } from '../core/operation.js';",
    '',
    `${jsdoc('Every operation of the spec, by operationId.')}export const operationInfo = {`,
  ];
  const tail = '} as const satisfies Record<string, OperationInfo>;\n';
  const printed = entries.map(({ op, info }) => {
    const key = propertyKey(op.operationId);
    const value = key && printLiteral(info, '  ', 2 + key.length + 2, 1);
    return value && `${indentDoc(jsdoc(op.summary), '  ')}  ${key}: ${value},`;
  });
  if (printed.every(Boolean)) return [...head, ...printed, tail].join('\n');
  const loose = entries.map(
    ({ op, info }) =>
      `${jsdoc(op.summary)}${JSON.stringify(op.operationId)}: ${JSON.stringify(info)},`,
  );
  return formatTs([...head, ...loose, tail].join('\n'));
}

/** `spec.ts`: the spec's identity, the client's defaults and the names of the headers it sends. */
async function specFile(model: SpecModel, header: string): Promise<string> {
  const head = "import type { SpecDefaults } from '../core/base-client.js';";
  const names = Object.keys(model.constantHeaders).map((h) => `'${h.replace(/'/g, "\\'")}'`);
  const sent = `${jsdoc(
    'The headers the client sends on every request by itself; the raw client makes them optional.',
  )}export type SentHeader = ${names.join(' | ') || 'never'};\n`;
  const constants = await constantsFile(`${header}\n${head}\n\n`, [
    {
      doc: jsdoc('The spec this client was generated from.'),
      start: 'export const spec = ',
      value: specIdentity(model),
      end: ' as const;',
    },
    {
      doc: jsdoc(
        'Defaults the client takes from the spec: server, constant headers and rate limits.',
      ),
      start: 'export const specDefaults: SpecDefaults = ',
      value: {
        baseUrl: model.baseUrl,
        headers: model.constantHeaders,
        rateLimits: model.rateLimits,
      },
      end: ';',
    },
  ]);
  const text = `${constants}\n${sent}`;
  return sent.split('\n').every((l) => l.length <= PRINT_WIDTH) ? text : formatTs(text);
}

/** The TypeScript type of a schema: the named alias where the spec names it, else `fallback`. */
function typeOf(schema: Json | undefined, fallback: string, aliases: Set<string>): string {
  const name = refName(schema);
  if (name) {
    aliases.add(name);
    return name;
  }
  return fallback;
}

/** The name of a method's query type: the one @lightfield/types gives it (`…Params`), unless a body takes that name. */
export function queryTypeName(op: OperationModel): string {
  const base = `${pascal(op.resource)}${pascal(op.method)}`;
  return op.requestBody ? `${base}Query` : `${base}Params`;
}

function clientFile(model: SpecModel): string {
  const aliases = new Set<string>();
  const extraTypes: string[] = [];
  const tags = (Array.isArray(model.document['tags']) ? model.document['tags'] : []) as Json[];
  let usesFilter = false;
  let usesOrg = false;

  const classes = model.resources.map((resource) => {
    const Resource = pascal(resource.name);
    const tag = tags.find(
      (t) =>
        typeof t['name'] === 'string' && t['name'].toLowerCase() === resource.name.toLowerCase(),
    );
    const methods = resource.operations.map((op) => {
      const id = JSON.stringify(op.operationId);
      const opType = `operations[${id}]`;
      const base = `${Resource}${pascal(op.method)}`;
      const params: string[] = [];
      const input: string[] = [];
      for (const p of op.pathParams) {
        params.push(`${p.name}: string`);
        input.push(`path: { ${p.name} }`);
      }
      if (op.pathParams.length > 1)
        input.splice(0, input.length, `path: { ${op.pathParams.map((p) => p.name).join(', ')} }`);
      if (op.requestBody) {
        const base = typeOf(
          op.requestBody.schema,
          `NonNullable<${opType}['requestBody']>['content']['application/json']`,
          aliases,
        );
        const entityBody = isEntity(model, op.requestBody.schema);
        if (entityBody) usesOrg = true;
        const type = entityBody ? `OrgBody<${base}, Org, '${resource.name}'>` : base;
        params.push(`body${op.requestBody.required ? '' : '?'}: ${type}`);
        input.push('body');
      }
      if (op.queryParams.length || op.filter) {
        const queryType = queryTypeName(op);
        const parts = op.queryParams.length
          ? [`NonNullable<${opType}['parameters']['query']>`]
          : [];
        if (op.filter) {
          parts.push(
            "{ /** Field filters, e.g. `{ $name: { startsWith: 'Acme' } }`. */ filter?: Filter }",
          );
          usesFilter = true;
        }
        extraTypes.push(
          `${jsdoc(`The query of \`${op.operationId}\`${op.filter ? ', with field filters' : ''}.`)}export type ${queryType} = ${parts.join(' & ')};`,
        );
        const required = op.queryParams.some((p) => p.required);
        params.push(`query${required ? '' : '?'}: ${queryType}`);
        input.push('query');
      }
      params.push('options?: RequestOptions');
      const responseType = typeOf(
        op.success.schema,
        `${opType}['responses'][${op.success.status}]['content']['application/json']`,
        aliases,
      );
      const doc = jsdoc(
        op.summary,
        op.description,
        `\`${op.httpMethod.toUpperCase()} ${op.path}\`${op.rateLimit ? ` · rate limit: ${op.rateLimit}` : ''}${op.scope ? ` · scope: \`${op.scope}\`` : ''}`,
      );
      const call = `{ ${input.join(', ')} }`;
      const org = (type: string, schema: unknown) => {
        if (!isEntity(model, schema)) return type;
        usesOrg = true;
        return `OrgEntity<${type}, Org, '${resource.name}'>`;
      };
      if (isPaginated(model, op)) {
        const item = org(`${responseType}['data'][number]`, listItem(model, op));
        return `${doc}${op.method}(${params.join(', ')}): PagePromise<${item}> {
          return this.#client.requestPage(operationInfo[${id}], ${call}, options);
        }`;
      }
      return `${doc}${op.method}(${params.join(', ')}): APIPromise<${org(responseType, op.success.schema)}> {
        return this.#client.request(operationInfo[${id}], ${call}, options);
      }`;
    });
    const description = typeof tag?.['description'] === 'string' ? tag['description'] : undefined;
    return `${jsdoc(
      description ?? `The \`${resource.name}\` operations.`,
      '`Org` narrows its entities and writes to an organization (see `Lightfield`).',
    )}export class ${Resource}Resource<Org extends OrgDefinitions = {}> {
      readonly #client: Transport;
      constructor(client: Transport) {
        this.#client = client;
      }
      ${methods.join('\n\n')}
    }`;
  });

  const properties = model.resources.map((r) => {
    const tag = tags.find(
      (t) => typeof t['name'] === 'string' && t['name'].toLowerCase() === r.name.toLowerCase(),
    );
    const description =
      typeof tag?.['description'] === 'string'
        ? tag['description']
        : `The \`${r.name}\` operations.`;
    return `${jsdoc(description)}readonly ${r.name}: ${pascal(r.name)}Resource<Org> = new ${pascal(r.name)}Resource<Org>(this.#transport);`;
  });

  const body = classes.join('\n\n') + extraTypes.join('\n');
  if (/\boperations\[/.test(body)) aliases.add('operations');
  const typeImports = [
    ...aliases,
    'OrgDefinitions',
    ...(usesOrg ? ['OrgBody', 'OrgEntity'] : []),
  ].sort();
  return [
    typeImports.length ? `import type { ${typeImports.join(', ')} } from '@lightfield/types';` : '',
    "import type { APIPromise } from '../core/api-promise.js';",
    "import { BaseClient, type CallInput } from '../core/base-client.js';",
    usesFilter ? "import type { Filter } from '../core/filter.js';" : '',
    "import type { OperationInfo } from '../core/operation.js';",
    "import type { ClientOptions, RequestOptions } from '../core/options.js';",
    "import type { PagePromise } from '../core/pagination.js';",
    "import { operationInfo } from './operations.js';",
    "import { specDefaults } from './spec.js';",
    '',
    `${jsdoc('What a resource needs of the client: its protected request methods.')}interface Transport {
      request<T>(op: OperationInfo, input: CallInput, options?: RequestOptions): APIPromise<T>;
      requestPage<Item>(op: OperationInfo, input: CallInput, options?: RequestOptions): PagePromise<Item>;
    }`,
    '',
    ...extraTypes,
    '',
    classes.join('\n\n'),
    '',
    `${jsdoc(
      `The ${model.title} client: one property per resource, each method one operation of the spec.`,
      "Give it an organization's definitions (a module `lightfield-codegen fields` writes) to type that organization's fields and relationships: `new Lightfield<MyOrg>()`.",
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
    }`,
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}
