import { execFile } from 'node:child_process';
import { copyFile, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testSpec } from '@lightfield/testkit';
import { loadSpec, replicateSpecFile, targets, writeOutput } from '@lightfield/codegen';
import { beforeAll, describe, expect, test } from 'vitest';
import { API_KEY, entity, json } from './helpers.js';

// Regenerates types and client from a spec with a second resource (`gadget`, copied from the
// test specs' widget.yaml's `widget`), with no generator change, then type-checks and
// calls the result.
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '.out', 'two-resources');
const spec = testSpec('widget.yaml');

beforeAll(async () => {
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(out, 'spec'), { recursive: true });
  const file = path.join(out, 'spec', 'two-resources.yaml');
  await writeFile(file, await replicateSpecFile(spec, 'widget', ['gadget']));
  const model = await loadSpec(file);
  await writeOutput(path.join(out, 'types', 'generated'), await targets['types']!(model));
  await writeOutput(path.join(out, 'client', 'generated'), await targets['client']!(model));
  await symlink(path.resolve(here, '../src/core'), path.join(out, 'client', 'core'), 'dir');
  await symlink(path.resolve(here, '../src/internal'), path.join(out, 'client', 'internal'), 'dir');
  // The types package's own entry and hand-written core, over the regenerated files.
  await copyFile(
    path.resolve(here, '../../types/src', 'index.ts'),
    path.join(out, 'types', 'index.ts'),
  );
  await symlink(
    path.resolve(here, '../../types/src', 'core'),
    path.join(out, 'types', 'core'),
    'dir',
  );
  await writeFile(
    path.join(out, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../tsconfig.json',
      compilerOptions: { rootDir: '.', paths: { '@lightfield/types': ['./types/index.ts'] } },
      include: ['client/generated', 'types', 'check.ts'],
    }),
  );
  await writeFile(
    path.join(out, 'check.ts'),
    `import type { Gadget } from '@lightfield/types';
import { Lightfield } from './client/generated/client.js';
const client = new Lightfield({ apiKey: 'k' });
export const a: Promise<Gadget> = client.gadget.retrieve('gad_1').then((x) => x);
void client.gadget.create({ fields: { $name: 'A', $stage: 'Draft' }, relationships: { $team: 'team_1' } });
// @ts-expect-error $name is required on gadget.create too
void client.gadget.create({ fields: { $stage: 'Draft' }, relationships: { $team: 'team_1' } });
void client.gadget.list({ limit: 5, filter: { $name: { startsWith: 'A' } } });
void client.widget.definitions();
`,
  );
}, 60_000);

describe('a spec with one more resource', () => {
  test('type-checks, with client.gadget.* typed by the new schemas', async () => {
    const tsc = path.resolve(here, '../node_modules/typescript/bin/tsc');
    const result = await promisify(execFile)(process.execPath, [
      tsc,
      '-p',
      path.join(out, 'tsconfig.json'),
      '--noEmit',
    ]).catch((e: { stdout: string }) => ({ stdout: e.stdout, failed: true }));
    expect(result.stdout).toBe('');
    expect('failed' in result).toBe(false);
  }, 60_000);

  test('calls the new resource at its routes', async () => {
    const { Lightfield } = (await import(path.join(out, 'client', 'generated', 'client.ts'))) as {
      Lightfield: new (
        o: object,
      ) => Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
    };
    const urls: string[] = [];
    const client = new Lightfield({
      apiKey: API_KEY,
      baseUrl: 'http://api.test',
      rateLimit: false,
      fetch: (input: RequestInfo, init?: RequestInit) => {
        const r = new Request(input, init);
        urls.push(`${r.method} ${new URL(r.url).pathname}`);
        return Promise.resolve(
          r.url.includes('?')
            ? json({ object: 'list', data: [], totalCount: 0 })
            : json(entity('gad_1')),
        );
      },
    });
    await client['gadget']!['retrieve']!('gad_1');
    await client['gadget']!['update']!('gad_1', { fields: { $name: 'B' } });
    await client['gadget']!['list']!({ limit: 5 });
    await client['gadget']!['definitions']!();
    await client['widget']!['retrieve']!('wid_1');
    expect(urls).toEqual([
      'GET /v1/gadgets/gad_1',
      'POST /v1/gadgets/gad_1',
      'GET /v1/gadgets',
      'GET /v1/gadgets/definitions',
      'GET /v1/widgets/wid_1',
    ]);
  });
});
