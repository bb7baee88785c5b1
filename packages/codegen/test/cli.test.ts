import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { run, SPEC, tempDir } from './helpers.js';

describe('lightfield-codegen generate', () => {
  test('--check passes on what it wrote and names each file that drifted', async () => {
    const root = await tempDir();
    const types = path.join(root, 'types');
    const client = path.join(root, 'client');
    const jobs = [`types=${types}`, `client=${client}`];
    const wrote = await run(['generate', '--spec', SPEC, ...jobs]);
    expect(wrote.code).toBe(0);
    expect(wrote.out).toMatch(/types: wrote .* in \d+ ms/);
    expect(wrote.out).toMatch(/client: wrote .* in \d+ ms/);

    const clean = await run(['generate', '--check', '--spec', SPEC, ...jobs]);
    expect(clean).toMatchObject({ code: 0, err: '' });
    expect(clean.out).toMatch(/types: \d+ files match the spec/);
    expect(clean.out).toMatch(/client: \d+ files match the spec/);

    await writeFile(path.join(client, 'client.ts'), '// edited\n');
    await rm(path.join(client, 'spec.ts'));
    await writeFile(path.join(types, 'extra.ts'), '');
    const stale = await run(['generate', '--check', '--spec', SPEC, ...jobs]);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/changed: .*client\/client\.ts/);
    expect(stale.err).toMatch(/missing: .*client\/spec\.ts/);
    expect(stale.err).toMatch(/not generated: .*types\/extra\.ts/);
    expect(stale.err).toContain('Run `pnpm generate` and commit the result.');
  });

  test('a target without its folder, or an unknown one, is a usage error', async () => {
    const dir = await tempDir();
    expect((await run(['generate', '--spec', SPEC])).code).toBe(2);
    expect((await run(['generate', '--spec', SPEC, `nope=${dir}`])).code).toBe(2);
    expect((await run(['generate', '--spec', SPEC, 'types'])).err).toMatch(
      /generate needs targets/,
    );
    expect((await run(['generate', '--spec', SPEC, '--bogus'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });

  test('lint reports a clean spec', async () => {
    const result = await run(['lint', '--spec', SPEC]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/lint: .* has no problems \(\d+ operations, \d+ ms\)/);
  });
});
