/**
 * Types of the Lightfield CRM API, generated from `spec/openapi.yaml`.
 *
 * `paths`, `components` and `operations` are openapi-typescript's output, for use with
 * openapi-fetch; the named aliases (`Opportunity`, `OpportunityCreateParams`, …) are what
 * application code usually imports.
 * @packageDocumentation
 */
export type { $defs, components, operations, paths, webhooks } from './generated/openapi.js';
export type * from './generated/aliases.js';
export { spec } from './generated/spec.js';
