import { createConfig } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { formatTs, jsdoc } from '../format.js';
import { generatedHeader, specIdentity } from '../header.js';
import { deref, isObject, resolvePointer } from '../rules.js';
import { jsonMedia, pascal, type OperationModel, type SpecModel } from '../spec-model.js';
import { discriminatedDocument, readVariants } from '../variants.js';
import type { FileMap } from '../write-output.js';
import { unescapePointerSegment, type Json } from '../json.js';

/**
 * Writes `openapi.ts` (openapi-typescript), `aliases.ts` (named types), `spec.ts` (spec identity)
 * and `fields.ts` (the field variants that organization-specific typing builds on).
 */
export async function generateTypes(model: SpecModel): Promise<FileMap> {
  const header = generatedHeader(model, 'types');
  // The document is already bundled and checked (loadSpec; the `lint` task runs redocly's rules),
  // so openapi-typescript's own lint pass runs with no rules.
  const redocly = await createConfig({ rules: {} }, { extends: [] });
  // Discriminated schemas (x-lightfield-variants) become unions in the types only.
  const document = discriminatedDocument(model.document);
  const ast = await openapiTS(
    (document === model.document ? structuredClone(document) : document) as never,
    { silent: true, redocly },
  );
  const files: FileMap = new Map();
  // openapi-typescript prints its own output; formatting megabytes of it again would cost more than generating it.
  files.set('openapi.ts', `${header}\n${astToString(ast)}`);
  files.set('aliases.ts', await formatTs(`${header}\n${aliasesFile(model)}`));
  files.set('spec.ts', await formatTs(`${header}\n${specFile(model)}`));
  files.set('fields.ts', await formatTs(`${header}\n${fieldsFile(model)}`));
  return files;
}

/** A string as a single-quoted TypeScript literal, as prettier prints it. */
function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `aliases.ts`: a named type per schema, and per operation for its body, response and query. */
function aliasesFile(model: SpecModel): string {
  const components = (model.document['components'] ?? {}) as Json;
  const schemas = (components['schemas'] ?? {}) as Record<string, Json>;
  const decls: { doc: string; name: string; type: string }[] = [];
  const taken = new Set<string>();
  for (const [name, schema] of Object.entries(schemas)) {
    taken.add(name);
    const description =
      typeof schema['description'] === 'string' ? schema['description'] : undefined;
    decls.push({
      doc: jsdoc(description ?? `The \`${name}\` schema.`),
      name,
      type: `components['schemas']['${name}']`,
    });
  }
  for (const op of model.operations) {
    const base = `${pascal(op.resource)}${pascal(op.method)}`;
    // openapi-typescript keys `operations` by the spec's own id; without one, only `paths` has it.
    const ref =
      op.specOperationId !== undefined
        ? `operations[${quote(op.specOperationId)}]`
        : `paths[${quote(op.path)}][${quote(op.httpMethod)}]`;
    const response = jsonMedia(op.success.media);
    if (op.success.schema && response && !taken.has(`${base}Response`)) {
      decls.push({
        doc: jsdoc(`The response body of \`${op.operationId}\`.`),
        name: `${base}Response`,
        type: `${bodyOwner(model, op, 'responses', `${ref}['responses'][${op.success.status}]`)}['content'][${quote(response.type)}]`,
      });
    }
    if (taken.has(`${base}Params`)) continue;
    const body = jsonMedia(op.requestBody?.media ?? []);
    if (op.requestBody && body) {
      decls.push({
        doc: jsdoc(`The request body of \`${op.operationId}\`.`),
        name: `${base}Params`,
        type: `${bodyOwner(model, op, 'requestBodies', `NonNullable<${ref}['requestBody']>`)}['content'][${quote(body.type)}]`,
      });
    } else if (op.queryParams.length > 0) {
      decls.push({
        doc: jsdoc(`The query parameters of \`${op.operationId}\`.`),
        name: `${base}Params`,
        type: `NonNullable<${ref}['parameters']['query']>`,
      });
    }
  }
  const used = ['components', 'operations', 'paths'].filter((n) =>
    decls.some((d) => d.type.startsWith(`${n}[`) || d.type.startsWith(`NonNullable<${n}[`)),
  );
  return [
    `import type { ${used.join(', ')} } from './openapi.js';`,
    '',
    ...decls.map((d) => `${d.doc}export type ${d.name} = ${d.type};`),
    '',
  ].join('\n');
}

