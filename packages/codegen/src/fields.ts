import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isObject, type Json } from './json.js';

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

// The module is printed here, as prettier (single quotes, width 100) would print it, rather than
// by prettier itself: `lightfield-fields` ships in @lightfield/client, which must not depend on
// prettier. fields-print.test.ts checks the output is stable under prettier.
const WIDTH = 100;
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/** A string literal as prettier prints it: single quotes unless that needs more escapes. */
function literal(value: string): string {
  const json = JSON.stringify(value);
  const singles = (value.match(/'/g) ?? []).length;
  const doubles = (value.match(/"/g) ?? []).length;
  if (singles > doubles) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

const key = (name: string) => (IDENTIFIER.test(name) ? name : literal(name));
const sorted = <T>(map: Record<string, T>) =>
  Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** A JSDoc block at `indent`, or nothing for empty text. */
function jsdoc(text: string, indent: string): string {
  if (!text.trim()) return '';
  const lines = text.trim().replace(/\*\//g, '*\\/').split('\n');
  const body = lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n');
  return `${indent}/**\n${body}\n${indent} */\n`;
}

function doc(def: Json, indent: string): string {
  const label = typeof def['label'] === 'string' ? def['label'] : undefined;
  const description = typeof def['description'] === 'string' ? def['description'] : undefined;
  return jsdoc([label, description].filter((t) => t?.trim()).join(': '), indent);
}

/**
 * The columns `text` takes, as prettier counts them: wide East Asian characters and emoji take
 * two, combining marks none.
 */
function width(text: string): number {
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  let columns = 0;
  for (const char of text.replace(EMOJI, '  ')) {
    const code = char.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f))
      continue;
    columns += WIDE.test(char) ? 2 : 1;
  }
  return columns;
}

// An emoji with its modifiers, variation selector and zero-width-joined parts.
const EMOJI =
  /\p{Extended_Pictographic}[\p{Emoji_Modifier}\uFE0F]*(?:\u200d\p{Extended_Pictographic}[\p{Emoji_Modifier}\uFE0F]*)*/gu;

// East Asian Wide and Fullwidth characters: CJK, kana, hangul, fullwidth forms.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/**
 * `name: type;` at `indent`. A union too long for the line moves to the next one, and one too long
 * for that gets one member per line.
 */
function member(name: string, type: string[], indent: string): string {
  const union = type.join(' | ');
  const line = `${indent}${name}: ${union};`;
  if (width(line) <= WIDTH || type.length < 2) return line;
  const next = `${indent}  ${union};`;
  if (width(next) <= WIDTH) return `${indent}${name}:\n${next}`;
  return `${indent}${name}:\n${type.map((t) => `${indent}  | ${t}`).join('\n')};`;
}

/** A member's type: a union of literals, or an object type literal of members. */
type Member = [name: string, type: string[] | { members: Member[] }];

/** A member's type on one line. */
function inline(type: Member[1]): string {
  if (Array.isArray(type)) return type.join(' | ');
  return type.members.length
    ? `{ ${type.members.map(([k, t]) => `${k}: ${inline(t)}`).join('; ')} }`
    : '{}';
}

/** `name: { a: …; b: … };` on one line when it fits, else one property per line. */
function objectMember(name: string, props: Member[], indent: string): string {
  const line = `${indent}${name}: ${inline({ members: props })};`;
  if (width(line) <= WIDTH) return line;
  const inner = props
    .map(([k, t]) =>
      Array.isArray(t) ? member(k, t, `${indent}  `) : objectMember(k, t.members, `${indent}  `),
    )
    .join('\n');
  return `${indent}${name}: {\n${inner}\n${indent}};`;
}

/** A map of definitions as a type literal member: `{}` when empty. */
function mapMember(name: string, lines: string[], indent: string): string {
  return lines.length
    ? `${indent}${name}: {\n${lines.join('\n')}\n${indent}};`
    : `${indent}${name}: {};`;
}

/** A select field's options, id → label, first of each id; none for a field without options. */
function optionsOf(def: Json): Map<string, string> {
  const config = isObject(def['typeConfiguration']) ? def['typeConfiguration'] : {};
  const options = Array.isArray(config['options']) ? config['options'].filter(isObject) : [];
  const byId = new Map<string, string>();
  for (const o of options) {
    const id = o['id'];
    if (typeof id === 'string' && !byId.has(id))
      byId.set(id, typeof o['label'] === 'string' ? o['label'] : id);
  }
  return byId;
}

function fieldProps(def: Json): Member[] {
  const props: Member[] = [['valueType', [literal(String(def['valueType']))]]];
  const options = [...optionsOf(def)].map(([id, label]): Member => [key(id), [literal(label)]]);
  if (options.length) props.push(['options', { members: options }]);
  if (def['readOnly'] === true) props.push(['readOnly', ['true']]);
  return props;
}

function relationshipProps(def: Json): Member[] {
  const props = ['cardinality', 'objectType'].map((p): Member => [p, [literal(String(def[p]))]]);
  if (def['readOnly'] === true) props.push(['readOnly', ['true']]);
  // Definitions that say a relationship is required: every entity has it.
  if (def['required'] === true) props.push(['required', ['true']]);
  return props;
}

function objectType(d: Definitions): string {
  const fields = sorted(d.fieldDefinitions).map(
    ([k, def]) => doc(def, '      ') + objectMember(key(k), fieldProps(def), '      '),
  );
  const rels = sorted(d.relationshipDefinitions).map(
    ([k, def]) =>
      doc(isObject(def) ? def : {}, '      ') +
      objectMember(key(k), relationshipProps(isObject(def) ? def : {}), '      '),
  );
  return [
    `  ${key(d.objectType)}: {`,
    mapMember('fields', fields, '    '),
    mapMember('relationships', rels, '    '),
    '  };',
  ].join('\n');
}

/** `name: { k: v, … },` as prettier prints an object expression: on one line when it fits. */
function entries(name: string, pairs: [string, string][], indent: string): string {
  const props = pairs.map(([k, v]) => `${key(k)}: ${literal(v)}`);
  const line = `${indent}${name}: { ${props.join(', ')} },`;
  if (width(line) <= WIDTH) return line;
  return `${indent}${name}: {\n${props.map((p) => `${indent}  ${p},`).join('\n')}\n${indent}},`;
}

/** One select field's maps: label → id (first of each label) and id → label. */
function optionMaps(field: string, options: Map<string, string>): string {
  // `__proto__` in an object literal would set its prototype rather than a key.
  const byId = [...options].filter(([id]) => id !== '__proto__');
  const ids = new Map<string, string>();
  for (const [id, label] of byId) if (label !== '__proto__' && !ids.has(label)) ids.set(label, id);
  return [
    `    ${key(field)}: {`,
    entries('ids', [...ids], '      '),
    entries('labels', byId, '      '),
    '    },',
  ].join('\n');
}

/** The `<name>Options` constant: each select field's label ↔ id maps, by resource. */
function optionsConst(all: Definitions[], name: string): string {
  const objects = all.flatMap((d) => {
    const fields = sorted(d.fieldDefinitions).flatMap(([k, def]) => {
      const options = isObject(def) ? optionsOf(def) : new Map<string, string>();
      return options.size ? [optionMaps(k, options)] : [];
    });
    return fields.length ? [`  ${key(d.objectType)}: {\n${fields.join('\n')}\n  },`] : [];
  });
  const doc = jsdoc(
    "Each select field's options by resource: `ids` gives an option's id by its label (what entities hold), `labels` its label by id.",
    '',
  );
  const body = objects.length ? `{\n${objects.join('\n')}\n}` : '{}';
  return `${doc}export const ${name}Options = ${body} as const;`;
}

/**
 * The TypeScript module of an organization's definitions: one type, `name`, with each object's
 * fields (valueType, select options id → label, read-only) and relationships (read-only too),
 * and a constant, `<name>Options`, of each select field's label ↔ id maps. The keys are sorted,
 * so the module changes only when the definitions do.
 */
export function orgModule(all: Definitions[], name: string, sources: string[]): string {
  const objects = [...all].sort((a, b) => (a.objectType < b.objectType ? -1 : 1));
  const types = objects.map(objectType);
  const type = types.length ? `Check<{\n${types.join('\n')}\n}>` : 'Check<{}>';
  return [
    `// This file is generated by lightfield-fields from ${sources.join(', ')}.`,
    '// Do not make direct changes to the file: run the command again (`--check` says when it is stale).',
    "import type { OrgDefinitions } from '@lightfield/client';",
    '',
    jsdoc(
      `An organization's fields and relationships by resource: \`new Lightfield<${name}>()\` types them.`,
      '',
    ) + `export type ${name} = ${type};`,
    '',
    optionsConst(objects, name),
    '',
    jsdoc(
      'Fails to compile when the module no longer fits what `@lightfield/client` expects.',
      '',
    ) + 'type Check<T extends OrgDefinitions> = T;',
    '',
  ].join('\n');
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
