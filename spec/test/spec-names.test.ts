import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

// Only this folder may pin today's spec. Tests of the pipeline, the client runtime and the mock
// run on small specs of their own, so a team that renames or removes a schema or a resource in
// openapi.yaml edits spec/test alone. This test fails when a test file elsewhere names one of
// the spec's schemas, resources or collection paths. The names come from openapi.yaml itself.

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** The test folders held to it. Add a folder here (and its excludes below) to hold it too. */
const CHECKED = [
  'packages/client/test',
  'packages/codegen/test',
  'packages/types/test',
  'packages/release/test',
  'packages/contract/test',
  'packages/fixtures/test',
];

/** Never checked: generated output, golden files, and the corpus of other specs. */
const EXCLUDED = [
  /(^|\/)\.out\//,
  /(^|\/)__snapshots__\//,
  /^packages\/(codegen|fixtures)\/test\/specs\//,
];

type Document = {
  paths?: Record<string, Record<string, { operationId?: string }>>;
  components?: { schemas?: Record<string, unknown> };
};

const document = parse(readFileSync(path.join(here, '..', 'openapi.yaml'), 'utf8')) as Document;

/** Schema names, matched as whole words: `Opportunity`, `ValueType`, `ErrorResponse`… */
export const schemaNames = Object.keys(document.components?.schemas ?? {}).filter(
  // A name that is also a JavaScript global (`Error`) says nothing about the spec.
  (name) => !(name in globalThis),
);

/** Resource names (`resource.method` operationIds) and the path segments of their collections. */
export const resourceWords = [
  ...new Set(
    Object.entries(document.paths ?? {}).flatMap(([route, item]) => [
      // The collection: a route's first segment after the version, e.g. `/v1/things/{id}`.
      ...route
        .split('/')
        .filter((s) => /^[a-z][a-z-]*$/i.test(s) && !/^v\d+$/.test(s))
        .slice(0, 1),
      ...Object.values(item).flatMap((op) =>
        typeof op?.operationId === 'string' && op.operationId.includes('.')
          ? [op.operationId.split('.')[0]!]
          : [],
      ),
    ]),
  ),
].filter((word) => word.length > 3);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const schemaPattern = new RegExp(`\\b(${schemaNames.map(escape).join('|')})\\b`);
// A resource word starts an identifier or a word in any case (`opportunity`, `OpportunityList`,
// `$opportunityStatus`, `/v1/opportunities`), but is not the tail of another word.
const resourcePattern = new RegExp(`(?<![A-Za-z])(${resourceWords.map(escape).join('|')})`, 'i');

/** Each line of `text` that names the spec, as `file:line: the name`. */
export function offences(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const hit = schemaPattern.exec(line) ?? resourcePattern.exec(line);
    return hit ? [`${file}:${i + 1}: ${hit[1]}`] : [];
  });
}

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((file) => !EXCLUDED.some((re) => re.test(file)));
}

describe("test files outside spec/test don't name today's spec", () => {
  test('the spec gives names to look for', () => {
    expect(schemaNames.length).toBeGreaterThan(0);
    expect(resourceWords.length).toBeGreaterThan(0);
  });

  test('a file naming a schema, a resource or a collection is caught', () => {
    const [schema] = schemaNames;
    const [word] = resourceWords;
    expect(offences('a.ts', `import type { ${schema} } from 'x';`)).toEqual([`a.ts:1: ${schema}`]);
    expect(offences('a.ts', `\nclient.${word}.retrieve('x')`)).toEqual([`a.ts:2: ${word}`]);
    expect(offences('a.ts', `const x: My${schema}Thing = 1; // ${schema}s`)).toEqual([]);
    expect(offences('a.ts', 'new Error("x")')).toEqual([]);
  });

  test.each(CHECKED)('%s', (dir) => {
    const found = files(dir).flatMap((file) =>
      offences(file, readFileSync(path.join(root, file), 'utf8')),
    );
    expect(found, 'move these tests to spec/test, or give them a spec of their own').toEqual([]);
  });
});
