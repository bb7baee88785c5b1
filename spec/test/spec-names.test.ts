import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { bundleSpec } from '@lightfield/codegen';

// Only this folder may pin today's spec. The generators, the client runtime, the mock, the
// release tooling and the harnesses of the end-to-end suites are generic: their tests run on small
// specs of their own, and the calls of an end-to-end scenario that name a resource, its fields or
// its factories live in spec/test/scenarios/. So a team that renames or removes a schema or a
// resource in openapi.yaml edits spec/test alone (and examples/ and bench/, see ALLOWED). This
// test reads every hand-written file of the repository outside spec/ and fails when one names one
// of the spec's schemas, resources or collection paths. The names come from the spec itself.

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** The folders read: every workspace package but spec/, and the repository's own scripts. */
const CHECKED = ['packages', 'bench', 'site', 'examples', 'scripts'];

/** Root files read too: the workspace's tool configs. */
const ROOT_FILES = ['eslint.config.js', 'vitest.config.ts', '.pnpmfile.cjs', 'turbo.json'];

/**
 * Never read: what .gitignore ignores, generated output, golden files, the corpus of other specs,
 * and prose (Markdown: READMEs, changelogs, the api-extractor reports), which documents today's API.
 */
const EXCLUDED = [
  /(^|\/)(node_modules|dist|\.turbo|coverage|\.tmp|\.cache|\.stryker-tmp|reports)\//,
  /^bench\/type-cost\/\.tmp-/,
  /^site\/html\//,
  /(^|\/)\.out\//,
  /(^|\/)src\/generated\//,
  /(^|\/)__snapshots__\//,
  /^packages\/(codegen\/test|testkit)\/specs\//,
  // The committed sweep of the public directory's specs: the contract's output, not its code.
  /^packages\/contract\/directory(-expected)?\.json$/,
  // The specs and fixtures of the tests' own (widget.yaml, …): they are not the project spec.
  /^packages\/[^/]+\/test\/.*\.(ya?ml|json)$/,
  /\.md$/,
  /(^|\/)LICENSE$/,
  /\.(tgz|tsbuildinfo)$/,
];

/** An exception: files and the spec names they may use, and why. */
interface Allowed {
  files: RegExp;
  /** The names allowed there; `'*'` for any. */
  names: string[] | '*';
  why: string;
}

/** The exceptions. Each must still match something, so a stale one fails the test. */
export const ALLOWED: Allowed[] = [
  {
    files: /^examples\//,
    names: '*',
    why: 'the runnable examples show users the API of today, and their tests run them',
  },
  {
    files: /^bench\//,
    names: '*',
    why: 'the benchmarks measure calls of today, against the same calls through openapi-fetch',
  },
  {
    files:
      /^packages\/(fixtures\/test\/(kinds-(handlers|media-types|records|reload)|mock-server|bad-requests|reliability\/fuzz)|codegen\/test\/(fields-print|body-lookups))\.test\.ts$/,
    names: ['account', 'accounts', 'contact', 'contacts', 'Note', 'NoteCreateParams'],
    why: "these tests' own specs call their resources as a CRM does (accounts, contacts, notes)",
  },
  {
    files: /^packages\/fixtures\/src\/core\/data\/dataset\.ts$/,
    names: ['account', 'contact', 'meeting'],
    why: "the mock's pool sizes of related records by object type, for types a spec may not define",
  },
  {
    files: /^packages\/fixtures\/(src\/core\/data\/profile|test\/bad-writes\.test)\.ts$/,
    names: ['contact'],
    why: "the neutral catalog's field keys contactEmail and contactName begin with a resource word (bad-writes writes one)",
  },
  {
    files: /^packages\/fixtures\/src\/core\//,
    names: ['FieldDefinition', 'RelationshipDefinition', 'SelectOption'],
    why: "the mock's own shorthands for the generic entity model (core/types.ts), not the spec's schemas",
  },
  {
    files: /^packages\/(fixtures\/src\/|codegen\/src\/targets\/fixtures\.ts$)/,
    names: ['ValueType'],
    why: 'the generated fixtures export `ValueType` under that name whatever the spec calls its enum',
  },
  {
    files: /^packages\/codegen\/src\/targets\/client-params\.ts$/,
    names: ['Field'],
    why: 'the word "Field" in a JSDoc the generator writes ("Field filters, e.g. …")',
  },
  {
    files: /^packages\/fixtures\/src\/core\/data\/profile\.ts$/,
    names: ['Field'],
    why: 'a catalog field whose key is taken gets a `${key}Field` suffix',
  },
];

type Document = {
  paths?: Record<string, Record<string, { operationId?: string }>>;
  components?: { schemas?: Record<string, unknown> };
};

// Bundled: the spec's paths and schemas live in the files openapi.yaml's $refs point at.
const document = (await bundleSpec(path.join(here, '..', 'openapi.yaml'))) as Document;

/**
 * Resource words that are everyday words of generic code as well: a list, a file, an object, an
 * API key's auth, the EMAIL valueType, an object's or a union's members, codegen's notes, turbo's
 * tasks. Generic code says them without naming the spec, so they are not looked for; each must
 * still be a resource word of the spec.
 */
