import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatDeclarations, formatTs, PRETTIER_OPTIONS, printLiteral } from '../src/format.js';
import { loadSpec } from '../src/load-spec.js';
import { replicateSpecFile } from '../src/synthetic-spec.js';
import { targets } from '../src/targets/index.js';
import { SPEC, tempDir } from './helpers.js';

// The printers skip prettier where they know its layout. What they print must be exactly what
// prettier keeps, or `format:check` would fail on generated code; prettier is the oracle here.

const OPTIONS = PRETTIER_OPTIONS;

/** `export const <name> = <value> as const;` printed by printLiteral, or undefined. */
function statement(name: string, value: unknown): string | undefined {
  const start = `export const ${name} = `;
  const printed = printLiteral(value, '', start.length, ' as const;'.length);
  return printed === undefined ? undefined : `${start}${printed} as const;\n`;
}

describe('printLiteral', () => {
  it.each([
    ['short object on one line', { given: { a: 1, b: 'x' }, want: "{ a: 1, b: 'x' }" }],
    [
      'quoted keys only where needed',
      { given: { 'a-b': true, c: null }, want: "{ 'a-b': true, c: null }" },
    ],
    ['empty object and array', { given: { a: {}, b: [] }, want: '{ a: {}, b: [] }' }],
    ['a quote in a string is left to prettier', { given: { a: "it's" }, want: undefined }],
    ['non-ASCII is left to prettier', { given: { a: 'é' }, want: undefined }],
    ['a long string is left to prettier', { given: { a: 'x'.repeat(120) }, want: undefined }],
    [
      'a long object breaks one property per line',
      {
        given: { first: 'a'.repeat(40), second: 'b'.repeat(40), third: [1, 2] },
        want: `{\n  first: '${'a'.repeat(40)}',\n  second: '${'b'.repeat(40)}',\n  third: [1, 2],\n}`,
      },
    ],
  ])('%s', (_, { given, want }) => {
    expect(printLiteral(given, '', 0, 0)).toBe(want);
  });

  it('prints what prettier keeps, for any JSON value and line position', async () => {
    const key = fc.oneof(
      fc.constantFrom('id', 'path', 'pageSize', 'Lightfield-Version', 'a.b', '$name', '1x'),
      fc.string({ maxLength: 12 }),
    );
    const leaf = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 40 }),
      fc.stringMatching(/^[a-z /{}.-]{0,60}$/),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 5 }),
        fc.dictionary(key, tie('node'), { maxKeys: 6 }),
      ),
    })).node;
    let printed = 0;
    await fc.assert(
      fc.asyncProperty(value, fc.integer({ min: 1, max: 40 }), async (v, n) => {
        const text = statement(`x${'x'.repeat(n)}`, v);
        if (text === undefined) return;
        printed++;
        expect(await format(text, OPTIONS)).toBe(text);
      }),
      { numRuns: 300 },
    );
    // The property means something only if most values take the fast path.
    expect(printed).toBeGreaterThan(100);
  });
});

describe('formatDeclarations', () => {
  it('prints fast declarations as given and sends the rest through prettier, in order', async () => {
    const doc = '/**\n * Doc.\n */\n';
    const out = await formatDeclarations([
      { doc, fast: 'export type A = B;', source: 'export type A = B;' },
      { doc, fast: undefined, source: 'export   type C =   { d : string }' },
      { doc: '', fast: undefined, source: 'export type E = F' },
    ]);
    expect(out).toEqual([
      `${doc}export type A = B;`,
      `${doc}export type C = { d: string };`,
      'export type E = F;',
    ]);
  });

  it('a prettier failure is an error, not a silent pass', async () => {
    await expect(formatTs('export type = ;')).rejects.toThrow(/prettier/);
  });
});

describe('generated files printed without prettier', () => {
  // Resource names from one letter to long enough that every alias and entry breaks its line.
  const names = ['a', 'deal', 'customerrelationshipmanagementrecordwithaverylongname'];

  it.each(names)('are left unchanged by prettier (resource %s)', async (name) => {
    const file = path.join(await tempDir(), 'spec', `${name}.yaml`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, await replicateSpecFile(SPEC, 'widget', [name]));
    const model = await loadSpec(file);
    const generated = [
      ...(await targets['types']!(model)),
      ...(await targets['client']!(model)),
    ].filter(([rel]) => rel !== 'openapi.ts');
    expect(generated.length).toBeGreaterThan(3);
    for (const [rel, text] of generated)
      expect(await format(text, OPTIONS), `${name}: ${rel}`).toBe(text);
  });
});
