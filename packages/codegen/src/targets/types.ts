import openapiTS, { astToString } from 'openapi-typescript';
import { formatTs, jsdoc } from '../format.js';
import { generatedHeader, specIdentity } from '../header.js';
import { pascal, type SpecModel } from '../spec-model.js';
import type { FileMap } from '../write-output.js';

type Json = Record<string, unknown>;

/** Writes `openapi.ts` (openapi-typescript), `aliases.ts` (named types) and `spec.ts` (spec identity). */
export async function generateTypes(model: SpecModel): Promise<FileMap> {
  const header = generatedHeader(model, 'types');
  const ast = await openapiTS(structuredClone(model.document) as never, { silent: true });
  const files: FileMap = new Map();
  // openapi-typescript prints its own output; formatting megabytes of it again would cost more than generating it.
  files.set('openapi.ts', `${header}\n${astToString(ast)}`);
  files.set('aliases.ts', await formatTs(`${header}\n${aliases(model)}`));
  files.set('spec.ts', await formatTs(`${header}\n${specConstant(model)}`));
  return files;
}

function aliases(model: SpecModel): string {
  const components = (model.document['components'] ?? {}) as Json;
  const schemas = (components['schemas'] ?? {}) as Record<string, Json>;
  const out: string[] = ["import type { components, operations } from './openapi.js';", ''];
  const taken = new Set<string>();
  for (const [name, schema] of Object.entries(schemas)) {
    taken.add(name);
    const description =
      typeof schema['description'] === 'string' ? schema['description'] : undefined;
    out.push(
      `${jsdoc(description ?? `The \`${name}\` schema.`)}export type ${name} = components['schemas']['${name}'];`,
    );
  }
  for (const op of model.operations) {
    const base = `${pascal(op.resource)}${pascal(op.method)}`;
    const ref = `operations['${op.operationId}']`;
    if (op.success.schema && !taken.has(`${base}Response`)) {
      out.push(
        `${jsdoc(`The response body of \`${op.operationId}\`.`)}export type ${base}Response = ${ref}['responses'][${op.success.status}]['content']['application/json'];`,
      );
    }
    if (taken.has(`${base}Params`)) continue;
    if (op.requestBody) {
      out.push(
        `${jsdoc(`The request body of \`${op.operationId}\`.`)}export type ${base}Params = NonNullable<${ref}['requestBody']>['content']['application/json'];`,
      );
    } else if (op.queryParams.length > 0) {
      out.push(
        `${jsdoc(`The query parameters of \`${op.operationId}\`.`)}export type ${base}Params = NonNullable<${ref}['parameters']['query']>;`,
      );
    }
  }
  return out.join('\n');
}

function specConstant(model: SpecModel): string {
  const id = specIdentity(model);
  return `${jsdoc('The spec these types were generated from.')}export const spec = ${JSON.stringify(id)} as const;\n`;
}
