import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loopback, send } from '@lightfield/testkit/loopback';
import { afterEach, describe, expect, test } from 'vitest';
import { at, DEFINITIONS, run, SPEC, tempDir } from './helpers.js';

// The published client's own organization module (spec/test/client/org) is checked by
// spec/test/client/fields-cli.test.ts; these tests use the neutral spec's definitions.
const DEFS = DEFINITIONS;

const apiKey = process.env['LIGHTFIELD_API_KEY'];
afterEach(() => {
  if (apiKey === undefined) delete process.env['LIGHTFIELD_API_KEY'];
  else process.env['LIGHTFIELD_API_KEY'] = apiKey;
});

describe('lightfield-codegen fields', () => {
  test('writes a module of fields, options, read-only flags, relationships and option maps', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'org.ts');
    const { code } = await run(['fields', '--from', DEFS, '--out', file, '--spec', SPEC]);
    expect(code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('export type Org = Check<{');
    expect(text).toContain("weight: { valueType: 'CURRENCY' };");
    // Options id → label: entities hold the ids, writes take either.
    expect(text).toContain(
      "$stage: { valueType: 'SINGLE_SELECT'; options: { opt_lead: 'Lead'; opt_won: 'Closed Won' } };",
    );
    // And at run time, each select field's label ↔ id maps.
    expect(text).toMatch(
      /export const OrgOptions = \{\s+widget: \{\s+\$stage: \{\s+ids: \{ Lead: 'opt_lead', 'Closed Won': 'opt_won' \},\s+labels: \{ opt_lead: 'Lead', opt_won: 'Closed Won' \},/,
    );
    expect(text).toMatch(/readOnly: true/);
    expect(text).toContain("'win-reason': { valueType: 'TEXT' };");
    expect(text).toContain("$team: { cardinality: 'HAS_ONE'; objectType: 'team' };");
  });

  test('--check fails, naming what changed, once the definitions change', async () => {
    const dir = await tempDir();
    const defs = path.join(dir, 'definitions.json');
    const file = path.join(dir, 'org.ts');
    await copyFile(DEFS, defs);
    expect((await run(['fields', '--from', defs, '--out', file])).code).toBe(0);
    const body: unknown = JSON.parse(await readFile(defs, 'utf8'));
    at(body, 'fieldDefinitions', 'weight').valueType = 'NUMBER';
    at(body, 'fieldDefinitions').budget = {
      label: 'Budget',
      description: null,
      valueType: 'CURRENCY',
      typeConfiguration: {},
    };
    await writeFile(defs, JSON.stringify(body));
    const before = await readFile(file, 'utf8');
    const { code, err } = await run(['fields', '--check', '--from', defs, '--out', file]);
    expect(code).toBe(1);
    expect(err).toContain('is out of date with the definitions');
    expect(err).toContain("+ weight: { valueType: 'NUMBER' };");
    expect(err).toContain("- weight: { valueType: 'CURRENCY' };");
    expect(err).toContain("+ budget: { valueType: 'CURRENCY' };");
    expect(await readFile(file, 'utf8')).toBe(before);
    const missing = await run([
      'fields',
      '--check',
      '--from',
      defs,
      '--out',
      path.join(dir, 'none.ts'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('(missing)');
  });

  test("reads the definitions live, with the API key and the spec's constant headers", async () => {
    const body = await readFile(DEFS, 'utf8');
    const server = await loopback((req, res) => {
      const ok =
        req.headers.authorization === 'Bearer sk_test' && req.url === '/v1/widgets/definitions';
      send(res, ok ? 200 : 401, ok ? body : '{}');
    });
    const url = `${server.url}/v1/widgets/definitions`;
    try {
      const dir = await tempDir();
      delete process.env['LIGHTFIELD_API_KEY'];
      const noKey = await run(['fields', '--from', url, '--out', path.join(dir, 'a.ts')]);
      expect(noKey.code).toBe(1);
      expect(noKey.err).toContain('set LIGHTFIELD_API_KEY');
      process.env['LIGHTFIELD_API_KEY'] = 'sk_wrong';
      const denied = await run(['fields', '--from', url, '--out', path.join(dir, 'a.ts')]);
      expect(denied.err).toContain('the API answered 401');
      expect(denied.err).not.toContain('sk_wrong');
      process.env['LIGHTFIELD_API_KEY'] = 'sk_test';
      const live = await run([
        'fields',
        '--from',
        url,
        '--out',
        path.join(dir, 'org.ts'),
        '--spec',
        SPEC,
      ]);
      expect(live.err).toBe('');
      expect(live.code).toBe(0);
      expect(server.seen.at(-1)?.headers['api-version']).toBe('2025-06-01');
      // The live module equals the one from the saved response, but for the source line.
      const saved = await run(['fields', '--from', DEFS, '--out', path.join(dir, 'saved.ts')]);
      expect(saved.code).toBe(0);
      const strip = (t: string) => t.split('\n').slice(1).join('\n');
      expect(strip(await readFile(path.join(dir, 'org.ts'), 'utf8'))).toBe(
        strip(await readFile(path.join(dir, 'saved.ts'), 'utf8')),
      );
    } finally {
      await server.close();
    }
  });

  test.each([
    ['a missing file', { given: 'nope.json', want: 'nope.json: no such file' }],
    ['not JSON', { given: 'bad.json', want: 'bad.json: not JSON' }],
    [
      'not definitions',
      { given: 'list.json', want: 'not a definitions response: no fieldDefinitions object' },
    ],
  ])('%s is one clear line, exit 1', async (_, { given, want }) => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'bad.json'), '{ nope');
    await writeFile(path.join(dir, 'list.json'), '{"object":"list","data":[]}');
    const { code, err } = await run([
      'fields',
      '--from',
      path.join(dir, given),
      '--out',
      path.join(dir, 'o.ts'),
    ]);
    expect(code).toBe(1);
    expect(err).toContain(want);
    expect(err.split('\n')).toHaveLength(1);
  });

  test('an objectType the spec lacks, a bad --name and missing flags are refused', async () => {
    const dir = await tempDir();
    const body = JSON.parse(await readFile(DEFS, 'utf8')) as object;
    await writeFile(path.join(dir, 'd.json'), JSON.stringify({ ...body, objectType: 'planet' }));
    const planet = await run([
      'fields',
      '--from',
      path.join(dir, 'd.json'),
      '--out',
      path.join(dir, 'o.ts'),
      '--spec',
      SPEC,
    ]);
    expect(planet.code).toBe(1);
    expect(planet.err).toContain('objectType "planet" is no resource of the spec (widget)');
    expect((await run(['fields', '--from', DEFS, '--out', 'o.ts', '--name', 'my-org'])).code).toBe(
      2,
    );
    expect((await run(['fields', '--out', 'o.ts'])).code).toBe(2);
  });
});
