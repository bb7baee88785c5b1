import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSpec, deref } from '@lightfield/codegen';
import type { Json } from '@lightfield/codegen/json';
import { describe, expect, test } from 'vitest';
import {
  formatIndex,
  parseSheet,
  readSurfaceIndex,
  type SheetOperation,
  type SheetSchema,
} from './surface-sheet.js';
import { compareProperty, expand } from './surface-walk.js';

// The surface sheet lists every operation and schema of the provider's published API. It is not
// part of the repository: surface-index.yaml is what it documents, the spec is checked against
// the index always, and the index against a copy of the sheet when LIGHTFIELD_SURFACE_SHEET names
// one (CI has it beside the checkout).
const here = path.dirname(fileURLToPath(import.meta.url));
const specDir = path.resolve(here, '..');
const indexFile = path.join(specDir, 'surface-index.yaml');
const index = readSurfaceIndex(indexFile);
const sheetPath = process.env['LIGHTFIELD_SURFACE_SHEET'] ?? '';
const doc = (await bundleSpec(path.join(specDir, 'openapi.yaml'))) as Json;

/**
 * Where the spec knowingly differs from the sheet (`where` starts the difference, `rule` is its
 * kind), and why: each must still match a difference, so a stale one fails.
 */
export const DEVIATIONS: { where: string; rule: string; why: string }[] = [
  {
    where: 'opportunity.list query limit',
    rule: 'maximum',
    why: 'the API takes 1 to 25 (default 25) on opportunities; the sheet only bounds it by 2^53-1',
  },
  {
    where: 'email.send body from',
    rule: 'pattern',
    why: "the sheet's pattern has an unescaped `]`, an error in a Unicode-mode regex; escaped, it matches the same",
  },
  {
    where: 'email.draft body from',
    rule: 'pattern',
    why: "the sheet's pattern has an unescaped `]`, an error in a Unicode-mode regex; escaped, it matches the same",
  },
  ...['enum', 'const'].map((rule) => ({
    where: '409 (ConflictError) error.type',
    rule,
    why: 'the API answers a repeat of a request still running with type idempotency_conflict',
  })),
];

/** Sheet schemas checked other than through an operation's responses, and how. */
const CHECKED_ALONE: Record<string, string> = {
  Address: 'the spec component of the same name',
  FullName: 'the spec component of the same name',
  Error: 'not checked itself: the union of the error objects, each checked through its status',
};

type Operation = Json & { parameters?: unknown[]; responses: Json };
interface Found {
  op: Operation;
  route: string;
  method: string;
  /** Its path item's parameters and its own, resolved. */
  params: Json[];
}

/** The spec's operation of an id. */
function specOperation(id: string): Found | undefined {
  for (const [route, item] of Object.entries(doc['paths'] as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>))
      if (op['operationId'] === id) {
        const params = [...((item['parameters'] as unknown[]) ?? []), ...(op.parameters ?? [])];
        return { op, route, method, params: params.map((p) => deref(doc, p) as Json) };
      }
  }
  return undefined;
}

function jsonSchema(node: unknown): unknown {
  const content = (deref(doc, node) as Json | undefined)?.['content'];
  return (content as Record<string, Json> | undefined)?.['application/json']?.['schema'];
}

/** Every property of a sheet schema that the spec's `root` lacks or has otherwise, as `where rule: …`. */
function compareSchema(where: string, root: unknown, schema: SheetSchema, prefix = ''): string[] {
  return Object.entries(schema).flatMap(([p, want]) => {
    const at = prefix === '' ? p : p === '' ? prefix : `${prefix}.${p}`;
    return compareProperty(doc, root, at, want).map((m) => `${where} ${at} ${m}`);
  });
}

/** Route, scopes, rate-limit category and error statuses. */
function compareHead(id: string, { op, route, method }: Found, want: SheetOperation): string[] {
  const scope = op['x-lightfield-scope'];
  const scopes = scope === undefined ? [] : Array.isArray(scope) ? scope : [scope];
  const statuses = Object.keys(op.responses).filter((s) => /^[45]/.test(s));
  const wanted = Object.keys(want.errors);
  return [
    ...(method.toUpperCase() === want.method && route === want.route ? [] : [`${id} route`]),
    ...(same(scopes, want.scopes) ? [] : [`${id} scope: ${scopes.join(',')}`]),
    ...((op['x-lightfield-rate-limit'] ?? null) === want.rateLimit ? [] : [`${id} rate limit`]),
    ...(same(statuses.sort(), wanted.sort()) ? [] : [`${id} errors: ${statuses.join(',')}`]),
  ];
}

