import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { tempDir } from '@lightfield/testkit';

// The `lightfield-fields` bin, as npm users run it: the built ESM and CommonJS files, each a
// bundle of the codegen's fields command with nothing to resolve but Node's own modules.
const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.dirname(
  createRequire(import.meta.url).resolve('@lightfield/client/package.json'),
);
const dist = path.join(pkgDir, 'dist');
const ORG = path.join(here, 'org');
const pkg = JSON.parse(await readFile(path.join(pkgDir, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
};

async function bin(file: string, args: string[]) {
  return run(process.execPath, [path.join(dist, file), ...args], { cwd: ORG }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('lightfield-fields', () => {
  test('the package names the ESM build as its bin', () => {
    expect(pkg.bin).toEqual({ 'lightfield-fields': './dist/fields-cli.js' });
  });

  test.each([['fields-cli.js'], ['fields-cli.cjs']])(
    '%s writes the module the codegen writes (the committed one passes --check)',
    async (file) => {
      const check = await bin(file, [
        '--check',
        '--from',
        'definitions.json',
        '--out',
        'my-org.ts',
        '--name',
        'MyOrg',
      ]);
      expect(check.stderr).toBe('');
      expect(check.stdout).toContain('my-org.ts matches the definitions');
      expect(check.code).toBe(0);
      const dir = await tempDir('lightfield-fields-');
      const out = path.join(dir, 'org.ts');
      const write = await bin(file, ['--from', 'definitions.json', '--out', out]);
      expect(write.code).toBe(0);
      expect(await readFile(out, 'utf8')).toContain(
        "import type { OrgDefinitions } from '@lightfield/client';",
      );
    },
  );

  test.each([
    ['no flags', { given: [], want: 'lightfield-fields needs --from and --out', code: 2 }],
    ['an unknown flag', { given: ['--form', 'd.json'], want: "Unknown option '--form'", code: 2 }],
    [
      'a missing file',
      { given: ['--from', 'nope.json', '--out', 'o.ts'], want: 'nope.json: no such file', code: 1 },
    ],
  ])('%s: a clear message, no stack', async (_, { given, want, code }) => {
    const result = await bin('fields-cli.js', given);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(want);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('objectType must be a resource of this client', async () => {
    const dir = await tempDir('lightfield-fields-');
    const defs = JSON.parse(await readFile(path.join(ORG, 'definitions.json'), 'utf8')) as object;
    const file = path.join(dir, 'd.json');
    await writeFile(file, JSON.stringify({ ...defs, objectType: 'planet' }));
    const result = await bin('fields-cli.js', ['--from', file, '--out', path.join(dir, 'o.ts')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'objectType "planet" is no resource of the spec (account, auth,',
    );
  });

  test('the library entries never load the bin or the codegen', async () => {
    for (const file of await readdir(dist)) {
      if (file.startsWith('fields-cli') || !/\.c?js$/.test(file)) continue;
      const text = await readFile(path.join(dist, file), 'utf8');
      // The JSDoc may name the bin; its code (usage text, Node modules) must not be there.
      expect(text, file).not.toMatch(
        /fields-cli|needs --from|--from <definitions|node:fs|node:util/,
      );
    }
  });

  test('the published declarations name the bin a consumer can run', async () => {
    const types = path.dirname(
      createRequire(import.meta.url).resolve('@lightfield/types/package.json'),
    );
    const files = [
      ...(await readdir(dist)).map((f) => path.join(dist, f)),
      ...(await readdir(path.join(types, 'dist'))).map((f) => path.join(types, 'dist', f)),
    ].filter((f) => /\.d\.c?ts$/.test(f));
    expect(files.length).toBeGreaterThan(2);
    const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
    for (const [i, text] of texts.entries())
      expect(text, files[i]).not.toContain('lightfield-codegen');
    expect(texts.join('\n')).toContain('npx lightfield-fields');
  });
});
