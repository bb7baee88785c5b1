import { execFile } from 'node:child_process';
import { copyFile, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadSpec, replicateSpecFile, targets, writeOutput } from '@lightfield/codegen';
import { beforeAll, describe, expect, test } from 'vitest';
import { API_KEY, entity, json } from './helpers.js';

// Regenerates types and client from a spec with a second resource (`account`, the same entity
// model), with no generator change, then type-checks and calls the result.
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '.out', 'two-resources');
const spec = path.resolve(here, '../../../spec/openapi.yaml');

beforeAll(async () => {
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(out, 'spec'), { recursive: true });
  const file = path.join(out, 'spec', 'two-resources.yaml');
  await writeFile(file, await replicateSpecFile(spec, 'opportunity', ['account']));
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
    `import type { Account } from '@lightfield/types';
import { Lightfield } from './client/generated/client.js';
const client = new Lightfield({ apiKey: 'k' });
export const a: Promise<Account> = client.account.retrieve('acc_1').then((x) => x);
void client.account.create({ fields: { $name: 'A', $stage: 'Lead' }, relationships: { $account: 'acc_1' } });
// @ts-expect-error $name is required on account.create too
void client.account.create({ fields: { $stage: 'Lead' }, relationships: { $account: 'acc_1' } });
void client.account.list({ limit: 5, filter: { $name: { startsWith: 'A' } } });
void client.opportunity.definitions();
`,
  );
}, 60_000);

describe('a spec with one more resource', () => {
  test('type-checks, with client.account.* typed by the new schemas', async () => {
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
      fetch: async (input: RequestInfo, init?: RequestInit) => {
        const r = new Request(input, init);
        urls.push(`${r.method} ${new URL(r.url).pathname}`);
        return r.url.includes('?')
          ? json({ object: 'list', data: [], totalCount: 0 })
          : json(entity('acc_1'));
      },
    });
    await client['account']!['retrieve']!('acc_1');
    await client['account']!['update']!('acc_1', { fields: { $name: 'B' } });
    await client['account']!['list']!({ limit: 5 });
    await client['account']!['definitions']!();
    await client['opportunity']!['retrieve']!('opp_1');
    expect(urls).toEqual([
      'GET /v1/accounts/acc_1',
      'POST /v1/accounts/acc_1',
      'GET /v1/accounts',
      'GET /v1/accounts/definitions',
      'GET /v1/opportunities/opp_1',
    ]);
  });
});
