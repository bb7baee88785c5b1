// Written by @lightfield/codegen's spec package: the types entry over this spec's generated types.
export type * from './generated/aliases.js';
export type { components, operations, paths } from './generated/openapi.js';
export type * from './core/org.js';