/** Path and query parameters: the sheet's, no more (the headers come from the wire facts). */
function compareParams(id: string, params: Json[], want: SheetOperation): string[] {
  const own = params.filter((p) => p['in'] === 'path' || p['in'] === 'query');
  const out = own.length === want.params.length ? [] : [`${id} params: ${own.length}`];
  for (const p of want.params) {
    const spec = own.find((s) => s['name'] === p.name && s['in'] === p.in);
    const where = `${id} ${p.in} ${p.name}`;
    // The parameter as the property of an object, so that required-ness reads as for a body.
    const holder = {
      properties: { [p.name]: spec?.['schema'] },
      required: spec?.['required'] ? [p.name] : [],
    };
    const row = { required: p.required, types: [p.type], constraints: p.constraints ?? {} };
    if (!spec) out.push(`${where} missing`);
    else out.push(...compareProperty(doc, holder, p.name, row).map((m) => `${where} ${m}`));
  }
  return out;
}

function compareOperation(id: string, want: SheetOperation): string[] {
  const found = specOperation(id);
  if (!found) return [`${id} missing`];
  const { op } = found;
  const body = deref(doc, op['requestBody']) as Json | undefined;
  const out = [...compareHead(id, found, want), ...compareParams(id, found.params, want)];
  if (
    Boolean(body) !== Boolean(want.body) ||
    Boolean(body?.['required']) !== Boolean(want.body?.required)
  )
    out.push(`${id} body: required ${String(body?.['required'])}`);
  if (want.body) out.push(...compareSchema(`${id} body`, jsonSchema(body), want.body.schema));
  const response = index.schemas[want.response] ?? {};
  out.push(
    ...compareSchema(`${id} 200 (${want.response})`, jsonSchema(op.responses['200']), response),
  );
  // The sheet shows an error's inner object; on the wire it is the `error` of an envelope.
  for (const [status, name] of Object.entries(want.errors)) {
    const schema = jsonSchema(op.responses[status]);
    out.push(
      ...compareSchema(`${id} ${status} (${name})`, schema, index.schemas[name] ?? {}, 'error'),
    );
  }
  return out;
}

const same = (a: unknown[], b: unknown[]) => JSON.stringify(a) === JSON.stringify(b);

// Every difference, each operation's, computed once: the deviations are checked against all.
const differences = Object.fromEntries(
  Object.entries(index.operations).map(([id, want]) => [id, compareOperation(id, want)]),
);
const deviationOf = (d: string) =>
  DEVIATIONS.findIndex((x) => d.includes(x.where) && d.includes(` ${x.rule}:`));

describe('the spec has every operation, parameter and property of the surface index', () => {
  test('the same 55 operations, no more', () => {
    const ids = Object.values(doc['paths'] as Record<string, Json>).flatMap((item) =>
      Object.values(item).flatMap((op) => (isOperation(op) ? [op['operationId']] : [])),
    );
    expect(Object.keys(index.operations)).toHaveLength(55);
    expect(ids.sort()).toEqual(Object.keys(index.operations).sort());
  });

  test.each(Object.keys(index.operations))('%s', (id) => {
    expect(differences[id]!.filter((d) => deviationOf(d) < 0)).toEqual([]);
  });

  test.each(Object.entries(CHECKED_ALONE).filter(([, how]) => how.startsWith('the spec')))(
    'schema %s',
    (name) => {
      const root = (doc['components'] as Record<string, Json>)['schemas']![name];
      expect(compareSchema(name, root, index.schemas[name]!)).toEqual([]);
    },
  );

  test('every schema of the index is checked', () => {
    const reached = new Set(
      Object.values(index.operations).flatMap((o) => [o.response, ...Object.values(o.errors)]),
    );
    const left = Object.keys(index.schemas).filter((s) => !reached.has(s) && !(s in CHECKED_ALONE));
    expect(left).toEqual([]);
  });

  test('every deviation still explains a difference', () => {
    const used = new Set(Object.values(differences).flat().map(deviationOf));
    expect(DEVIATIONS.filter((_, i) => !used.has(i))).toEqual([]);
  });
});

function isOperation(op: unknown): op is Json {
  return typeof op === 'object' && op !== null && 'responses' in op;
}

describe.runIf(sheetPath !== '' && existsSync(sheetPath))('the surface index is the sheet', () => {
  test('every operation and schema, as the sheet writes them', () => {
    const sheet = parseSheet(readFileSync(sheetPath, 'utf8'), index.sheet);
    // After a change of the sheet: rewrite the index from it, then run prettier on it.
    if (process.env['LIGHTFIELD_SURFACE_INDEX_WRITE'] === '1')
      writeFileSync(indexFile, formatIndex(sheet));
    expect(Object.keys(sheet.operations)).toHaveLength(55);
    expect(sheet).toEqual(readSurfaceIndex(indexFile));
  });
});

// The walk the comparison relies on: `expand` follows $refs and every union branch.
test('expand follows $ref and anyOf', () => {
  const schemas = expand(doc, {
    anyOf: [{ $ref: '#/components/schemas/Address' }, { type: 'null' }],
  });
  expect(schemas.map((s) => s['type'])).toEqual([undefined, 'object', 'null']);
});
