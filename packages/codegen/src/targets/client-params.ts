// The parameters of the client's generated methods: the path, body, query and options
// parameters, the request body's type, and the parameter list as written.

import { jsdoc } from '../format.js';
import { methodScope, operationTypeRef, paramIdentifier } from '../naming.js';
import type { MediaModel, OperationModel, ParamModel, ResourceModel } from '../spec-model.js';
import type { ClientEmitter } from './client-methods.js';
import { callerHeaders, requestMedia } from './client-operations.js';

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

/** One parameter of a generated method, as it is written, and whether a caller may omit it. */
export interface MethodParam {
  text: string;
  optional: boolean;
}

/** A method's parameters and the properties of the `CallInput` it passes on. */
export interface MethodParams {
  params: MethodParam[];
  input: string[];
}

/** The path parameters: one argument each, named as an identifier, gathered into `path`. */
export function pathParams(op: OperationModel, out: MethodParams): void {
  const used = methodScope();
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
    // A form of one file, not of fields: the body is the file (or its text).
    if (media.wholeFile) return emit.use('UploadData');
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
  return `NonNullable<${operationTypeRef(op)}['requestBody']>['content'][${JSON.stringify(media.type)}]`;
}

/** A JSON body's type before an organization narrows it: its schema alias, else the spec's. */
export function jsonBody(emit: ClientEmitter, op: OperationModel, media: MediaModel): string {
  return emit.typeOf(op.requestBody?.schema ?? media.schema, bodyContent(op, media));
}

/**
 * The resource's entity bodies as one union, for `OrgEntity`'s `Writes`: a relationship a create
 * requires is on every entity. Empty where the resource has none.
 */
export function entityWrites(emit: ClientEmitter, resource: ResourceModel): string {
  const bodies = resource.operations.filter(
    (op) => op.shapes.entityBody && requestMedia(op)?.format === 'json',
  );
  return [...new Set(bodies.map((op) => jsonBody(emit, op, requestMedia(op)!)))].join(' | ');
}

/** The `body` parameter, where the operation takes a request body. */
export function bodyParam(
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
export function queryParam(
  emit: ClientEmitter,
  resource: string,
  op: OperationModel,
  out: MethodParams,
): void {
  if (!op.queryParams.length && !op.filter) return;
  const queryType = op.types.query;
  const parts = op.queryParams.length
    ? [`NonNullable<${operationTypeRef(op)}['parameters']['query']>`]
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
export function optionsParam(emit: ClientEmitter, op: OperationModel, out: MethodParams): void {
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
export function signature(params: MethodParam[]): string {
  const lastRequired = params.map((p) => p.optional).lastIndexOf(false);
  return params
    .map((p, i) =>
      i < lastRequired && p.optional ? `${p.text.replace('?:', ':')} | undefined` : p.text,
    )
    .join(', ');
}
