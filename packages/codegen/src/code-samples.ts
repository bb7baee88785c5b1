import { formatTs } from './format.js';
import { deref, isObject } from './rules.js';
import { sampleSchema } from './sample-schema.js';
import { isPaginated } from './targets/client.js';
import { refName, type OperationModel, type SpecModel } from './spec-model.js';

type Json = Record<string, unknown>;

/** A sample's language and label, as the `x-codeSamples` extension names them. */
export const SAMPLE_LANG = { lang: 'TypeScript', label: '@lightfield/client' } as const;

/** A value for a path parameter: the schema's example where it has one, else `<name>_123`. */
function pathValue(model: SpecModel, op: OperationModel, name: string): unknown {
  const param = op.pathParams.find((p) => p.name === name);
  const schema = deref(model.document, param?.schema);
  if (isObject(schema) && ('example' in schema || Array.isArray(schema['examples'])))
    return sampleSchema(model.document, schema);
  return `${name}_123`;
}

/** The example of a request body's media type, else a value built from its schema. */
function bodyValue(model: SpecModel, op: OperationModel): unknown {
  const paths = model.document['paths'] as Json;
  const item = deref(model.document, paths[op.path]) as Json;
  const operation = item[op.httpMethod] as Json;
  const body = deref(model.document, operation['requestBody']);
  const media = isObject(body) && isObject(body['content']) ? body['content'] : {};
  const json = media['application/json'];
  if (isObject(json) && 'example' in json) return json['example'];
  if (isObject(json) && isObject(json['examples'])) {
    const first = deref(model.document, Object.values(json['examples'])[0]);
    if (isObject(first) && 'value' in first) return first['value'];
  }
  return sampleSchema(model.document, op.requestBody?.schema);
}

/** The response's schema name in camelCase (`OpportunityDefinitions` → `opportunityDefinitions`), else `result`. */
function resultName(op: OperationModel): string {
  const name = refName(op.success.schema);
  return name ? name.charAt(0).toLowerCase() + name.slice(1) : 'result';
}

/**
 * The TypeScript source of one operation's sample: a complete ES module that creates a client and
 * makes the call with values built from the spec (its examples where it has them).
 */
export function codeSampleSource(model: SpecModel, op: OperationModel): string {
  const args: string[] = op.pathParams.map((p) => JSON.stringify(pathValue(model, op, p.name)));
  if (op.requestBody) args.push(JSON.stringify(bodyValue(model, op)));
  const requiredQuery = op.queryParams.filter((p) => p.required);
  if (requiredQuery.length > 0) {
    const query = Object.fromEntries(
      requiredQuery.map((p) => [p.name, sampleSchema(model.document, p.schema)]),
    );
    args.push(JSON.stringify(query));
  }
  const call = `client.${op.resource}.${op.method}(${args.join(', ')})`;
  const name = resultName(op);
  const use = isPaginated(model, op)
    ? `// Iterates over every item of every page.\nfor await (const ${op.resource} of ${call}) {\n  console.log(${op.resource});\n}`
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
