import { createRequire } from 'node:module';
import { createConfig } from '@redocly/openapi-core';
import type ts from 'typescript';
import { formatTs, jsdoc } from '../format.js';
import { generatedHeader, specIdentity } from '../header.js';
import { operationTypeRef } from '../naming.js';
import { jsonMedia, type SpecModel } from '../spec-model.js';
import { discriminatedDocument } from '../variants.js';
import type { FileMap } from '../write-output.js';
import { breakEagerCycles, inlineUnnamedRefs, withOwnHelpers } from './types-document.js';

type OpenapiTypescript = typeof import('openapi-typescript');
type GlobalContext = import('openapi-typescript').GlobalContext;
type OpenAPI3 = import('openapi-typescript').OpenAPI3;

/**
 * openapi-typescript, loaded on first use and through `require`: it loads the TypeScript compiler,
 * which an `import` would also have Node scan for ES syntax and for its exports, nearly doubling
 * the cost of the pipeline's largest import. Commands that don't write types never load it.
 */
export function openapiTypescript(): OpenapiTypescript {
  return createRequire(import.meta.url)('openapi-typescript') as OpenapiTypescript;
}

/**
 * openapi-typescript's transform of a bundled document, with its default options. `openapiTS`
 * would first lint and bundle the document again (a third of its time on a large spec), which
 * loadSpec has done already.
 */
export async function typesOf(document: object): Promise<ts.Node[]> {
  const { transformSchema, scanDiscriminators, resolveRef } = openapiTypescript();
  const schema = document as OpenAPI3;
  const context: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, {}),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: await createConfig({ rules: {} }, { extends: [] }),
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: true }),
  };
  return transformSchema(schema, context);
}

/**
 * Writes `openapi.ts` (openapi-typescript), `aliases.ts` (named types), `spec.ts` (spec identity)
 * and `fields.ts` (the field variants that organization-specific typing builds on).
 */
export async function generateTypes(model: SpecModel): Promise<FileMap> {
  const header = generatedHeader(model, 'types');
  const { astToString, stringToAST } = openapiTypescript();
  // Discriminated schemas (x-lightfield-variants) become unions in the types only.
  const discriminated = discriminatedDocument(model.document);
  // openapi-typescript's input, rewritten where its output would not compile (types-document.ts).
  const document = breakEagerCycles(
    inlineUnnamedRefs(
      discriminated === model.document ? structuredClone(discriminated) : discriminated,
    ),
  );
  const ast = await typesOf(document);
  const files: FileMap = new Map();
  // openapi-typescript prints its own output; formatting megabytes of it again would cost more than generating it.
  files.set('openapi.ts', `${header}\n${astToString(withOwnHelpers(ast, stringToAST))}`);
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
  const decls: { doc: string; name: string; type: string }[] = model.schemas.map((s) => ({
    doc: jsdoc(s.description ?? `The \`${s.name}\` schema.`),
    name: s.type,
    type: `components['schemas'][${quote(s.name)}]`,
  }));
  for (const op of model.operations) {
    // openapi-typescript keys `operations` by the spec's own id; without one, only `paths` has it.
    const ref = operationTypeRef(op);
    const response = jsonMedia(op.success.media);
    if (op.types.response && response) {
      decls.push({
        doc: jsdoc(`The response body of \`${op.operationId}\`.`),
        name: op.types.response,
        type: `${bodyOwner(op.components.response, 'responses', `${ref}['responses'][${op.success.status}]`)}['content'][${quote(response.type)}]`,
      });
    }
    if (!op.types.params) continue;
    const body = jsonMedia(op.requestBody?.media ?? []);
    if (op.requestBody && body) {
      decls.push({
        doc: jsdoc(`The request body of \`${op.operationId}\`.`),
        name: op.types.params,
        type: `${bodyOwner(op.components.requestBody, 'requestBodies', `NonNullable<${ref}['requestBody']>`)}['content'][${quote(body.type)}]`,
      });
    } else if (op.queryParams.length > 0) {
      decls.push({
        doc: jsdoc(`The query parameters of \`${op.operationId}\`.`),
        name: op.types.params,
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
 * through a `$ref` is looked up on the last component of its chain (`component`); an inline one
 * through the operation (`inline`, which unwraps an optional request body).
 */
function bodyOwner(
  component: string | undefined,
  kind: 'responses' | 'requestBodies',
  inline: string,
): string {
  return component === undefined ? inline : `components['${kind}'][${quote(component)}]`;
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
  const v = model.variants[0];
  const doc = (text: string) => jsdoc(text);
  if (!v) {
    return [
      `${doc('The spec declares no discriminated field schema (`x-lightfield-variants`): no variants.')}export type FieldVariants = {};`,
      `${doc('Without variants, a field keeps its type.')}export type WithFieldValue<F, T> = F;`,
      `${doc('Without variants, any value the spec allows.')}export type FieldValueOf<F> = unknown;`,
      '',
    ].join('\n');
  }
  const type = model.schemas.find((s) => s.name === v.schema)?.type ?? v.schema;
  const d = JSON.stringify(v.discriminator).replace(/"/g, "'");
  const p = JSON.stringify(v.property).replace(/"/g, "'");
  return [
    `import type { ${type} } from './aliases.js';`,
    '',
    `${doc(`Each variant of \`${v.schema}\` by its \`${v.discriminator}\`.`)}export type FieldVariants = {`,
    `  [K in ${type}[${d}]]: Extract<${type}, { ${v.discriminator}: K }>;`,
    '};',
    `${doc(`A \`${v.schema}\` variant whose \`${v.property}\` is narrowed to \`T\` (or null), e.g. an organization's select options.`)}export type WithFieldValue<F, T> = F extends unknown`,
    `  ? Omit<F, ${p}> & { ${v.property}: T | null }`,
    '  : never;',
    `${doc(`The non-null \`${v.property}\` of a \`${v.schema}\` variant: what a write sends.`)}export type FieldValueOf<F> = F extends { ${v.property}: infer V } ? NonNullable<V> : never;`,
    '',
  ].join('\n');
}
