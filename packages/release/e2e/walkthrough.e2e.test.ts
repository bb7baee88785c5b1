import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundleSpec, loadSpec, replicateSpecFile } from '@lightfield/codegen';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyRepo, diffSpecs, overall } from '../src/index.js';

// The regenerate walk-through: copy the repository, add a resource to the spec, regenerate, and
// check that every package follows with no generator change.
const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
let copy: string;
let before: unknown;

beforeAll(async () => {
  copy = await copyRepo(root, 'lightfield-walkthrough-');
  await run('pnpm', ['install', '--offline', '--frozen-lockfile'], { cwd: copy });
  const spec = path.join(copy, 'spec', 'openapi.yaml');
  // Bundled, as spec:diff compares it: the spec's root alone does not hold its paths.
  before = await bundleSpec(spec);
  // Whatever the spec's first resource is, `partner`, a name the spec does not use, copies it.
  const [first] = (await loadSpec(spec)).resources;
  await writeFile(spec, await replicateSpecFile(spec, first!.name, ['partner']));
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
  await run('pnpm', ['generate'], { cwd: copy, env });
  await run('pnpm', ['turbo', 'run', 'build', 'typecheck'], {
    cwd: copy,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
});
afterAll(() => rm(copy, { recursive: true, force: true }));

test('the client has client.partner.*', async () => {
  const client = await readFile(path.join(copy, 'packages/client/src/generated/client.ts'), 'utf8');
  expect(client).toMatch(/readonly partner: PartnerResource/);
  for (const method of ['create', 'definitions', 'list', 'retrieve', 'update'])
    expect(client).toMatch(new RegExp(`\\n  ${method}\\(`));
});

test('the types export it', async () => {
  const aliases = await readFile(
    path.join(copy, 'packages/types/src/generated/aliases.ts'),
    'utf8',
  );
  for (const name of ['Partner', 'PartnerList', 'PartnerCreateParams', 'PartnerDefinitions'])
    expect(aliases).toContain(`export type ${name} =`);
});

test('the mock serves it, and the built client calls it', async () => {
  const script = `
    import { Lightfield } from '@lightfield/client';
    import { createMockServer } from '@lightfield/fixtures/server';
    const mock = await createMockServer({ port: 0 });
    const client = new Lightfield({ apiKey: 'k', baseUrl: mock.url, logLevel: 'off' });
    const page = await client.partner.list({ limit: 2 });
    const one = await client.partner.retrieve(page.data[0].id);
    const defs = await client.partner.definitions();
    console.log(JSON.stringify({ n: page.data.length, total: page.totalCount, same: one.id === page.data[0].id, type: defs.objectType }));
    await mock.close();`;
  const file = path.join(copy, 'packages', 'release', 'walk.mjs');
  await writeFile(file, script);
  const { stdout } = await run(process.execPath, [file], { cwd: path.dirname(file) });
  expect(JSON.parse(stdout)).toEqual({ n: 2, total: 48, same: true, type: 'partner' });
});

test('spec:diff calls it non-breaking', async () => {
  const after = await bundleSpec(path.join(copy, 'spec', 'openapi.yaml'));
  expect(overall(diffSpecs(before, after))).toBe('non-breaking');
});
