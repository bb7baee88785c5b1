import { classify, extensionNotes, groupResources, objectSchema } from './classify.js';
import { eagerCycleNotes } from './eager-cycles.js';
import { entityOf, operationShapes } from './entity-model.js';
import { deref, isObject, pathOperations, type Json } from './json.js';
import { jsonMedia, repairBlankMedia, str } from './model-media.js';
import { operationOf, type RawOperation } from './model-operation.js';
import { mergeParams, singleValue } from './model-params.js';
import type { OperationModel, ResourceModel, SchemaModel, SpecModel } from './model-types.js';
import type { UploadModel } from './upload.js';
import {
  operationName,
  operationTypeNames,
  pascal,
  SPEC_TYPES,
  typeIdentifier,
  uniqueIdentifiers,
  uniqueOperationNames,
} from './naming.js';
import { repairPaths } from './path-templates.js';
import { readVariants } from './variants.js';

export type * from './model-types.js';
export { jsonMedia, mediaFormat } from './model-media.js';
export { pascal, refName } from './naming.js';

/** Builds the model of a bundled, checked document. */
export function buildModel(input: {
  file: string;
  document: Json;
  hash: string;
  /** What loading the spec left out or repaired already. */
  notes?: string[];
}): SpecModel {
  // Path templates no URL takes as written are repaired first, so every target reads the same.
  const repaired = repairPaths(input.document);
  const media = repairBlankMedia(repaired.document);
  const { document } = media;
  const notes = [...(input.notes ?? []), ...repaired.notes, ...media.notes];
  const info = isObject(document['info']) ? document['info'] : {};
  const servers = Array.isArray(document['servers']) ? document['servers'] : [];
  const firstServer = isObject(servers[0]) ? servers[0] : {};
  const raw = rawOperations(document, notes);
  const names = uniqueOperationNames(
    raw.map((r) => r.name),
    notes,
  );
  const found = raw.map((r, i) => {
    const name = names[i]!;
    if (!name.explicit) notes.push(`${name.resource}.${name.method}: named from ${origin(r)}`);
    return operationOf(document, { ...r, name }, notes);
  });
  found.sort((a, b) => a.operationId.localeCompare(b.operationId));
  const schemas = schemaModels(document);
  const classified = classify(document, found, notes);
  const types = operationTypeNames(
    classified.map((op) => ({
      resource: op.resource,
      method: op.method,
      hasResponse: op.success.schema !== undefined,
      hasJsonBody: jsonMedia(op.requestBody?.media ?? []) !== undefined,
      hasBody: op.requestBody !== undefined,
      hasQuery: op.queryParams.length > 0,
    })),
    schemas.map((s) => s.type),
  );
  // An upload names the operation that completes it by the spec's id; the model names it by its own.
  const ids = new Map(classified.map((op) => [op.specOperationId, op.operationId]));
  const operations: OperationModel[] = classified.map((op, i) => ({
    ...op,
    ...(op.upload ? { upload: renamed(op.upload, ids) } : {}),
    types: types[i]!,
    shapes: operationShapes(document, op),
  }));
  const rateLimits = Object.fromEntries(
    Object.entries(
      isObject(document['x-lightfield-rate-limits']) ? document['x-lightfield-rate-limits'] : {},
    ).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0),
  );
  for (const op of operations)
    notes.push(...extensionNotes(op, Object.keys(rateLimits).length > 0));
  notes.push(...eagerCycleNotes(document));
  const variants = readVariants(document);
  return {
    file: input.file,
    document,
    title: str(info['title']) ?? 'API',
    version: str(info['version']) ?? '0.0.0',
    hash: input.hash,
    constantHeaders: constantHeaders(operations),
    baseUrl: str(firstServer['url']) ?? '',
    rateLimits,
    operations,
    resources: resourceModels(document, operations, variants),
    schemas,
    variants,
    notes,
  };
}

/**
 * Every operation of the document, in its order, with its parameters and derived name. A TRACE
 * is left out with a note: fetch refuses to send one, so no method could call it.
 */
