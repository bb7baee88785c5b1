import { deref, isObject, type Json } from './json.js';
import type {
  OperationKind,
  OperationModel,
  PaginationModel,
  ResourceKind,
  ResourceModel,
} from './model-types.js';

/** The kinds an operation may declare with `x-lightfield-kind`. */
export const OPERATION_KINDS: readonly OperationKind[] = [
  'create',
  'retrieve',
  'update',
  'delete',
  'list',
  'definitions',
  'nested-list',
  'action',
];

/** An operation classified, before its type names and shapes are added. */
export type ClassifiedOperation = Omit<OperationModel, 'types' | 'shapes'>;

/** An operation before classification: everything but `kind`, `parent` and `pagination`. */
export type UnclassifiedOperation = Omit<ClassifiedOperation, 'kind' | 'kindSource' | 'parent'> & {
  declaredKind?: OperationKind;
};

/** The object schema behind a node: follows `$ref`s and picks the non-null branch of a union. */
export function objectSchema(doc: Json, node: unknown): Json | undefined {
  const s = deref(doc, node);
  if (!isObject(s)) return undefined;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = s[key];
    if (!Array.isArray(list)) continue;
    const nonNull = list.filter((b) => (deref(doc, b) as Json | undefined)?.['type'] !== 'null');
    if (nonNull.length === 1 && nonNull.length < list.length) return objectSchema(doc, nonNull[0]);
  }
  return s;
}

/**
 * The properties of an object schema, including those of its `allOf` parts. A schema typed as
 * anything but an object (`type: array` beside `properties`) has none: its values carry none, and
 * openapi-typescript types it without them.
 */
export function propertiesOf(doc: Json, node: unknown): Json {
  const s = objectSchema(doc, node);
  if (!s || !mayBeObject(s)) return {};
  const own = isObject(s['properties']) ? s['properties'] : {};
  const parts = Array.isArray(s['allOf']) ? s['allOf'] : [];
  return Object.assign({}, ...parts.map((p) => propertiesOf(doc, p)), own) as Json;
}

/** Whether a schema's `type`, if it has one, admits an object. */
function mayBeObject(s: Json): boolean {
  return s['type'] === undefined || ([] as unknown[]).concat(s['type']).includes('object');
}

/** The entity shape: an object with `fields` and `relationships` maps. */
export function isEntitySchema(doc: Json, schema: unknown): boolean {
  const props = propertiesOf(doc, schema);
  return 'fields' in props && 'relationships' in props;
}

/**
 * The items property of a page: the one array property of an object response (`{ data: [...],
 * meta, links }`), whatever the paging parameters are. Undefined for anything else.
 */
export function pageItems(doc: Json, schema: unknown): string | undefined {
  if (schema === undefined) return undefined;
  const arrays = Object.entries(propertiesOf(doc, schema)).filter(
    ([, s]) => objectSchema(doc, s)?.['type'] === 'array',
  );
  return arrays.length === 1 ? arrays[0]![0] : undefined;
}

/**
 * Offset pagination: a JSON object response with one array property (the items) and integer
 * `limit`/`offset`-like query parameters. Both parameter names are matched loosely so that
 * `limit`/`offset`, `pageSize`/`offset` and `per_page`/`skip` all qualify.
 */
export function detectPagination(
  doc: Json,
  op: UnclassifiedOperation,
): PaginationModel | undefined {
  if (op.httpMethod !== 'get') return undefined;
  const props = propertiesOf(doc, op.success.schema);
  const itemsProperty = pageItems(doc, op.success.schema);
  if (!itemsProperty) return undefined;
  const find = (re: RegExp) =>
    op.queryParams.find((p) => re.test(p.name) && p.shape === 'primitive');
  const limit = find(/^(limit|page_?size|per_?page|max_?results)$/i);
  const offset = find(/^(offset|skip|start)$/i);
  if (!limit || !offset) return undefined;
  const limitSchema = objectSchema(doc, limit.schema);
  const total = Object.keys(props).find((k) => /^(total|totalCount|total_count|count)$/.test(k));
  return {
    style: 'offset',
    limitParam: limit.name,
    offsetParam: offset.name,
    itemsProperty,
    ...(total ? { totalProperty: total } : {}),
    ...(typeof limitSchema?.['default'] === 'number' ? { pageSize: limitSchema['default'] } : {}),
    ...(typeof limitSchema?.['maximum'] === 'number'
      ? { maxPageSize: limitSchema['maximum'] }
      : {}),
  };
}

/** Whether a path ends with a `{param}` segment. */
/** A path without its trailing slash: `/labels/{id}/` names an item as `/labels/{id}` does. */
function trimmed(path: string): string {
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

function endsWithParam(path: string): boolean {
  return /\/\{[^}/]+\}$/.test(trimmed(path));
}

function parentPath(path: string): string {
  return trimmed(path).replace(/\/[^/]+$/, '');
}

/**
 * A path with its parameters unnamed: `/contacts/{contactId}` and `/contacts/{id}` are the same
 * item path, as a nested path names its parent's id in its own words.
 */
function pathKey(path: string): string {
  return trimmed(path).replace(/\{[^}/]*\}/g, '{}');
}

/**
 * Classifies every operation by its HTTP shape, resource by resource:
 * - on the collection path `P`: GET with pagination, an array body, or an object body with one
 *   array property (a page, however it is paged) → `list`; POST → `create`;
 * - on the item path `P/{id}`: GET → `retrieve`, PUT/PATCH/POST → `update`, DELETE → `delete`;
 * - GET on a list path under another resource's item path → `nested-list`;
 * - anything else → `action`.
 *
 * `x-lightfield-kind` on an operation overrides the detection. `definitions` is only ever
 * declared, or taken from a method named `definitions` (which the notes say).
 */
