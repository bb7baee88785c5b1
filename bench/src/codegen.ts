import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { replicateSpecFile } from '@lightfield/codegen';
import { figure, ratio, show, type Section } from './report.js';
import { ROOT, timed } from './exec.js';

const CODEGEN = path.join(ROOT, 'packages', 'codegen', 'bin', 'lightfield-codegen.js');
const OPENAPI_TS = path.join(ROOT, 'bench', 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

/** A spec with `n` resources of the entity model (the repository's plus n − 1 copies). */
export async function syntheticSpec(n: number, dir: string): Promise<string> {
  const file = path.join(dir, 'spec', `resources-${n}.yaml`);
  await mkdir(path.dirname(file), { recursive: true });
  const names = Array.from({ length: n - 1 }, (_, i) => `resource${i + 2}`);
  await writeFile(
    file,
    await replicateSpecFile(path.join(ROOT, 'spec', 'openapi.yaml'), 'opportunity', names),
  );
  return file;
}

/** The whole pipeline: what `pnpm generate` runs (one process writes types, client and fixtures). */
export async function pipeline(spec: string, out: string): Promise<number> {
  const jobs = ['types', 'client', 'fixtures'].map((t) => `${t}=${path.join(out, t)}`);
  return timed(process.execPath, [CODEGEN, 'generate', '--spec', spec, ...jobs]);
}

/** Generation time: the pipeline against the bare openapi-typescript CLI, and growth with resources. */
export async function codegen(runs = 3): Promise<Section> {
  // Wall times scale with the machine's load: the report says what it was.
  const load = loadavg()[0]!.toFixed(1);
  const dir = await mkdtemp(path.join(tmpdir(), 'lightfield-codegen-bench-'));
  const rows: string[][] = [];
  const goals = [];
  const specs: [string, string][] = [
    ['spec/openapi.yaml (1 resource, 5 operations)', path.join(ROOT, 'spec', 'openapi.yaml')],
    ['synthetic: 50 resources × 5 operations', await syntheticSpec(50, dir)],
  ];
  for (const [name, spec] of specs) {
    const ours: number[] = [];
    const bare: number[] = [];
    for (let r = 0; r < runs; r++) {
      bare.push(await timed(process.execPath, [OPENAPI_TS, spec, '-o', path.join(dir, 'bare.ts')]));
      ours.push(await pipeline(spec, path.join(dir, 'out')));
    }
    const o = figure(ours, 'ms');
    const b = figure(bare, 'ms');
    rows.push([name, show(b), show(o), ratio(o.median, b.median)]);
    if (name.startsWith('synthetic')) {
      // Prettier formats the generated code in-process: speed is a goal, not a second formatter.
      goals.push(
        {
          goal: 'pipeline ≤ 3× bare openapi-typescript on the large spec',
          measured: ratio(o.median, b.median),
          met: o.median / b.median <= 3,
        },
        {
          goal: 'pipeline ≤ 5 s on the large spec',
          measured: `${(o.median / 1000).toFixed(2)} s`,
          met: o.median <= 5000,
        },
      );
    }
  }
  const growth: string[] = [];
  for (const n of [1, 10, 25, 50]) {
    const spec = n === 1 ? path.join(ROOT, 'spec', 'openapi.yaml') : await syntheticSpec(n, dir);
    growth.push(`${n}: ${(await pipeline(spec, path.join(dir, `growth-${n}`))).toFixed(0)} ms`);
  }
  return {
    title: 'Code generation',
    table: {
      head: ['spec', 'openapi-typescript CLI', 'pipeline (types + client + fixtures)', 'ratio'],
      rows,
    },
    goals,
    notes: [
      `${runs} runs each; the pipeline is the one \`lightfield-codegen generate\` process that \`pnpm generate\` runs (without Turborepo's start-up), writing all three packages.`,
      `Growth of the pipeline from 1 to 50 resources: ${growth.join(', ')}.`,
      `Load average when the run started: ${load} on ${cpus().length} cores (wall times grow with it; the ratio much less).`,
    ],
    ranAt: new Date().toISOString(),
  };
}