export const GENERIC_WORDS = [
  'auth',
  'email',
  'emails',
  'file',
  'files',
  'list',
  'lists',
  'member',
  'members',
  'note',
  'notes',
  'object',
  'objects',
  'task',
  'tasks',
];

/** Schema names, matched as whole words: `Opportunity`, `ValueType`, `ErrorResponse`… */
export const schemaNames = Object.keys(document.components?.schemas ?? {}).filter(
  // A name that is also a JavaScript global (`Error`) or a generic word (`List`, `Task`) says
  // nothing about the spec.
  (name) => !(name in globalThis) && !GENERIC_WORDS.includes(name.toLowerCase()),
);

/** Resource names (`resource.method` operationIds) and the path segments of their collections. */
const allResourceWords = [
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
/** The resource words looked for. */
export const resourceWords = allResourceWords.filter((w) => !GENERIC_WORDS.includes(w));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const schemaPattern = new RegExp(`\\b(${schemaNames.map(escape).join('|')})\\b`);
// A resource word starts an identifier or a word in any case (`opportunity`, `OpportunityList`,
// `$opportunityStatus`, `/v1/opportunities`), but is not the tail of another word.
const resourcePattern = new RegExp(`(?<![A-Za-z])(${resourceWords.map(escape).join('|')})`, 'i');

/** A line that is only a comment (`//`, a JSDoc or block line, `#`): examples there are fine. */
const COMMENT = /^\s*(\/\/|\/\*|\*|#)/;

/** Each line of `text` that names the spec, as `file:line: the name`. */
export function offences(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    if (COMMENT.test(line)) return [];
    const hit = schemaPattern.exec(line) ?? resourcePattern.exec(line);
    return hit ? [`${file}:${i + 1}: ${hit[1]}`] : [];
  });
}

/** The exception that covers `offence` (`file:line: name`), if any. */
function allowedBy(offence: string): Allowed | undefined {
  const [file, , name] = offence.split(/: ?/);
  return ALLOWED.find(
    (a) =>
      a.files.test(file!) &&
      (a.names === '*' || a.names.some((n) => n.toLowerCase() === name!.toLowerCase())),
  );
}

/** Every file read, as a path from the repository root with `/`. */
function files(): string[] {
  return [
    ...ROOT_FILES,
    ...CHECKED.flatMap((dir) =>
      readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')),
    ),
  ].filter((file) => !EXCLUDED.some((re) => re.test(file)));
}

describe("hand-written code outside spec/ doesn't name today's spec", () => {
  test('the spec gives names to look for', () => {
    expect(schemaNames.length).toBeGreaterThan(0);
    expect(resourceWords.length).toBeGreaterThan(0);
  });

  test('every generic word is still a resource word of the spec', () => {
    expect(GENERIC_WORDS.filter((w) => !allResourceWords.includes(w))).toEqual([]);
  });

  test('a file naming a schema, a resource or a collection is caught', () => {
    const [schema] = schemaNames;
    const [word] = resourceWords;
    expect(offences('a.ts', `import type { ${schema} } from 'x';`)).toEqual([`a.ts:1: ${schema}`]);
    expect(offences('a.ts', `\nclient.${word}.retrieve('x')`)).toEqual([`a.ts:2: ${word}`]);
    expect(offences('a.ts', `const x: My${schema}Thing = 1; // ${schema}s`)).toEqual([]);
    expect(offences('a.ts', 'new Error("x")')).toEqual([]);
  });

  test('comment lines are not read, code with a trailing comment is', () => {
    const [word] = resourceWords;
    const comments = [`// ${word}`, `/** e.g. \`${word}.create\` */`, ` * ${word}`, `  # ${word}`];
    expect(offences('a.ts', comments.join('\n'))).toEqual([]);
    expect(offences('a.ts', `f(); // ${word}`)).toEqual([`a.ts:1: ${word}`]);
  });

  test('reads the code of every package: src, test, e2e, scripts, bench, the browser page', () => {
    const read = files();
    for (const file of [
      'packages/release/src/consumer-projects.ts',
      'packages/release/e2e/registry-release.e2e.test.ts',
      'packages/browser/src/main.ts',
      'packages/browser/test/browser.test.ts',
      'packages/fixtures/scripts/soak.mjs',
      'packages/codegen/src/targets/client.ts',
      'site/src/build.ts',
      'scripts/api-report.mjs',
      'eslint.config.js',
    ])
      expect(read).toContain(file);
    expect(read.filter((f) => /(^|\/)(src\/generated|node_modules|dist)\//.test(f))).toEqual([]);
  });

  const found = files().flatMap((file) =>
    offences(file, readFileSync(path.join(root, file), 'utf8')),
  );

  test('no file outside spec/ names the spec, but for the allowed exceptions', () => {
    expect(
      found.filter((o) => !allowedBy(o)),
      'move these calls to spec/test (e.g. spec/test/scenarios), or give the code a spec of its own',
    ).toEqual([]);
  });

  test.each(ALLOWED.map((a) => [`${a.files.source} (${a.why})`, a] as const))(
    'the exception %s is still needed',
    (_, entry) => {
      expect(found.filter((o) => allowedBy(o) === entry)).not.toEqual([]);
    },
  );
});
