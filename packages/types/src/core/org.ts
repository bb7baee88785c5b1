// Organization-specific typing: the entity and write types of a resource narrowed to one
// organization's field and relationship definitions. The definitions come from a module that
// `lightfield-fields` (a command of @lightfield/client) writes from a definitions response; the
// value type of each valueType comes from the spec (`FieldVariants`, generated). Nothing here
// names a resource.
import type { FieldValueOf, FieldVariants, WithFieldValue } from '../generated/fields.js';

/** A select field's options: each option id with its label, e.g. `{ opt_lead: 'Lead' }`. */
export type OrgOptions = { readonly [id: string]: string };

/** One field of an organization, as `lightfield-fields` writes it. */
export interface OrgField {
  /** The field's valueType. */
  valueType: string;
  /**
   * A select field's options, id → label: entities hold the ids, writes take ids or labels. A
   * union of ids and labels (what earlier versions of the command wrote) is read as both.
   */
  options?: OrgOptions | string;
  /** `true` for a field the API does not let you write. */
  readOnly?: boolean;
}

/** One relationship of an organization, as `lightfield-fields` writes it. */
export interface OrgRelationship {
  cardinality: string;
  objectType: string;
  /** `true` for a relationship the API does not let you write. */
  readOnly?: boolean;
  /** `true` for one every entity has, with at least one id (where the definitions say so). */
  required?: boolean;
}

/** The definitions of one resource of an organization. */
export interface OrgObject {
  fields: { [key: string]: OrgField };
  relationships: { [key: string]: OrgRelationship };
}

/** An organization's definitions by resource name (`opportunity`, …): the `Org` of `Lightfield<Org>`. */
export type OrgDefinitions = { [resource: string]: OrgObject };

/** The spec's variant of a field's valueType; `never` for a valueType the spec doesn't know. */
type VariantOf<D extends OrgField> = D['valueType'] extends keyof FieldVariants
  ? FieldVariants[D['valueType']]
  : never;

/** A value narrowed to select options: a string becomes `O`, an array of strings `O[]`. */
type Narrow<V, O> = V extends readonly string[] ? O[] : V extends string ? O : V;

/** What an entity holds of a select field: the option ids (an earlier module's union as it is). */
type OptionIds<O> = O extends string ? O : keyof O & string;

/** What a write may send for a select field: the option ids or their labels. */
type OptionNames<O> = O extends string ? O : (keyof O & string) | O[keyof O];

// `infer O extends …` keeps `D` an OrgField in the true branch, which
// `exactOptionalPropertyTypes` needs: a bare `infer O` lets `options` be `unknown` there.

/** The value a write sends for a field; `Fallback` where the spec has no variant for it. */
type InputValue<D extends OrgField, Fallback> = [VariantOf<D>] extends [never]
  ? Fallback
  : D extends { options: infer O extends OrgOptions | string }
    ? Narrow<FieldValueOf<VariantOf<D>>, OptionNames<O>>
    : FieldValueOf<VariantOf<D>>;

/** A field as an entity holds it; `Fallback` where the spec has no variant for it. */
type ReadField<D extends OrgField, Fallback> = [VariantOf<D>] extends [never]
  ? Fallback
  : D extends { options: infer O extends OrgOptions | string }
    ? WithFieldValue<VariantOf<D>, Narrow<FieldValueOf<VariantOf<D>>, OptionIds<O>>>
    : VariantOf<D>;

/** The keys a type names, without its index signature. */
type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: 0;
};

/** The named keys `T` requires: those an object with no keys at all does not satisfy. */
type RequiredKeys<T> = {
  [K in KnownKeys<T>]-?: Record<never, never> extends Pick<T, K> ? never : K;
}[KnownKeys<T>];

/** The value type of a map's index signature. */
type IndexValue<M> = M extends { [key: string]: infer V } ? V : never;

/** The fields a write may send: every field that is not read-only. */
type WritableFields<O extends OrgObject> = {
  [K in keyof O['fields'] as O['fields'][K] extends { readOnly: true } ? never : K]: O['fields'][K];
};

