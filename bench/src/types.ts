import { copyFile, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSpec, targets, writeOutput } from '@lightfield/codegen';
import { syntheticSpec } from './codegen.js';
import { output, ROOT } from './exec.js';
import { ratio, type Section } from './report.js';

const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const FLAGS = [
  '--noEmit',
  '--extendedDiagnostics',
  '--strict',
  '--skipLibCheck',
  '--target',
  'ES2022',
  '--module',
  'NodeNext',
  '--moduleResolution',
  'NodeNext',
];

/** What `tsc --extendedDiagnostics` reports for a program. */
export interface TypeCost {
  instantiations: number;
  types: number;
  checkMs: number;
  errors: string[];
}

function parse(stdout: string): TypeCost {
  const num = (label: string) =>
    Number(new RegExp(`${label}:\\s+([\\d.]+)`).exec(stdout)?.[1] ?? NaN);
  return {
    instantiations: num('Instantiations'),
    types: num('Types'),
    checkMs: num('Check time') * 1000,
    errors: stdout.split('\n').filter((l) => /error TS\d+/.test(l)),
  };
}

/** Type-checks files with tsc and reads its diagnostics. */
export async function typeCost(files: string[], project?: string): Promise<TypeCost> {
  const args = project
    ? ['-p', project, '--extendedDiagnostics', '--noEmit']
    : [...FLAGS, ...files];
  return parse(
    (await output(process.execPath, [TSC, ...args], path.dirname(project ?? files[0]!))).stdout,
  );
}

/** The real spec's consumers, in bench/type-cost. */
export function realSpecCosts(): Promise<[TypeCost, TypeCost]> {
  const dir = path.join(ROOT, 'bench', 'type-cost');
  return Promise.all([
    typeCost([path.join(dir, 'client-calls.ts')]),
    typeCost([path.join(dir, 'openapi-fetch-calls.ts')]),
  ]);
}

/** Generates types and client for 50 resources and consumers that call every operation of both. */
async function largeSpecCosts(): Promise<[TypeCost, TypeCost]> {
  const dir = path.join(ROOT, 'bench', '.out', 'type-cost-50');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const model = await loadSpec(await syntheticSpec(50, dir));
  await writeOutput(path.join(dir, 'types', 'generated'), await targets['types']!(model));
  await writeOutput(path.join(dir, 'client', 'generated'), await targets['client']!(model));
  await symlink(
    path.join(ROOT, 'packages', 'client', 'src', 'core'),
    path.join(dir, 'client', 'core'),
    'dir',
  );
  // The types package's own entry and hand-written core, over the regenerated files.
  await copyFile(
    path.join(ROOT, 'packages', 'types', 'src', 'index.ts'),
    path.join(dir, 'types', 'index.ts'),
  );
  await symlink(
    path.join(ROOT, 'packages', 'types', 'src', 'core'),
    path.join(dir, 'types', 'core'),
    'dir',
  );
  const ours = [
    "import { Lightfield } from './client/generated/client.js';",
    "const c = new Lightfield({ apiKey: 'k' });",
    'export async function every() {',
  ];
  const bare = [
    "import createClient from 'openapi-fetch';",
    "import type { paths } from './types/index.js';",
    "const c = createClient<paths>({ baseUrl: 'https://api.lightfield.app' });",
    "const header = { 'Lightfield-Version': '2026-03-01' } as const;",
    'export async function every() {',
  ];
  const body = "{ fields: { $name: 'A', $stage: 'L' }, relationships: { $account: 'a' } }";
  for (const r of model.resources) {
    const plural = r.operations.find((o) => o.method === 'list')!.path;
    ours.push(
      `  await c.${r.name}.definitions();`,
      `  const ${r.name} = await c.${r.name}.create(${body});`,
      `  await c.${r.name}.retrieve(${r.name}.id);`,
      `  await c.${r.name}.update(${r.name}.id, { fields: { amount: 1 } });`,
      `  await c.${r.name}.list({ limit: 5 });`,
    );
    bare.push(
      `  await c.GET('${plural}/definitions', { params: { header } });`,
      `  const ${r.name} = (await c.POST('${plural}', { params: { header }, body: ${body} })).data!;`,
      `  await c.GET('${plural}/{id}', { params: { header, path: { id: ${r.name}.id } } });`,
      `  await c.POST('${plural}/{id}', { params: { header, path: { id: ${r.name}.id } }, body: { fields: { amount: 1 } } });`,
      `  await c.GET('${plural}', { params: { header, query: { limit: 5 } } });`,
    );
  }
  await writeFile(path.join(dir, 'ours.ts'), [...ours, '}', ''].join('\n'));
  await writeFile(path.join(dir, 'bare.ts'), [...bare, '}', ''].join('\n'));
  const project = (file: string) => {
    const tsconfig = path.join(dir, `tsconfig.${file}.json`);
    return writeFile(
      tsconfig,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          skipLibCheck: true,
          noEmit: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          types: [],
          paths: { '@lightfield/types': ['./types/index.ts'] },
        },
        files: [`${file}.ts`],
      }),
    ).then(() => tsconfig);
  };
  return Promise.all([typeCost([], await project('ours')), typeCost([], await project('bare'))]);
}

/** Type-check cost: every call through the client against the same calls through bare openapi-fetch. */
export async function types(): Promise<Section> {
  const [ours, bare] = await realSpecCosts();
  const [bigOurs, bigBare] = await largeSpecCosts();
  const row = (name: string, c: TypeCost) => [
    name,
    c.instantiations.toLocaleString('en-US'),
    c.types.toLocaleString('en-US'),
    `${c.checkMs.toFixed(0)} ms`,
    c.errors.length ? c.errors.join('; ') : 'none',
  ];
  const ts2589 = [ours, bare, bigOurs, bigBare].some((c) =>
    c.errors.some((e) => e.includes('TS2589')),
  );
  return {
    title: 'Type-check cost (tsc --extendedDiagnostics)',
    table: {
      head: ['consumer', 'instantiations', 'types', 'check time', 'errors'],
      rows: [
        row('spec/openapi.yaml: @lightfield/client', ours),
        row('spec/openapi.yaml: bare openapi-fetch', bare),
        row('50 resources: @lightfield/client', bigOurs),
        row('50 resources: bare openapi-fetch', bigBare),
      ],
    },
    goals: [
      {
        goal: '≤ 1.5× openapi-fetch instantiations',
        measured: ratio(ours.instantiations, bare.instantiations),
        met: ours.instantiations <= 1.5 * bare.instantiations,
      },
      {
        goal: '≤ 1.5× openapi-fetch instantiations, 50 resources',
        measured: ratio(bigOurs.instantiations, bigBare.instantiations),
        met: bigOurs.instantiations <= 1.5 * bigBare.instantiations,
      },
      { goal: 'no TS2589 on the large spec', measured: ts2589 ? 'TS2589' : 'none', met: !ts2589 },
    ],
    notes: [
      'Each consumer makes every call of its spec (5 per resource) and is checked alone with `--skipLibCheck`.',
    ],
    ranAt: new Date().toISOString(),
  };
}