function rawOperations(document: Json, notes: string[]): RawOperation[] {
  const sendable = pathOperations(document).filter(({ route, method }) => {
    if (method !== 'trace') return true;
    notes.push(`TRACE ${route}: fetch can't send a TRACE request; left out`);
    return false;
  });
  return sendable.map(({ route, item, method: httpMethod, op }) => ({
    op,
    route,
    httpMethod,
    params: mergeParams(document, item['parameters'], op['parameters']),
    name: operationName(op, route, httpMethod),
  }));
}

/** Where a derived name came from, for its note. */
function origin({ op, route, httpMethod }: RawOperation): string {
  const id = op['operationId'];
  return `${typeof id === 'string' ? `operationId "${id}"` : `${httpMethod.toUpperCase()} ${route}`} (no resource.method operationId)`;
}

/** Required headers whose schema allows a single value, e.g. `Lightfield-Version`. */
function constantHeaders(operations: OperationModel[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const op of operations)
    for (const p of op.headerParams) {
      const only = singleValue(p.schema);
      if (p.required && only !== undefined) out[p.name] = only;
    }
  return out;
}

/** The resources, each with its class name and, for an entity, its fields and relationships. */
function resourceModels(
  doc: Json,
  operations: OperationModel[],
  variants: ReturnType<typeof readVariants>,
): ResourceModel[] {
  const grouped = groupResources(doc, operations);
  // A class name a schema alias holds is fine (the client imports aliases under free names);
  // two resources that PascalCase alike are not.
  const classes = uniqueIdentifiers(
    grouped.map((r) => r.name),
    (name) => `${pascal(name)}Resource`,
  );
  return grouped.map((r) => ({
    ...r,
    className: classes.get(r.name)!,
    ...(r.kind === 'entity' ? { entity: entityOf(doc, r, variants) } : {}),
  }));
}

/** The component schemas, each with a distinct type name, description and shape. */
function schemaModels(doc: Json): SchemaModel[] {
  const components = isObject(doc['components']) ? doc['components'] : {};
  const found = deref(doc, components['schemas']);
  const schemas = isObject(found) ? found : {};
  const names = Object.keys(schemas);
  const types = uniqueIdentifiers(names, typeIdentifier, new Set(SPEC_TYPES));
  return names.map((name) => {
    const schema = schemas[name];
    const description = isObject(schema) ? str(schema['description']) : undefined;
    return {
      name,
      type: types.get(name)!,
      ...(description ? { description } : {}),
      shape: shapeOf(doc, schema),
    };
  });
}

/** Whether a schema's values are objects, arrays or anything else (see `SchemaModel.shape`). */
function shapeOf(doc: Json, schema: unknown, depth = 0): SchemaModel['shape'] {
  const s = objectSchema(doc, schema);
  if (!s || depth > 8) return 'other';
  const types = ([] as unknown[]).concat(s['type'] ?? []).filter((t) => t !== 'null');
  if (types.length === 1)
    return types[0] === 'object' ? 'object' : types[0] === 'array' ? 'array' : 'other';
  if (types.length > 1) return 'other';
  if (isObject(s['properties']) || isObject(s['additionalProperties'])) return 'object';
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const list = Array.isArray(s[key]) ? (s[key] as unknown[]) : [];
    const shapes = list.map((b) => shapeOf(doc, b, depth + 1));
    if (list.length && shapes.every((x) => x === 'object')) return 'object';
    if (list.length) return key === 'allOf' && shapes.includes('object') ? 'object' : 'other';
  }
  return 'other';
}

/** An upload with the operations it names (by the spec's operationIds) named as the model names them. */
function renamed(upload: UploadModel, ids: Map<string | undefined, string>): UploadModel {
  const name = (id: string) => ids.get(id) ?? id;
  return {
    ...upload,
    complete: name(upload.complete),
    ...(upload.cancel ? { cancel: name(upload.cancel) } : {}),
    ...(upload.download
      ? { download: { ...upload.download, operation: name(upload.download.operation) } }
      : {}),
  };
}