/** A write's `fields`: the keys the spec requires stay required, the other writable ones optional. */
type FieldsInput<M, O extends OrgObject> = {
  [K in RequiredKeys<M>]: K extends keyof WritableFields<O>
    ? InputValue<WritableFields<O>[K], M[K]>
    : M[K];
} & {
  [K in Exclude<keyof WritableFields<O>, RequiredKeys<M>>]?:
    InputValue<WritableFields<O>[K], IndexValue<M>> | (null extends IndexValue<M> ? null : never);
};

/** The relationships a write may send: every relationship that is not read-only. */
type WritableRelationships<O extends OrgObject> = {
  [
    K in keyof O['relationships'] as O['relationships'][K] extends { readOnly: true } ? never : K
  ]: O['relationships'][K];
};

/**
 * A write's `relationships`: the organization's writable keys, each taking what the spec's write
 * takes.
 */
type RelationshipsInput<M, O extends OrgObject> = {
  [K in RequiredKeys<M>]: M[K];
} & {
  [K in Exclude<keyof WritableRelationships<O>, RequiredKeys<M>>]?: IndexValue<M>;
};

/** The organization's object for `resource`, or `never` when `Org` doesn't type it. */
// `Org` stands in the check position, never under `keyof` in the extends one: TypeScript then
// compares `Lightfield<MyOrg>` with `Lightfield` by structure, so the first is assignable.
type ObjectOf<Org, Resource extends string> =
  Org extends Record<Resource, infer O extends OrgObject> ? O : never;

/** The relationships of `O` that every entity has: those a write requires, or marked required. */
type RequiredRelationships<O extends OrgObject, Writes> =
  | (Writes extends { relationships?: infer R }
      ? RequiredKeys<NonNullable<R>> & keyof O['relationships']
      : never)
  | {
      [K in keyof O['relationships']]: O['relationships'][K] extends { required: true } ? K : never;
    }[keyof O['relationships']];

/** A relationship as an entity of the spec holds it: `E`'s relationship value type. */
type RelationshipOf<E> = E extends { relationships: infer R } ? IndexValue<R> : never;

/** A relationship that always has a value: its `values` has at least one id. */
type SetRelationship<E> = RelationshipOf<E> & { values: [string, ...string[]] };

/** An entity's relationships in the organization: required ones present, with an id. */
type EntityRelationships<E, O extends OrgObject, Required> = {
  [K in keyof O['relationships'] as K extends Required ? K : never]: SetRelationship<E>;
} & {
  [K in keyof O['relationships'] as K extends Required ? never : K]?: RelationshipOf<E>;
};

/**
 * An entity of `Resource` narrowed to the organization: every defined field present and typed by
 * its valueType (select values as option ids), only its relationship keys. `Writes` are the
 * resource's create and update bodies: a relationship one of them requires (or one the
 * organization marks `required`) is always present, with at least one id. `E` as is when `Org`
 * doesn't type `Resource`.
 */
export type OrgEntity<E, Org, Resource extends string, Writes = never> = [
  ObjectOf<Org, Resource>,
] extends [never]
  ? E
  : Omit<E, 'fields' | 'relationships'> & {
      fields: {
        [K in keyof ObjectOf<Org, Resource>['fields']]: ReadField<
          ObjectOf<Org, Resource>['fields'][K],
          E extends { fields: infer F } ? IndexValue<F> : never
        >;
      };
      relationships: EntityRelationships<
        E,
        ObjectOf<Org, Resource>,
        RequiredRelationships<ObjectOf<Org, Resource>, Writes>
      >;
    };

/**
 * A create or update body of `Resource` narrowed to the organization: field keys and values
 * checked, read-only fields and relationships left out, relationship keys checked. `B` as is when `Org` doesn't
 * type `Resource`.
 */
export type OrgBody<B, Org, Resource extends string> = [ObjectOf<Org, Resource>] extends [never]
  ? B
  : {
      [P in keyof B]: P extends 'fields'
        ? FieldsInput<NonNullable<B[P]>, ObjectOf<Org, Resource>>
        : P extends 'relationships'
          ? RelationshipsInput<NonNullable<B[P]>, ObjectOf<Org, Resource>>
          : B[P];
    };
