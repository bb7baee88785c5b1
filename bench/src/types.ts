import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSpec, sampleInput } from '@lightfield/codegen';
import { syntheticResources, syntheticSpec } from './codegen.js';
import { generateInto, PROJECT_SPEC } from './generated.js';
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

/**
 * Type-checks two consumers written into `dir`, `ours.ts` and `bare.ts`, each alone with its own
 * tsconfig; `paths` maps module names as in a tsconfig.
 */
async function checkConsumers(
  dir: string,
  ours: string[],
  bare: string[],
  paths: Record<string, string[]> = {},
): Promise<[TypeCost, TypeCost]> {
  await writeFile(path.join(dir, 'ours.ts'), [...ours, '}', ''].join('\n'));
  await writeFile(path.join(dir, 'bare.ts'), [...bare, '}', ''].join('\n'));
  const project = async (file: string) => {
    const tsconfig = path.join(dir, `tsconfig.${file}.json`);
    const compilerOptions = {
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      types: [],
      paths,
    };
    await writeFile(tsconfig, JSON.stringify({ compilerOptions, files: [`${file}.ts`] }));
    return tsconfig;
  };
  return Promise.all([typeCost([], await project('ours')), typeCost([], await project('bare'))]);
}

/**
 * Generates types and client for 50 resources of the entity model and consumers that call their
 * five operations, through both.
 */
async function largeSpecCosts(): Promise<[TypeCost, TypeCost]> {
  const dir = path.join(ROOT, 'bench', '.out', 'type-cost-50');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const model = await generateInto(await syntheticSpec(50, dir), dir);
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
  // The template and its copies: the spec's other resources take other bodies.
  const copies = new Set(syntheticResources(50));
  const entities = model.resources.filter((r) => copies.has(r.name));
  for (const r of entities) {
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
  return checkConsumers(dir, ours, bare, { '@lightfield/types': ['./types/index.ts'] });
}

/**
 * A consumer of the published packages that calls every operation of the project's spec once,
 * with the values its code samples use, through the client and through bare openapi-fetch.
 */
async function wholeApiCosts(): Promise<[TypeCost, TypeCost, number]> {
  const dir = path.join(ROOT, 'bench', '.out', 'type-cost-api');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const model = await loadSpec(PROJECT_SPEC);
  const ours = [
    "import { Lightfield } from '@lightfield/client';",
    "const c = new Lightfield({ apiKey: 'k' });",
    'export async function every() {',
  ];
  const bare = [
    "import createClient from 'openapi-fetch';",
    "import type { paths } from '@lightfield/types';",
    `const c = createClient<paths>({ baseUrl: ${JSON.stringify(model.baseUrl)} });`,
    `const header = ${JSON.stringify(model.constantHeaders)} as const;`,
    'export async function every() {',
  ];
  for (const op of model.operations) {
    const { path: values, body, query } = sampleInput(model, op);
    const args = values.map(([, v]) => JSON.stringify(v));
    const params = ['header'];
    if (values.length)
      params.push(
        `path: { ${values.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`,
      );
    if (op.requestBody) args.push(JSON.stringify(body));
    if (query) {
      args.push(JSON.stringify(query));
      params.push(`query: ${JSON.stringify(query)}`);
    }
    const init = [`params: { ${params.join(', ')} }`];
    if (op.requestBody) init.push(`body: ${JSON.stringify(body)}`);
    ours.push(`  await c.${op.resource}.${op.method}(${args.join(', ')});`);
    bare.push(
      `  await c.${op.httpMethod.toUpperCase()}(${JSON.stringify(op.path)}, { ${init.join(', ')} });`,
    );
  }
  return [...(await checkConsumers(dir, ours, bare)), model.operations.length];
}

/** Type-check cost: every call through the client against the same calls through bare openapi-fetch. */
export async function types(): Promise<Section> {
  const [ours, bare] = await realSpecCosts();
  const [apiOurs, apiBare, operations] = await wholeApiCosts();
  const [bigOurs, bigBare] = await largeSpecCosts();
  const row = (name: string, c: TypeCost) => [
    name,
    c.instantiations.toLocaleString('en-US'),
    c.types.toLocaleString('en-US'),
    `${c.checkMs.toFixed(0)} ms`,
    c.errors.length ? c.errors.join('; ') : 'none',
  ];
  const ts2589 = [ours, bare, apiOurs, apiBare, bigOurs, bigBare].some((c) =>
    c.errors.some((e) => e.includes('TS2589')),
  );
  return {
    title: 'Type-check cost (tsc --extendedDiagnostics)',
    table: {
      head: ['consumer', 'instantiations', 'types', 'check time', 'errors'],
      rows: [
        row('spec/openapi.yaml: @lightfield/client', ours),
        row('spec/openapi.yaml: bare openapi-fetch', bare),
        row(`every operation (${operations}): @lightfield/client`, apiOurs),
        row(`every operation (${operations}): bare openapi-fetch`, apiBare),
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
        goal: `≤ 0.1× openapi-fetch instantiations, every operation of the spec (${operations})`,
        measured: ratio(apiOurs.instantiations, apiBare.instantiations),
        met: apiOurs.instantiations <= 0.1 * apiBare.instantiations,
      },
      {
        goal: 'both consumers of every operation type-check',
        measured: [...apiOurs.errors, ...apiBare.errors].length
          ? `${apiOurs.errors.length} + ${apiBare.errors.length} errors`
          : 'yes',
        met: apiOurs.errors.length + apiBare.errors.length === 0,
      },
      {
        goal: '≤ 1.5× openapi-fetch instantiations, 50 resources',
        measured: ratio(bigOurs.instantiations, bigBare.instantiations),
        met: bigOurs.instantiations <= 1.5 * bigBare.instantiations,
      },
      { goal: 'no TS2589 on the large spec', measured: ts2589 ? 'TS2589' : 'none', met: !ts2589 },
    ],
    notes: [
      'Each consumer is checked alone with `--skipLibCheck`. spec/openapi.yaml: the hand-written consumers in bench/type-cost. Every operation: one call per operation of spec/openapi.yaml, with the values of its code samples, against the published packages (their declarations). 50 resources: every call of a synthetic spec, against the generated source, so the bodies of its methods and functions are checked too.',
    ],
    ranAt: new Date().toISOString(),
  };
}
