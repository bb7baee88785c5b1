import type { Json } from '../json.js';
import { exampleIds } from '../entity-model.js';
import { jsonMedia } from '../model-media.js';
import type { MediaModel, OperationModel, ResourceModel } from '../spec-model.js';
import type { UploadModel } from '../upload.js';

// The fixtures' `resources.ts` entries: every resource and operation as the mock routes them.

function mediaInfo(media: MediaModel[], withSchema: boolean): Json[] {
  return media.map((m) => ({
    type: m.type,
    format: m.format,
    ...(withSchema && m.schema && m.format !== 'json' ? { schema: m.schema } : {}),
  }));
}

/**
 * The media the mock answers an operation's success in: its success response's, else, where the
 * spec documents no 2xx of its own, its `2XX` range's or (with no 2xx at all) its `default`'s,
 * which then documents the success.
 */
export function successMedia(op: OperationModel): MediaModel[] {
  if (op.success.media.length) return op.success.media;
  const keys = op.responses.map((r) => r.status);
  const own = keys.some((k) => /^2\d\d$/.test(k));
  const key = own
    ? undefined
    : (keys.find((k) => /^2xx$/i.test(k)) ?? keys.find((k) => k === 'default'));
  return op.responses.find((r) => r.status === key)?.media ?? [];
}

/** An operation as the mock routes and validates it (`OperationRoute`). */
function operationInfo(op: OperationModel): Json {
  const media = successMedia(op);
  const schema = jsonMedia(media)?.schema;
  return {
    id: op.operationId,
    verb: op.method,
    kind: op.kind,
    ...(op.parent ? { parent: op.parent } : {}),
    method: op.httpMethod.toUpperCase(),
    path: op.path,
    ...(op.rateLimit ? { category: op.rateLimit } : {}),
    ...(op.scope ? { scope: op.scope } : {}),
    filter: op.filter,
    paginated: op.pagination !== undefined,
    ...(op.pagination
      ? {
          pagination: {
            limitParam: op.pagination.limitParam,
            offsetParam: op.pagination.offsetParam,
            itemsProperty: op.pagination.itemsProperty,
            ...(op.pagination.totalProperty ? { totalProperty: op.pagination.totalProperty } : {}),
            ...(op.pagination.pageSize ? { pageSize: op.pagination.pageSize } : {}),
            ...(op.pagination.maxPageSize ? { maxPageSize: op.pagination.maxPageSize } : {}),
          },
        }
      : {}),
    idempotent: op.idempotent,
    pathParams: op.pathParams.map((p) => p.name),
    ...(op.pathParams.length
      ? { pathValues: Object.fromEntries(op.pathParams.map((p) => [p.name, p.pathValue ?? ''])) }
      : {}),
    query: op.queryParams.map((p) => ({
      name: p.name,
      required: p.required,
      schema: p.schema,
      ...(p.shape === 'primitive' ? {} : { shape: p.shape }),
      // Only what differs from the query default (form, exploded) is written.
      ...(p.shape !== 'primitive' && p.style !== 'form' ? { style: p.style } : {}),
      ...(p.shape !== 'primitive' && !p.explode ? { explode: false } : {}),
    })),
    headers: op.headerParams.map((p) => ({
      name: p.name,
      required: p.required,
      schema: p.schema,
    })),
    ...(op.requestBody?.media.length
      ? {
          body: {
            required: op.requestBody.required,
            ...(op.requestBody.schema ? { schema: op.requestBody.schema } : {}),
            media: mediaInfo(op.requestBody.media, true),
          },
        }
      : {}),
    success: op.success.status,
    ...(schema ? { responseSchema: schema } : {}),
    responseMedia: mediaInfo(media, false),
    errors: op.errorStatuses,
    // The mock serves the upload URL itself (`x-lightfield-upload`), and completes the session.
    ...(op.upload ? { upload: uploadInfo(op.upload) } : {}),
    // The records it pages are the members the record its path names holds (`x-lightfield-members`).
    ...(op.members ? { members: op.members } : {}),
  };
}

/** An upload session as the mock serves it (`UploadRoute`): the names, without the client's method. */
function uploadInfo(upload: UploadModel): Json {
  const { method: _, ...route } = upload;
  return route;
}

/** A resource as the runtime reads it (`ResourceInfo`); an entity with its fields and relationships. */
export function resourceInfo(r: ResourceModel): Json {
  const e = r.entity;
  // Entities and records alike: the documented ids are seeded, and relationships point at them.
  const ids = r.kind === 'actions' ? [] : exampleIds(r.operations);
  const some = (key: string, value: object | undefined) =>
    value && Object.keys(value).length ? { [key]: value } : {};
  return {
    name: r.name,
    kind: r.kind,
    ...(e?.create ? { create: createInfo(e.create) } : {}),
    ...(e ? { valueTypes: e.valueTypes } : {}),
    ...some('fields', e?.fields),
    ...some('fieldExamples', e?.fieldExamples),
    ...some('derived', e?.derived),
    ...some('fieldDefinitions', e?.fieldDefinitions),
    ...some('relationshipDefinitions', e?.relationshipDefinitions),
    ...(e?.readOnlyRelationships.length ? { readOnlyRelationships: e.readOnlyRelationships } : {}),
    ...(e?.closedFields ? { closedFields: true } : {}),
    ...(ids.length ? { exampleIds: ids } : {}),
    ...some('relationshipTypes', e?.relationshipTypes),
    ...(e?.multipleFields.length ? { multipleFields: e.multipleFields } : {}),
    ...(e?.pastFields.length ? { pastFields: e.pastFields } : {}),
    ...some('recordProperties', e?.recordProperties),
    operations: r.operations.map(operationInfo),
  };
}

/** What a create requires: its optional relationships only where there are some. */
function createInfo(create: NonNullable<NonNullable<ResourceModel['entity']>['create']>): Json {
  const { optionalRelationships, ...rest } = create;
  return { ...rest, ...(optionalRelationships.length ? { optionalRelationships } : {}) };
}