/**
 * The type that holds an operation's response or request body `content`. openapi-typescript types
 * a component that is itself a `$ref` to another (an alias) as having no content, so a body reached
 * through a `$ref` is looked up on the last component of its chain; an inline one through the
 * operation (`inline`, which unwraps an optional request body).
 */
function bodyOwner(
  model: SpecModel,
  op: OperationModel,
  kind: 'responses' | 'requestBodies',
  inline: string,
): string {
  const paths = isObject(model.document['paths']) ? model.document['paths'] : {};
  const item = deref(model.document, paths[op.path]);
  const found = isObject(item) ? item[op.httpMethod] : undefined;
  const raw = isObject(found) ? found : {};
  const responses = isObject(raw['responses']) ? raw['responses'] : {};
  const node = kind === 'responses' ? responses[op.success.status] : raw['requestBody'];
  const name = lastComponent(model.document, node, kind);
  return name === undefined ? inline : `components['${kind}'][${quote(name)}]`;
}

/** The component a `$ref` chain ends on, if each link is a `#/components/<kind>/<name>`. */
function lastComponent(doc: Json, node: unknown, kind: string): string | undefined {
  let name: string | undefined;
  const seen = new Set<string>();
  let current = node;
  while (isObject(current) && typeof current['$ref'] === 'string') {
    const match = new RegExp(`^#/components/${kind}/([^/]+)$`).exec(current['$ref']);
    if (!match || seen.has(match[1]!)) return undefined;
    name = unescapePointerSegment(match[1]!);
    seen.add(match[1]!);
    current = resolvePointer(doc, current['$ref']);
  }
  return name;
}

/** `spec.ts`: the spec's identity. */
function specFile(model: SpecModel): string {
  return `${jsdoc('The spec these types were generated from.')}export const spec = ${JSON.stringify(specIdentity(model))} as const;\n`;
}

/**
 * `fields.ts`: the variants of the spec's first discriminated schema (`x-lightfield-variants`, the
 * entity field), by discriminator value, and two helpers over them. `@lightfield/types`' org
 * typing (`src/core/org.ts`) builds on these names alone; without a discriminated schema they are
 * empty and org typing keeps the spec's own field types.
 */
function fieldsFile(model: SpecModel): string {
  const v = readVariants(model.document)[0];
  const doc = (text: string) => jsdoc(text);
  if (!v) {
    return [
      `${doc('The spec declares no discriminated field schema (`x-lightfield-variants`): no variants.')}export type FieldVariants = {};`,
      `${doc('Without variants, a field keeps its type.')}export type WithFieldValue<F, T> = F;`,
      `${doc('Without variants, any value the spec allows.')}export type FieldValueOf<F> = unknown;`,
      '',
    ].join('\n');
  }
  const d = JSON.stringify(v.discriminator).replace(/"/g, "'");
  const p = JSON.stringify(v.property).replace(/"/g, "'");
  return [
    `import type { ${v.schema} } from './aliases.js';`,
    '',
    `${doc(`Each variant of \`${v.schema}\` by its \`${v.discriminator}\`.`)}export type FieldVariants = {`,
    `  [K in ${v.schema}[${d}]]: Extract<${v.schema}, { ${v.discriminator}: K }>;`,
    '};',
    `${doc(`A \`${v.schema}\` variant whose \`${v.property}\` is narrowed to \`T\` (or null), e.g. an organization's select options.`)}export type WithFieldValue<F, T> = F extends unknown`,
    `  ? Omit<F, ${p}> & { ${v.property}: T | null }`,
    '  : never;',
    `${doc(`The non-null \`${v.property}\` of a \`${v.schema}\` variant: what a write sends.`)}export type FieldValueOf<F> = F extends { ${v.property}: infer V } ? NonNullable<V> : never;`,
    '',
  ].join('\n');
}
