import { parseRef, type Json } from './json.js';

// Every name a target prints is derived here: the client's resources and methods, the types'
// aliases, the method parameters. Targets read the results from the model and derive nothing.

/** `resource.method`: both parts become JavaScript property names in the client. */
export const OPERATION_ID = /^([a-z][A-Za-z0-9]*)\.([a-z][A-Za-z0-9]*)$/;

/**
 * Members every generated client or resource already has: an operation can't take their names.
 * JavaScript reserved words are fine: they are legal property names (`client.file.delete()`).
 */
export const RESERVED_MEMBERS = new Set(
  'constructor prototype __proto__ toString valueOf hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString then raw use options withOptions'.split(
    ' ',
  ),
);

/** Members of the client itself: a resource (a property of the client) can't take their names. */
export const CLIENT_MEMBERS = new Set('baseUrl maxRetries timeout toJSON'.split(' '));

/**
 * Values the client's entry and its generated files already hold (the runtime they import, the
 * hand-written exports): an operation function can't take their names.
 */
const CLIENT_VALUES = new Set(
  'default spec specDefaults toFile request requestPage operation serializeQuery serializeFilter idempotencyKey styled multipart form text binary readText readBinary readEmpty'.split(
    ' ',
  ),
);

/** The types openapi-typescript exports, which the aliases beside them import: no alias takes them. */
export const SPEC_TYPES: readonly string[] = [
  '$defs',
  'components',
  'operations',
  'paths',
  'webhooks',
];

/** Words that can't name a variable, a parameter or a type, though they can name a property. */
const RESERVED_WORDS = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval'.split(
    ' ',
  ),
);

/** Names TypeScript keeps for its own types: `type string = …` does not compile. */
const PREDEFINED_TYPES = new Set(
  'any unknown number bigint boolean string symbol object never undefined null void this type keyof unique infer is asserts readonly'.split(
    ' ',
  ),
);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The words of a name: `list-contacts` → `list contacts`, `dealStages` → `deal Stages`. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/**
 * `"list-contacts"` → `listContacts`, `"Deal Stages"` → `dealStages`. Digits may not lead, so
 * `"2fa"` becomes `n2fa`. Returns `''` when nothing usable is left.
 */
export function camel(text: string): string {
  const joined = words(text)
    .map((w, i) =>
      i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(),
    )
    .join('');
  return /^[0-9]/.test(joined) ? `n${joined}` : joined;
}

/** `opportunity` → `Opportunity`, `customObject` → `CustomObject`. */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The name of the component schema a `$ref` points at, e.g. `Opportunity` (unescaped). */
export function refName(schema: Json | undefined): string | undefined {
  const ref = schema?.['$ref'];
  const keys = typeof ref === 'string' ? parseRef(ref) : undefined;
  return keys?.length === 3 && keys[0] === 'components' && keys[1] === 'schemas'
    ? keys[2]
    : undefined;
}

/**
 * A schema name as a TypeScript type name. A legal one is kept as it is (`Opportunity`,
 * `opportunity_list`); any other is PascalCased from its words (`Comment--Base` → `CommentBase`,
 * `security-advisory-ecosystems` → `SecurityAdvisoryEcosystems`), a leading digit gets an `N`, and
 * a reserved word or a predefined type name (`string`, `delete`) a `Schema` suffix.
 */
export function typeIdentifier(name: string): string {
  let id = IDENTIFIER.test(name) ? name : words(name).map(pascal).join('');
  if (id === '') id = 'Schema';
  if (/^[0-9]/.test(id)) id = `N${id}`;
  if (RESERVED_WORDS.has(id) || PREDEFINED_TYPES.has(id)) id = `${id}Schema`;
  return id;
}

/**
 * Gives each name a distinct identifier, deterministically: names that are already legal
 * identifiers keep them first, then every other name, in the order given, takes its derived
 * identifier or the first of `<id>2`, `<id>3`, … still free. `taken` holds names claimed before
 * (it gains every name given out).
 */
export function uniqueIdentifiers(
  names: readonly string[],
  derive: (name: string) => string,
  taken: Set<string> = new Set(),
): Map<string, string> {
  const out = new Map<string, string>();
  const claim = (name: string) => {
    const id = derive(name);
    let unique = id;
    for (let n = 2; taken.has(unique); n++) unique = `${id}${n}`;
    taken.add(unique);
    out.set(name, unique);
  };
  for (const name of names) if (derive(name) === name && !taken.has(name)) claim(name);
  for (const name of names) if (!out.has(name)) claim(name);
  return new Map(names.map((n) => [n, out.get(n)!]));
}

/**
 * The names a client method's parameters can't take: the parameters it always has (`client` is
 * the first one of its function) and the values its body reads (`request`, `operation`, …).
 */
export function methodScope(): Set<string> {
  return new Set(['body', 'query', 'options', 'client', ...CLIENT_VALUES]);
}

/** A parameter name as a JavaScript identifier that none of a method's others uses. */
export function paramIdentifier(name: string, used: Set<string>): string {
  let id = IDENTIFIER.test(name) ? name : camel(name) || 'param';
  if (RESERVED_WORDS.has(id)) id = `${id}Param`;
  while (used.has(id)) id = `${id}_`;
  used.add(id);
  return id;
}

