import type { Json } from '../json.js';
import { refName, type SpecModel } from '../spec-model.js';

// What several targets (and the code samples) look up in the model the same way.

const typesByModel = new WeakMap<SpecModel, Map<string, string>>();

/**
 * The type name `@lightfield/types` gives the component schema a `$ref` names (`CommentBase` for
 * `#/components/schemas/Comment--Base`), or undefined for an inline schema.
 */
export function schemaType(model: SpecModel, schema: Json | undefined): string | undefined {
  let types = typesByModel.get(model);
  if (!types) {
    types = new Map(model.schemas.map((s) => [s.name, s.type]));
    typesByModel.set(model, types);
  }
  const name = refName(schema);
  return name === undefined ? undefined : types.get(name);
}

/** A scope, or scopes all needed, as Markdown: `` `lists:read` and `accounts:read` ``. */
export function scopeText(scope: string | string[]): string {
  return [scope]
    .flat()
    .map((s) => `\`${s}\``)
    .join(' and ');
}
