/**
 * Types of the Lightfield CRM API, generated from `spec/openapi.yaml`.
 *
 * `paths`, `components` and `operations` are openapi-typescript's output, for use with
 * openapi-fetch; the named aliases (`Opportunity`, `OpportunityCreateParams`, …) are what
 * application code usually imports. `Field` is a union discriminated on `valueType`; `OrgEntity` and
 * `OrgBody` narrow an entity and its writes to one organization's definitions (the module that
 * `npx lightfield-fields`, a command of `@lightfield/client`, writes).
 * @packageDocumentation
 */
export type { $defs, components, operations, paths, webhooks } from './generated/openapi.js';
export type * from './generated/aliases.js';
export type { FieldValueOf, FieldVariants, WithFieldValue } from './generated/fields.js';
export type {
  OrgBody,
  OrgDefinitions,
  OrgEntity,
  OrgField,
  OrgObject,
  OrgOptions,
  OrgRelationship,
} from './core/org.js';
export { spec } from './generated/spec.js';
