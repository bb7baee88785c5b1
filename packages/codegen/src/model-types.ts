import type { DerivedField } from './derived.js';
import type { MembersModel } from './members.js';
import type { UploadModel } from './upload.js';
import type { HttpMethod, Json } from './json.js';
import type { OperationTypeNames } from './naming.js';
import type { Variants } from './variants.js';

// The spec model's types: what every target reads (see `buildModel` in spec-model.ts).

/** How a parameter's value is shaped, after `$ref`s: what decides its serialization. */
export type ParamShape = 'primitive' | 'array' | 'object';

/** A parameter of an operation, resolved from any `$ref`. */
export interface ParamModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  schema: Json;
  /** The serialization style, with OpenAPI's default filled in (`form` for query, else `simple`). */
  style: string;
  /** Whether arrays and objects explode, with OpenAPI's default filled in. */
  explode: boolean;
  shape: ParamShape;
  /** An array or object parameter whose schema takes a primitive too (`anyOf` branches). */
  mixed?: true;
  /** For a primitive: its type, bounds and string values, after `$ref`s. */
  type?: 'integer' | 'number' | 'string' | 'boolean';
  minimum?: number;
  maximum?: number;
  enum?: string[];
  /** The spec's example: the parameter's `example` or first `examples`, else its schema's. */
  example?: Example;
  /**
   * For a path parameter: the value a caller that follows the spec sends, as the path carries it
   * (its example, else a value sampled from its schema). The mock knows it as an existing
   * record's id, so a documented call finds what it names.
   */
  pathValue?: string;
}

/** A value the spec gives as an example (wrapped, so an example of `null` is one too). */
export interface Example {
  value: unknown;
}

/** One media type of a request or response body, e.g. `multipart/form-data`. */
export interface MediaModel {
  /** The media type as the spec writes it, e.g. `application/json`, `text/csv`, `image/*`. */
  type: string;
  /** How the runtime encodes or decodes it. */
  format: 'json' | 'multipart' | 'form' | 'text' | 'binary';
  schema?: Json;
  /** For multipart: the properties that carry files (`format: binary`, or arrays of them). */
  files?: string[];
  /**
   * For multipart: the schema is one file (a binary string), not an object of parts. The body is
   * that file, sent as the part `file`.
   */
  wholeFile?: true;
  /** The media type's `example`, or the first of its `examples`. */
  example?: Example;
}

/** A documented response: its status and the media types its body may have (none for 204). */
export interface ResponseModel {
  /** `200`, `204`, `4XX`, `default`, … as the spec writes it. */
  status: string;
  media: MediaModel[];
}

/** Offset pagination, detected from the response shape and the query parameters. */
export interface PaginationModel {
  style: 'offset';
  limitParam: string;
  offsetParam: string;
  /** The response property holding the page's items, e.g. `data`. */
  itemsProperty: string;
  /** The response property holding the total count, if any. */
  totalProperty?: string;
  /** The limit parameter's default. */
  pageSize?: number;
  /** The limit parameter's maximum. */
  maxPageSize?: number;
}

/**
 * What an operation does to its resource, detected from its HTTP shape or declared with
 * `x-lightfield-kind` (see `classify`).
 */
export type OperationKind =
  'create' | 'retrieve' | 'update' | 'delete' | 'list' | 'definitions' | 'nested-list' | 'action';

/** One operation, named `resource.method` (its operationId, or derived; see `operationName`). */
export interface OperationModel {
  /** `resource.method`: the client's name for the operation, unique in the spec. */
  operationId: string;
  /** The spec's own operationId, if it has one (the key of openapi-typescript's `operations`). */
  specOperationId?: string;
  resource: string;
  method: string;
  httpMethod: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  kind: OperationKind;
  /** Whether `kind` was declared with `x-lightfield-kind` or detected. */
  kindSource: 'declared' | 'detected';
  /** For an operation under another resource's item path: that resource and its id parameter. */
  parent?: { resource: string; param: string };
  /** Path parameters, in the order of the path template. */
  pathParams: ParamModel[];
  queryParams: ParamModel[];
  headerParams: ParamModel[];
  /**
   * The request body. `schema` is the JSON media type's schema (a `$ref` where the spec names
   * it); `media` lists every media type the operation accepts, in the spec's order.
   */
  requestBody?: { required: boolean; schema?: Json; media: MediaModel[] };
  /** The first 2xx status, its JSON schema if it has one, and its media types. */
  success: { status: string; schema?: Json; media: MediaModel[] };
  /**
   * The `components.responses` / `components.requestBodies` entry the success response and the
   * request body are, where the spec names one (the last of a `$ref` chain of them).
   */
  components: { response?: string; requestBody?: string };
  /** The type names of its body, response, query and headers (see `operationTypeNames`). */
  types: OperationTypeNames;
  /** Which of its schemas have the entity shape, and whether it answers definitions. */
  shapes: OperationShapes;
  /** Every documented response. */
  responses: ResponseModel[];
  /** Every documented non-2xx status. */
  errorStatuses: number[];
  pagination?: PaginationModel;
  /** `x-lightfield-rate-limit`: the rate-limit category (Write, Read, Search). */
  rateLimit?: string;
  /** `x-lightfield-scope`: the scope an API key needs, or the scopes it needs every one of. */
  scope?: string | string[];
  /** `x-lightfield-filter`: the operation takes field filters in its query. */
  filter: boolean;
  /**
   * The idempotency key the operation accepts: a declared `Idempotency-Key` header, or one its
   * description names. `maxLength` is the header schema's, else 255.
   */
  idempotency?: { header: string; maxLength: number };
  /** Whether the operation accepts an idempotency key (`idempotency !== undefined`). */
  idempotent: boolean;
  /** `x-lightfield-upload`: the operation starts an upload session, completed by another. */
  upload?: UploadModel;
  /** `x-lightfield-members`: the operation pages the members of the record its path names. */
  members?: MembersModel;
}

