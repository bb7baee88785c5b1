import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatTs, jsdoc, propertyKey } from './format.js';
import { isObject } from './rules.js';

type Json = Record<string, unknown>;

/** What `lightfield-codegen fields` needs of a definitions response. */
export interface Definitions {
  objectType: string;
  fieldDefinitions: Record<string, Json>;
  relationshipDefinitions: Record<string, Json>;
}

/** A definitions source that can't be read or isn't a definitions response. */
export class FieldsError extends Error {
  override name = 'FieldsError';
}

/** How a definitions source is fetched when it is a URL. */
export interface FetchOptions {
  /** The API key, sent as a bearer token (`LIGHTFIELD_API_KEY`). */
  apiKey?: string;
  /** Headers every request must send, e.g. the spec's constant headers. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** Reads one definitions response from a saved JSON file or, live, from a URL. */
export async function readDefinitions(
  source: string,
  options: FetchOptions = {},
): Promise<Definitions> {
  let body: unknown;
  if (isUrl(source)) {
    if (!options.apiKey) throw new FieldsError(`${source}: set LIGHTFIELD_API_KEY to read it live`);
    let res: Response;
    try {
      res = await (options.fetch ?? fetch)(source, {
        headers: { ...options.headers, Authorization: `Bearer ${options.apiKey}` },
      });
    } catch (error) {
      throw new FieldsError(`${source}: ${(error as Error).message}`);
    }
    if (!res.ok) throw new FieldsError(`${source}: the API answered ${res.status}`);
    body = await res.json().catch(() => undefined);
  } else {
    const text = await readFile(source, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new FieldsError(
        `${source}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
      );
    });
    try {
      body = JSON.parse(text);
    } catch {
      throw new FieldsError(`${source}: not JSON`);
    }
  }
  return checkDefinitions(source, body);
}

function checkDefinitions(source: string, body: unknown): Definitions {
  if (!isObject(body)) throw new FieldsError(`${source}: not a definitions response (an object)`);
  for (const key of ['fieldDefinitions', 'relationshipDefinitions'] as const)
    if (!isObject(body[key]))
      throw new FieldsError(`${source}: not a definitions response: no ${key} object`);
  if (typeof body['objectType'] !== 'string' || !body['objectType'])
    throw new FieldsError(`${source}: not a definitions response: no objectType`);
  const fields = body['fieldDefinitions'] as Record<string, unknown>;
  for (const [key, def] of Object.entries(fields))
    if (!isObject(def) || typeof def['valueType'] !== 'string')
      throw new FieldsError(`${source}: fieldDefinitions.${key} has no valueType`);
  return body as unknown as Definitions;
}

const literal = (value: string) => JSON.stringify(value);
const key = (name: string) => propertyKey(name) ?? literal(name);
const sorted = <T>(map: Record<string, T>) =>
  Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function fieldType(def: Json): string {
  const parts = [`valueType: ${literal(String(def['valueType']))}`];
  const config = isObject(def['typeConfiguration']) ? def['typeConfiguration'] : {};
  const options = Array.isArray(config['options']) ? config['options'].filter(isObject) : [];
  const names = [
    ...new Set(options.flatMap((o) => [o['id'], o['label']]).filter((v) => typeof v === 'string')),
  ] as string[];
  if (names.length) parts.push(`options: ${names.map(literal).join(' | ')}`);
  if (def['readOnly'] === true) parts.push('readOnly: true');
  return `{ ${parts.join('; ')} }`;
}

function doc(def: Json): string {
  const label = typeof def['label'] === 'string' ? def['label'] : undefined;
  const description = typeof def['description'] === 'string' ? def['description'] : undefined;
  return jsdoc([label, description].filter(Boolean).join(': '));
}

/**
 * The TypeScript module of an organization's definitions: one type, `name`, with each object's
 * fields (valueType, select options as ids and labels, read-only) and relationships. The keys are
 * sorted, so the module changes only when the definitions do.
 */
export function orgModule(all: Definitions[], name: string, sources: string[]): Promise<string> {
  const objects = [...all]
    .sort((a, b) => (a.objectType < b.objectType ? -1 : 1))
    .map((d) => {
      const fields = sorted(d.fieldDefinitions).map(
        ([k, def]) => `${doc(def)}${key(k)}: ${fieldType(def)};`,
      );
      const rels = sorted(d.relationshipDefinitions).map(([k, def]) => {
        const parts = ['cardinality', 'objectType'].map((p) => `${p}: ${literal(String(def[p]))}`);
        return `${doc(def)}${key(k)}: { ${parts.join('; ')} };`;
      });
      return `${key(d.objectType)}: {\nfields: {\n${fields.join('\n')}\n};\nrelationships: {\n${rels.join('\n')}\n};\n};`;
    });
  const text = [
    `// This file is generated by lightfield-codegen fields from ${sources.join(', ')}.`,
    '// Do not make direct changes to the file: run the command again (`--check` says when it is stale).',
    "import type { OrgDefinitions } from '@lightfield/types';",
    '',
    `${jsdoc(
      "An organization's fields and relationships by resource: `new Lightfield<" +
        name +
        '>()` types them.',
    )}export type ${name} = Check<{\n${objects.join('\n')}\n}>;`,
    '',
    `${jsdoc('Fails to compile when the module no longer fits what `@lightfield/types` expects.')}type Check<T extends OrgDefinitions> = T;`,
    '',
  ].join('\n');
  return formatTs(text);
}

/** Where a source is shown in the module's header: a URL as is, a file relative to the module. */
export function displaySource(source: string, out: string): string {
  return isUrl(source)
    ? source
    : path
        .relative(path.dirname(path.resolve(out)), path.resolve(source))
        .split(path.sep)
        .join('/');
}
