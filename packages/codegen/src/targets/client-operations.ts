import { jsdoc } from '../format.js';
import { specIdentity } from '../header.js';
import type { Json } from '../json.js';
import { uploadInfos } from './client-upload.js';
import {
  jsonMedia,
  type MediaModel,
  type OperationModel,
  type ParamModel,
  type SpecModel,
} from '../spec-model.js';

// `operations.ts` and `spec.ts` of the client: what the runtime needs to send each operation.

/** A runtime function named in `operations.ts`, e.g. the `multipart` encoder. */
function runtimeRef(name: string): string {
  return `@@${name}`;
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
      if (p.mixed) rule['primitive'] = true;
      rule['encode'] = runtimeRef('styled');
      if (p.style !== 'form') rule['style'] = p.style;
      if (!p.explode) rule['explode'] = false;
    }
    rules[p.name] = rule;
  }
  return rules;
}

/** The header parameters a caller gives: not the constant ones, nor the idempotency key. */
export function callerHeaders(model: SpecModel, op: OperationModel): ParamModel[] {
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

/** What the runtime needs to send one operation and read its response. */
function operationInfo(model: SpecModel, op: OperationModel): Json {
  const info: Json = { id: op.operationId, method: op.httpMethod.toUpperCase(), path: op.path };
  if (op.pathParams.length) info['pathParams'] = op.pathParams.map((p) => p.name);
  if (op.queryParams.length) info['query'] = queryRules(op);
  // The query code is named only where a call can take a query.
  if (op.queryParams.length || op.filter) info['encodeQuery'] = runtimeRef('serializeQuery');
  const headers = callerHeaders(model, op);
  const required = headers.filter((p) => p.required).map((p) => p.name.toLowerCase());
  if (required.length) info['headers'] = required;
  const body = requestMedia(op);
  // JSON under a wildcard (`*/*`) is sent as `application/json`, the runtime's default.
  if (
    body &&
    body.type !== 'application/json' &&
    !(body.format === 'json' && body.type.includes('*'))
  )
    info['body'] =
      body.format === 'json'
        ? { type: body.type }
        : { type: body.type, encode: runtimeRef(body.wholeFile ? 'multipartFile' : body.format) };
  const response = responseMedia(op);
  if (!response) info['response'] = { read: runtimeRef('readEmpty') };
  else if (response.format !== 'json')
    info['response'] = {
      type: response.type,
      read: runtimeRef(response.format === 'binary' ? 'readBinary' : 'readText'),
    };
  // A vendor JSON type (`application/vnd.github+json`) is what the client accepts; it reads JSON.
  else if (!/^application\/json\s*(;|$)/i.test(response.type) && !response.type.includes('*'))
    info['response'] = { type: response.type };
  if (op.rateLimit) info['category'] = op.rateLimit;
  // The key code is named only where a call sends a key.
  if (op.idempotency)
    info['idempotency'] = {
      maxLength: op.idempotency.maxLength,
      key: runtimeRef('idempotencyKey'),
    };
  if (op.filter) info['filter'] = runtimeRef('serializeFilter');
  const page = pageInfo(op);
  if (page) info['page'] = page;
  return info;
}

/** The runtime functions `operations.ts` names, by the module that exports them. */
const RUNTIME_MODULES: [string, string[]][] = [
  ['../core/filter.js', ['serializeFilter']],
  ['../core/idempotency-key.js', ['idempotencyKey']],
  [
    '../core/media.js',
    ['binary', 'form', 'multipart', 'multipartFile', 'readBinary', 'readEmpty', 'readText', 'text'],
  ],
  ['../core/query-style.js', ['styled']],
  ['../core/query.js', ['serializeQuery']],
];

/**
 * `operations.ts`: what the runtime needs to send each operation and read its response, one
 * constant per operation (named as its function), so that an app bundles only the operations
 * it calls, and only the runtime functions (encoders, readers, query code) those name.
 */
export function operationsFile(model: SpecModel): string {
  const entries = model.operations.map((op) => ({ op, info: operationInfo(model, op) }));
  const refs = JSON.stringify(entries.map((e) => e.info));
  const imports = RUNTIME_MODULES.flatMap(([module, names]) => {
    const used = names.filter((n) => refs.includes(`"${runtimeRef(n)}"`));
    return used.length ? [`import { ${used.join(', ')} } from '${module}';`] : [];
  });
  const uploads = uploadInfos(model);
  return [
    ...imports,
    "import type { OperationInfo } from '../internal/operation.js';",
    uploads.length ? "import type { UploadInfo } from '../internal/upload.js';" : null,
    '',
    // A runtime function is named, not quoted: `"@@multipart"` becomes `multipart`.
    ...entries.map(
      ({ op, info }) =>
        `${jsdoc(`\`${op.operationId}\`: ${op.summary ?? `${op.httpMethod.toUpperCase()} ${op.path}`}`)}export const ${op.types.function} = ${JSON.stringify(info).replace(/"@@(\w+)"/g, '$1')} as const satisfies OperationInfo;\n`,
    ),
    ...uploads,
  ]
    .filter((line) => line !== null)
    .join('\n');
}

/** `spec.ts`: the spec's identity, the client's defaults and the names of the headers it sends. */
export function specFile(model: SpecModel): string {
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