/**
 * What a resource is to the mock:
 * - `entity`: its records have the entity shape (`fields` and `relationships` maps);
 * - `record`: a stateful resource of another shape (has retrieve, and create or list);
 * - `actions`: operations without state of their own.
 */
export type ResourceKind = 'entity' | 'record' | 'actions';

/** A resource: the operations that share the part of their name before the dot. */
export interface ResourceModel {
  name: string;
  kind: ResourceKind;
  /** The schema of one record (the retrieve or create response), for `entity` and `record`. */
  schema?: Json;
  /** The description of the spec's tag of the same name, if any. */
  description?: string;
  /** The name of its class in the client, e.g. `OpportunityResource`. */
  className: string;
  /** For an `entity`: its fields and relationships, from its schemas and examples. */
  entity?: EntityModel;
  operations: OperationModel[];
}

/**
 * Which schemas of an operation have the entity shape (an object with `fields` and
 * `relationships`, `allOf` parts included), and whether its success body is an organization's
 * definitions (`fieldDefinitions` and `relationshipDefinitions`).
 */
export interface OperationShapes {
  entityBody: boolean;
  entityResponse: boolean;
  /** The items of its page (`pagination.itemsProperty`). */
  entityItems: boolean;
  definitions: boolean;
}

/** An entity resource's fields and relationships, as its schemas and examples give them. */
export interface EntityModel {
  /**
   * Every field key its schemas declare (the `fields` properties of its read schema and of its
   * create and update bodies), with its `x-lightfield-value-type` (or the one value its `valueType`
   * allows), else the definitions example's valueType for that key, else `TEXT`.
   */
  fields: Record<string, string>;
  /** What its create requires, where it has a create. */
  create?: {
    /** Required fields with their valueType. */
    fields: Record<string, string>;
    relationships: string[];
    /** Relationships the create body names but doesn't require. */
    optionalRelationships: string[];
  };
  /** The valueTypes its fields may have, each with the schema the spec gives its value. */
  valueTypes: { name: string; schema?: Json }[];
  /** The spec's examples of its fields (create body and read schema), by field key. */
  fieldExamples: Record<string, unknown[]>;
  /** Its `x-lightfield-derived` fields, by key. */
  derived: Record<string, DerivedField>;
  /** The field definitions of its definitions response's example, without ids, by key. */
  fieldDefinitions: Json;
  /** The relationship definitions of that example, without ids, by key. */
  relationshipDefinitions: Json;
  /** Relationship keys its read schema marks `readOnly: true`. */
  readOnlyRelationships: string[];
  /** Whether its read schema's `fields` allows no keys but its own (`additionalProperties: false`). */
  closedFields: boolean;
  /** Fields marked `x-lightfield-past`: times a write may not set in the future. */
  pastFields: string[];
  /** Fields a write gives a list of values, selects aside: each takes several. */
  multipleFields: string[];
  /** The object types its schemas give relationships (`x-lightfield-object-type`), by key. */
  relationshipTypes: Record<string, string>;
  /** Its read schema's required properties beyond the entity model, with a value (`objectType`). */
  recordProperties: Json;
}

/** A component schema and the type name `@lightfield/types` gives it. */
export interface SchemaModel {
  /** Its key in `components.schemas`, as the spec writes it (`Comment--Base`). */
  name: string;
  /** Its alias in `@lightfield/types`, a legal and distinct identifier (`CommentBase`). */
  type: string;
  description?: string;
  /** What its values are: an object (or an `allOf` of objects), an array, or anything else. */
  shape: 'object' | 'array' | 'other';
}

/** Everything a generator needs to know about a spec. */
export interface SpecModel {
  /** Absolute path of the entry file. */
  file: string;
  /**
   * The bundled document: one file, local `$ref`s only. Targets read the model, not this: it is
   * there to resolve the `$ref`s a model schema holds, and for the outputs that are the document.
   */
  document: Json;
  title: string;
  version: string;
  /** sha256 of the bundled document, hex. */
  hash: string;
  /** Required headers whose schema allows a single value, e.g. `Lightfield-Version`. */
  constantHeaders: Record<string, string>;
  /** The base URL of the first server. */
  baseUrl: string;
  /** `x-lightfield-rate-limits`: requests per second by rate-limit category. */
  rateLimits: Record<string, number>;
  operations: OperationModel[];
  resources: ResourceModel[];
  /** The component schemas, in the document's order. */
  schemas: SchemaModel[];
  /** The `x-lightfield-variants` declarations, in the document's order. */
  variants: Variants[];
  /**
   * What generation inferred or turned off, per operation, for the generate log: derived names,
   * kinds detected by name, features off for want of an `x-lightfield-*` extension.
   */
  notes: string[];
}