export function classify(
  doc: Json,
  ops: UnclassifiedOperation[],
  notes: string[],
): ClassifiedOperation[] {
  const itemPaths = new Map<string, string>(); // item path → resource
  for (const op of ops) {
    if (op.httpMethod === 'get' && endsWithParam(op.path) && op.declaredKind === undefined)
      itemPaths.set(pathKey(op.path), op.resource);
    if (op.declaredKind === 'retrieve') itemPaths.set(pathKey(op.path), op.resource);
  }
  return ops.map((op) => {
    const { declaredKind, ...rest } = op;
    if (declaredKind)
      return {
        ...rest,
        kind: declaredKind,
        kindSource: 'declared' as const,
        ...parentOf(op, itemPaths),
      };
    const detected = detect(doc, op, itemPaths, notes);
    return { ...rest, ...detected, kindSource: 'detected' as const };
  });
}

function parentOf(
  op: UnclassifiedOperation,
  itemPaths: Map<string, string>,
): Pick<OperationModel, 'parent'> | Record<string, never> {
  const up = parentPath(op.path);
  const resource = itemPaths.get(pathKey(up));
  const param = /\{([^}/]+)\}$/.exec(up)?.[1];
  return resource && param && resource !== op.resource ? { parent: { resource, param } } : {};
}

function detect(
  doc: Json,
  op: UnclassifiedOperation,
  itemPaths: Map<string, string>,
  notes: string[],
): Pick<OperationModel, 'kind' | 'parent'> {
  const item = endsWithParam(op.path);
  const json = op.success.schema !== undefined;
  // A list by its shape, whatever its name or paging: an array, or a page with one array of items.
  const listy =
    op.pagination !== undefined ||
    objectSchema(doc, op.success.schema)?.['type'] === 'array' ||
    pageItems(doc, op.success.schema) !== undefined;
  if (op.method === 'definitions' && op.httpMethod === 'get') {
    notes.push(
      `${op.operationId}: taken as the entity's definitions by its name; declare x-lightfield-kind to be explicit`,
    );
    return { kind: 'definitions' };
  }
  const parent = parentOf(op, itemPaths);
  // A literal segment after the resource's own item path is an action on one record.
  if (!item && itemPaths.get(pathKey(parentPath(op.path))) === op.resource)
    return { kind: 'action' };
  if (op.httpMethod === 'get' && !item && listy && 'parent' in parent)
    return { kind: 'nested-list', ...parent };
  if (op.httpMethod === 'get' && !item && listy) return { kind: 'list' };
  if (op.httpMethod === 'post' && !item && json) return { kind: 'create', ...parent };
  if (item && op.httpMethod === 'get') return { kind: 'retrieve' };
  if (item && op.httpMethod === 'delete') return { kind: 'delete' };
  if (item && ['put', 'patch', 'post'].includes(op.httpMethod) && json) return { kind: 'update' };
  return { kind: 'action', ...parent };
}

/**
 * A resource's kind: `entity` when its retrieve or create returns the entity shape (fields and
 * relationships), `record` when it has create plus retrieve (a stateful non-entity resource,
 * such as an uploaded file), else `actions` (a read-only list and retrieve included: answered
 * from the spec's examples, whose ids they know).
 */
export function resourceKind(
  doc: Json,
  ops: OperationModel[],
): { kind: ResourceKind; schema?: Json } {
  const read = ops.find((o) => o.kind === 'retrieve') ?? ops.find((o) => o.kind === 'create');
  const schema = read?.success.schema;
  if (schema && isEntitySchema(doc, schema)) return { kind: 'entity', schema };
  const has = (k: OperationKind) => ops.some((o) => o.kind === k);
  // Only a create fills a record store: a read-only resource is answered from its examples.
  if (schema && has('retrieve') && has('create')) return { kind: 'record', schema };
  return { kind: 'actions' };
}

/** What the generate log says about features an operation lacks an extension for. */
export function extensionNotes(op: ClassifiedOperation, rateLimited: boolean): string[] {
  const notes: string[] = [];
  if (rateLimited && !op.rateLimit)
    notes.push(`${op.operationId}: no x-lightfield-rate-limit category, client throttling off`);
  if (op.httpMethod === 'post' && op.kind !== 'list' && !op.idempotency)
    notes.push(
      `${op.operationId}: no Idempotency-Key header, so the client never retries this POST`,
    );
  if ((op.kind === 'list' || op.kind === 'nested-list') && !op.pagination)
    notes.push(`${op.operationId}: no limit/offset pagination found, returned as one page`);
  return notes;
}

/** Resources grouped from classified operations, each with its kind. */
export function groupResources(
  doc: Json,
  operations: OperationModel[],
): Omit<ResourceModel, 'className' | 'entity'>[] {
  const byResource = new Map<string, OperationModel[]>();
  for (const op of operations)
    byResource.set(op.resource, [...(byResource.get(op.resource) ?? []), op]);
  const tags = Array.isArray(doc['tags']) ? doc['tags'].filter(isObject) : [];
  return [...byResource.entries()].map(([name, ops]) => {
    const { kind, schema } = resourceKind(doc, ops);
    // The description of the tag named like the resource, in any case.
    const tag = tags.find(
      (t) => typeof t['name'] === 'string' && t['name'].toLowerCase() === name.toLowerCase(),
    );
    const description = typeof tag?.['description'] === 'string' ? tag['description'] : undefined;
    return {
      name,
      kind,
      ...(description ? { description } : {}),
      ...(schema ? { schema } : {}),
      operations: ops,
    };
  });
}
