import { formatTs } from './format.js';
import { paramIdentifier } from './naming.js';
import { deref, type Json } from './json.js';
import { sampleSchema } from './sample-schema.js';
import type { OperationModel, ParamModel, SpecModel } from './spec-model.js';
import { schemaType } from './targets/shared.js';

/** A sample's language and label, as the `x-codeSamples` extension names them. */
export const SAMPLE_LANG = { lang: 'TypeScript', label: '@lightfield/client' } as const;

/** A value for a path parameter: the spec's example where it has one, else `<name>_123`. */
function pathValue(param: ParamModel): unknown {
  return (param.example ?? { value: `${param.name}_123` }).value;
}

/**
 * The query a sample passes: every required parameter (its example, else a value built from its
 * schema) and every optional one the spec gives an example for; `undefined` when empty.
 */
function queryValue(model: SpecModel, op: OperationModel): Json | undefined {
  const entries = op.queryParams.flatMap((p) => {
    const example = p.example;
    if (example) return [[p.name, example.value] as const];
    return p.required ? [[p.name, sampleSchema(model.document, p.schema)] as const] : [];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The example of a request body's media type, else a value built from its schema. */
export function bodyValue(model: SpecModel, op: OperationModel): unknown {
  const example = op.requestBody?.media.find((m) => m.type === 'application/json')?.example;
  return example ? example.value : sampleSchema(model.document, op.requestBody?.schema);
}

/** The response's schema name in camelCase (`OpportunityDefinitions` → `opportunityDefinitions`), else `result`. */
function resultName(model: SpecModel, op: OperationModel): string {
  const name = schemaType(model, op.success.schema);
  return name ? name.charAt(0).toLowerCase() + name.slice(1) : 'result';
}

/** What a sample passes for each part of an operation's request. */
export interface SampleInput {
  /** Each path parameter's value, in the order the method takes them. */
  path: [name: string, value: unknown][];
  /** The request body, where the operation takes one. */
  body?: unknown;
  /** The query, where the sample passes one. */
  query?: Json;
}

/**
 * The values a sample calls an operation with: the spec's examples (of the parameters, their
 * schemas and the request body's media type) where it has them, else values built from the schemas.
 */
export function sampleInput(model: SpecModel, op: OperationModel): SampleInput {
  const input: SampleInput = { path: op.pathParams.map((p) => [p.name, pathValue(p)]) };
  if (op.requestBody) input.body = bodyValue(model, op);
  const query = queryValue(model, op);
  if (query) input.query = query;
  return input;
}

/**
 * The TypeScript source of one operation's sample: a complete ES module that creates a client and
 * makes the call with the values of {@link sampleInput}.
 */
export function codeSampleSource(model: SpecModel, op: OperationModel): string {
  const { path, body, query } = sampleInput(model, op);
  const args: string[] = path.map(([, value]) => JSON.stringify(value));
  if (op.requestBody) args.push(JSON.stringify(body));
  if (query) args.push(JSON.stringify(query));
  const call = `client.${op.resource}.${op.method}(${args.join(', ')})`;
  // A variable can't be named `delete` or `client`, though a resource or a schema can.
  const taken = new Set(['client', 'Lightfield']);
  const name = paramIdentifier(op.pagination ? op.resource : resultName(model, op), taken);
  const use = op.pagination
    ? `// Iterates over every item of every page.\nfor await (const ${name} of ${call}) {\n  console.log(${name});\n}`
    : `const ${name} = await ${call};\nconsole.log(${name});`;
  return [
    "import { Lightfield } from '@lightfield/client';",
    '',
    'const client = new Lightfield(); // reads LIGHTFIELD_API_KEY',
    '',
    use,
    '',
  ].join('\n');
}

/** Every operation's TypeScript sample, formatted, by operationId. */
export async function codeSamples(model: SpecModel): Promise<Map<string, string>> {
  const entries = await Promise.all(
    model.operations.map(
      async (op) => [op.operationId, await formatTs(codeSampleSource(model, op))] as const,
    ),
  );
  return new Map(entries);
}

/**
 * The bundled document with an `x-codeSamples` entry per operation: what an HTML renderer such as
 * Redoc shows beside each operation. The spec on disk is not changed.
 */
export async function withCodeSamples(model: SpecModel): Promise<Json> {
  const samples = await codeSamples(model);
  const doc = structuredClone(model.document);
  const paths = doc['paths'] as Json;
  for (const op of model.operations) {
    const item = deref(doc, paths[op.path]) as Json;
    const operation = item[op.httpMethod] as Json;
    operation['x-codeSamples'] = [{ ...SAMPLE_LANG, source: samples.get(op.operationId) }];
  }
  return doc;
}