/**
 * The spec's type of an operation: `operations['id']` where the spec gives it an id, keyed as
 * openapi-typescript keys it (a `#` becomes `/`: `Models#index` → `Models/index`), else
 * `paths['/x/{id}']['get']`.
 */
export function operationTypeRef(op: {
  specOperationId?: string;
  path: string;
  httpMethod: string;
}): string {
  return op.specOperationId !== undefined
    ? `operations[${JSON.stringify(op.specOperationId.replace(/#/g, '/'))}]`
    : `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.httpMethod)}]`;
}

/** The first path segment that names something: `/v1/crm/contacts/{id}` → `crm`. */
function firstSegment(route: string): string {
  const segments = route.split('/').filter((s) => s && !s.startsWith('{'));
  return segments.find((s) => !/^(v\d+(\.\d+)*|api)$/i.test(s)) ?? segments[0] ?? 'root';
}

/** How a client names an operation: `client[resource][method]`. */
export interface OperationName {
  resource: string;
  method: string;
  /** Whether the name came from an operationId of the form `resource.method`. */
  explicit: boolean;
}

/**
 * The client name of an operation. An operationId of the form `resource.method` is used as is;
 * any other is derived: the resource from the first tag (else the first path segment), the
 * method from the operationId (else the HTTP method and the path), both camelCased.
 */
export function operationName(op: Json, route: string, httpMethod: string): OperationName {
  const id = typeof op['operationId'] === 'string' ? op['operationId'] : '';
  const match = OPERATION_ID.exec(id);
  if (match?.[1] && match[2]) return { resource: match[1], method: match[2], explicit: true };
  const tags = Array.isArray(op['tags']) ? op['tags'].filter((t) => typeof t === 'string') : [];
  const resource = camel(tags[0] ?? '') || camel(firstSegment(route)) || 'root';
  const method = camel(id) || camel(`${httpMethod} ${route.replace(/[{}]/g, '')}`);
  return { resource, method, explicit: false };
}

/**
 * Tells derived operation names apart: explicit `resource.method` names keep theirs (the spec's
 * rules refuse duplicates among them), and a derived name that one of them or an earlier derived
 * one already holds, or that a client member takes, gets the first free `<method>2`,
 * `<method>3`, …; a derived resource a client member takes becomes `<resource>Resource`. Returns
 * the names in order, with a note for each one changed.
 */
export function uniqueOperationNames(names: OperationName[], notes: string[]): OperationName[] {
  const taken = new Set(names.filter((n) => n.explicit).map((n) => `${n.resource}.${n.method}`));
  return names.map((n) => {
    if (n.explicit) return n;
    let resource = n.resource;
    if (RESERVED_MEMBERS.has(resource) || CLIENT_MEMBERS.has(resource))
      resource = `${resource}Resource`;
    let method = n.method;
    for (let i = 2; taken.has(`${resource}.${method}`) || RESERVED_MEMBERS.has(method); i++)
      method = `${n.method}${i}`;
    taken.add(`${resource}.${method}`);
    if (resource !== n.resource || method !== n.method)
      notes.push(
        `${resource}.${method}: renamed from ${n.resource}.${n.method}, which another operation or a client member holds`,
      );
    return { ...n, resource, method };
  });
}

/** The type names a method's types take (see {@link operationTypeNames}). */
export interface OperationTypeNames {
  /** `@lightfield/types`' alias of the success body, where the spec has a JSON one. */
  response?: string;
  /** `@lightfield/types`' alias of the JSON request body, else of the query. */
  params?: string;
  /** The client's type of the query: `…Params`, or `…Query` where a body takes `…Params`. */
  query: string;
  /** The client's type of the header parameters a caller gives. */
  headers: string;
  /** The client's function of the operation, `<resource><Method>`: `opportunityRetrieve`. */
  function: string;
}

/**
 * The type names of every operation, `<Resource><Method><Kind>`: `Response` and `Params` in
 * `@lightfield/types` where no schema or earlier operation holds them (else there is no alias),
 * `Query` and `Headers` in the client, made distinct among the client's names; and its function,
 * `<resource><Method>`, distinct among the client's values. `schemaTypes` are the schemas' type
 * names.
 */
export function operationTypeNames(
  ops: readonly {
    resource: string;
    method: string;
    hasResponse: boolean;
    hasJsonBody: boolean;
    hasBody: boolean;
    hasQuery: boolean;
  }[],
  schemaTypes: Iterable<string>,
): OperationTypeNames[] {
  const types = new Set(schemaTypes);
  const client = new Set<string>();
  const values = new Set(CLIENT_VALUES);
  const free = (set: Set<string>, name: string) => {
    let unique = name;
    for (let n = 2; set.has(unique); n++) unique = `${name}${n}`;
    set.add(unique);
    return unique;
  };
  return ops.map((op) => {
    const base = `${pascal(op.resource)}${pascal(op.method)}`;
    const alias = (name: string, wanted: boolean) =>
      wanted && !types.has(name) ? (types.add(name), { name }) : undefined;
    const response = alias(`${base}Response`, op.hasResponse);
    const params = alias(`${base}Params`, op.hasJsonBody || op.hasQuery);
    return {
      ...(response ? { response: response.name } : {}),
      ...(params ? { params: params.name } : {}),
      query: free(client, op.hasBody ? `${base}Query` : `${base}Params`),
      headers: free(client, `${base}Headers`),
      function: free(values, `${op.resource}${pascal(op.method)}`),
    };
  });
}
