import { formatTs, jsdoc } from '../format.js';
import { generatedHeader, specIdentity } from '../header.js';
import { sampleSchema } from '../sample-schema.js';
import type { MediaModel, SpecModel } from '../spec-model.js';
import type { FileMap } from '../write-output.js';
import { factoriesFile } from './fixtures-factories.js';
import { resourceInfo, successMedia } from './fixtures-resources.js';

/**
 * Writes the fixtures' `src/generated/`: `document.ts` (the bundled spec, for request
 * validation), `resources.ts` (every operation as the mock routes it, by kind), `examples.ts` (a
 * schema-valid example per response) and `factories.ts` (a typed factory per response schema).
 */
export async function generateFixtures(model: SpecModel): Promise<FileMap> {
  const header = generatedHeader(model, 'fixtures');
  const files: FileMap = new Map();
  // The data files are printed as indented JSON, not run through prettier: on a large spec
  // formatting them would cost more than everything else (they are in .prettierignore).
  files.set('document.ts', `${header}\n${documentFile(model)}\n`);
  files.set('resources.ts', `${header}\n${resourcesFile(model)}\n`);
  files.set('examples.ts', `${header}\n${examplesFile(model)}\n`);
  files.set('factories.ts', await formatTs(`${header}\n${factoriesFile(model)}`));
  return files;
}

function documentFile(model: SpecModel): string {
  return [
    `${jsdoc('The spec these fixtures were generated from.')}export const spec = ${JSON.stringify(specIdentity(model))} as const;`,
    '',
    `${jsdoc('The bundled OpenAPI document: request validation compiles its schemas.')}export const document: Record<string, unknown> = ${JSON.stringify(model.document, null, 2)};`,
  ].join('\n');
}

function resourcesFile(model: SpecModel): string {
  const valueTypeList = [
    ...new Set(model.resources.flatMap((r) => (r.entity?.valueTypes ?? []).map((v) => v.name))),
  ];
  const operationIds = model.resources.flatMap((r) => r.operations.map((op) => op.operationId));
  const resources = model.resources.map(resourceInfo);
  return [
    "import type { ResourceInfo } from '../core/resource-info.js';",
    '',
    `${jsdoc('Every resource of the spec, with the operations the mock and the handlers serve.')}export const resources: ResourceInfo[] = ${JSON.stringify(resources, null, 2)};`,
    '',
    `${jsdoc('The valueTypes the spec knows.')}export const valueTypes = ${JSON.stringify(valueTypeList)} as const;`,
    '',
    `${jsdoc('A valueType of the spec.')}export type ValueType = ${valueTypeList.length ? '(typeof valueTypes)[number]' : 'string'};`,
    '',
    // An empty tuple types its items `never`, and `operationIds.find((id) => id.endsWith(…))`
    // would not compile: without operations the list is typed as strings.
    `${jsdoc('The id of every operation of the spec.')}export const operationIds${operationIds.length ? ` = ${JSON.stringify(operationIds)} as const` : ': readonly string[] = []'};`,
    '',
    `${jsdoc('An operation id of the spec, e.g. for `errorHandler`.')}export type OperationId = ${operationIds.length ? '(typeof operationIds)[number]' : 'never'};`,
    '',
    `${jsdoc("The spec's first server: where the client sends requests unless told otherwise.")}export const defaultBaseUrl = ${JSON.stringify(model.baseUrl)};`,
    '',
    `${jsdoc('Headers every request must send, with their only accepted value.')}export const constantHeaders: Readonly<Record<string, string>> = ${JSON.stringify(model.constantHeaders)};`,
    '',
    `${jsdoc('Requests per second by rate-limit category.')}export const rateLimits: Readonly<Record<string, number>> = ${JSON.stringify(model.rateLimits)};`,
  ].join('\n');
}

/** A schema-valid example of one media type: JSON as a value, text and binary as text. */
function mediaExample(model: SpecModel, media: MediaModel): unknown {
  const value = media.schema ? sampleSchema(model.document, media.schema) : undefined;
  if (media.format === 'json') return value ?? {};
  if (typeof value === 'string' && value !== 'string') return value;
  // Structured data under a text type (`text/plain` documented as an object): its JSON.
  if (media.format === 'text' && typeof value === 'object' && value !== null)
    return JSON.stringify(value);
  // A string schema with no example: something that reads as the media type.
  if (/csv/i.test(media.type)) return 'id,name\nexample_1,Example\n';
  return media.format === 'text' ? 'example' : 'example bytes';
}

function examplesFile(model: SpecModel): string {
  const examples: Record<string, Record<string, unknown>> = {};
  for (const op of model.operations) {
    const byStatus: Record<string, unknown> = {};
    for (const response of op.responses) {
      const media = response.media.find((m) => m.format === 'json') ?? response.media[0];
      if (media && (media.schema || media.format !== 'json'))
        byStatus[response.status] = mediaExample(model, media);
    }
    // A success documented by a `2XX` or `default` response: its example under the success's status.
    const success = successMedia(op);
    const media = success.find((m) => m.format === 'json') ?? success[0];
    if (!(op.success.status in byStatus) && media && (media.schema || media.format !== 'json'))
      byStatus[op.success.status] = mediaExample(model, media);
    examples[op.operationId] = byStatus;
  }
  return `${jsdoc(
    'A deterministic, schema-valid example body for every response of every operation, by operationId and status (text and binary bodies as text).',
  )}export const examples: Record<string, Record<string, unknown>> = ${JSON.stringify(examples, null, 2)};`;
}
