import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The published packages, by folder under `packages/`. */
export const PUBLISHED = {
  types: '@lightfield/types',
  client: '@lightfield/client',
  fixtures: '@lightfield/fixtures',
} as const;

/** Packs every published package into `dir` with `pnpm pack`; returns tarball paths and sizes. */
export async function packAll(
  root: string,
  dir: string,
): Promise<Record<string, { file: string; bytes: number }>> {
  await mkdir(dir, { recursive: true });
  const out: Record<string, { file: string; bytes: number }> = {};
  for (const [folder, name] of Object.entries(PUBLISHED)) {
    const before = new Set(await readdir(dir));
    await run('pnpm', ['pack', '--pack-destination', dir], {
      cwd: path.join(root, 'packages', folder),
    });
    const file = (await readdir(dir)).find((f) => !before.has(f) && f.endsWith('.tgz'));
    if (!file) throw new Error(`pnpm pack wrote no tarball for ${name}`);
    out[name] = { file: path.join(dir, file), bytes: (await stat(path.join(dir, file))).size };
  }
  return out;
}

// The consumer: an ESM TypeScript app that type-checks against the packed .d.ts files, starts the
// mock from @lightfield/fixtures and makes every client call against it.
const APP = `import { Lightfield, NotFoundError, spec } from '@lightfield/client';
import { makeOpportunity } from '@lightfield/fixtures';
import { createMockServer } from '@lightfield/fixtures/server';
import type { Opportunity, OpportunityCreateParams } from '@lightfield/types';

const mock = await createMockServer({ port: 0 });
const client = new Lightfield({ apiKey: 'smoke', baseUrl: mock.url, logLevel: 'off' });
const calls: string[] = [];
try {
  const defs = await client.opportunity.definitions();
  calls.push(\`definitions:\${Object.keys(defs.fieldDefinitions).length}\`);
  const account = mock.store.all('opportunity')[0]!.relationships['$account']!.values[0]!;
  const body: OpportunityCreateParams = { fields: { $name: 'Smoke', $stage: 'Lead' }, relationships: { $account: account } };
  const created: Opportunity = await client.opportunity.create(body);
  calls.push('create');
  const got = await client.opportunity.retrieve(created.id);
  calls.push(got.id === created.id ? 'retrieve' : 'retrieve-mismatch');
  const updated = await client.opportunity.update(created.id, { fields: { amount: 42 } });
  calls.push(updated.fields['amount']?.value === 42 ? 'update' : 'update-mismatch');
  let n = 0;
  for await (const _ of client.opportunity.list({ limit: 25 })) n++;
  calls.push(\`list:\${n}\`);
  await client.opportunity.retrieve('opp_missing').catch((e: unknown) => calls.push(e instanceof NotFoundError ? 'not-found' : 'wrong-error'));
  const fake: Opportunity = makeOpportunity({}, { seed: 1 });
  calls.push(fake.id ? 'factory' : 'factory-empty');
  console.log(JSON.stringify({ spec: spec.apiVersion, calls }));
} finally {
  await mock.close();
}
`;

/** Installs the packed tarballs into a throwaway project outside the workspace, type-checks and runs it. */
export async function smoke(root: string): Promise<{
  tarballs: Record<string, { file: string; bytes: number }>;
  output: { spec: string; calls: string[] };
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lightfield-consumer-'));
  const tarballs = await packAll(root, path.join(dir, 'tarballs'));
  const deps = Object.fromEntries(
    Object.entries(tarballs).map(([name, t]) => [name, `file:${t.file}`]),
  );
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify(
      // The mock server is Node-only, so its types need Node's, as in any Node project.
      {
        name: 'lightfield-consumer',
        private: true,
        type: 'module',
        dependencies: deps,
        devDependencies: { '@types/node': '20.19.43' },
        pnpm: { overrides: deps },
      },
      null,
      2,
    ),
  );
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: false,
        outDir: 'dist',
        types: ['node'],
      },
      include: ['app.ts'],
    }),
  );
  await writeFile(path.join(dir, 'app.ts'), APP);
  // Third-party packages come from the local store the workspace install filled: no network.
  await run(
    'pnpm',
    ['install', '--prefer-offline', '--ignore-workspace', '--config.confirmModulesPurge=false'],
    { cwd: dir },
  );
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', dir], { cwd: dir }).catch((e: { stdout: string }) => {
    throw new Error(
      `the consumer app does not type-check against the packed packages:\n${e.stdout}`,
    );
  });
  const { stdout } = await run(process.execPath, [path.join(dir, 'dist', 'app.js')], { cwd: dir });
  return {
    tarballs,
    output: JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
      spec: string;
      calls: string[];
    },
  };
}
