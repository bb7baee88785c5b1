import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { replicateSpecFile } from '@lightfield/codegen';
import { promisify } from 'node:util';
import { figure, ratio, show, type Section } from './report.js';
import { ROOT, timed } from './exec.js';

const CODEGEN = path.join(ROOT, 'packages', 'codegen', 'bin', 'lightfield-codegen.js');
const OPENAPI_TS = path.join(ROOT, 'bench', 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
/** GitHub's published spec (npm `@octokit/openapi`, pinned): 13 MB, 1,223 operations. */
export const GITHUB_SPEC = path.join(
  ROOT,
  'bench/node_modules/@octokit/openapi/generated/api.github.com.json',
);

/** The resource of the entity model a synthetic spec copies. */
export const TEMPLATE = 'opportunity';

/** The resources of the entity model in a synthetic spec of `n`: the template and its copies. */
export function syntheticResources(n: number): string[] {
  return [TEMPLATE, ...Array.from({ length: n - 1 }, (_, i) => `resource${i + 2}`)];
}

/** A spec with `n` resources of the entity model (the repository's plus n − 1 copies). */
export async function syntheticSpec(n: number, dir: string): Promise<string> {
  const file = path.join(dir, 'spec', `resources-${n}.yaml`);
  await mkdir(path.dirname(file), { recursive: true });
  const names = syntheticResources(n).slice(1);
  await writeFile(
    file,
    await replicateSpecFile(path.join(ROOT, 'spec', 'openapi.yaml'), TEMPLATE, names),
  );
  return file;
}

/** The whole pipeline: what `pnpm generate` runs (one process writes types, client and fixtures). */
export async function pipeline(spec: string, out: string): Promise<number> {
  return (await pipelineCost(spec, out)).ms;
}

/** What one run of the pipeline cost: wall time, peak memory (RSS) and the spec's operations. */
export interface PipelineCost {
  ms: number;
  peakMiB: number;
  operations: number;
}

/**
 * Runs the pipeline in a process of its own and reads its peak memory (`maxRSS`) from it as it
 * exits, and the number of operations from its log.
 */
export async function pipelineCost(spec: string, out: string): Promise<PipelineCost> {
  const jobs = ['types', 'client', 'fixtures'].map((t) => `${t}=${path.join(out, t)}`);
  const script = `const { main } = await import(${JSON.stringify(path.join(path.dirname(CODEGEN), '../dist/index.js'))});
const code = await main(process.argv.slice(1));
console.error('maxrss=' + process.resourceUsage().maxRSS);
process.exit(code);`;
  const start = performance.now();
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script, 'generate', '--spec', spec, ...jobs],
    { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
  ).catch((e: { stdout?: string; stderr?: string }) => {
    throw new Error(`generate --spec ${spec} failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  });
  const ms = performance.now() - start;
  const kb = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? NaN);
  const operations = Number(/\((\d+) operations\)/.exec(stdout)?.[1] ?? NaN);
  return { ms, peakMiB: kb / 1024, operations };
}

/** The goals of the large synthetic spec: speed against openapi-typescript, and wall time. */
function syntheticGoals(o: number, b: number) {
  // Prettier formats the generated code in-process: speed is a goal, not a second formatter.
  return [
    {
      goal: 'pipeline ≤ 3× bare openapi-typescript on the large spec',
      measured: ratio(o, b),
      met: o / b <= 3,
    },
    {
      goal: 'pipeline ≤ 5 s on the large spec',
      measured: `${(o / 1000).toFixed(2)} s`,
      met: o <= 5000,
    },
  ];
}

/** The goals of GitHub's spec: under 2 minutes and 2 GB (on 2 cores). */
function githubGoals(o: number, peakMiB: number) {
  return [
    {
      goal: "pipeline ≤ 2 min on GitHub's spec (1,223 operations)",
      measured: `${(o / 1000).toFixed(1)} s`,
      met: o <= 120_000,
    },
    {
      goal: "peak memory ≤ 2 GB on GitHub's spec",
      measured: `${peakMiB.toFixed(0)} MiB`,
      met: peakMiB * 2 ** 20 <= 2e9,
    },
  ];
}

/**
 * Generation time and memory: the pipeline against the bare openapi-typescript CLI, on the
 * project's spec, the 50-resource synthetic spec and GitHub's (run once: it takes most of a
 * minute), so the cost per operation from 5 to 1,223 operations shows; and growth with resources.
 */
export async function codegen(runs = 3): Promise<Section> {
  // Wall times scale with the machine's load: the report says what it was.
  const load = loadavg()[0]!.toFixed(1);
  const dir = await mkdtemp(path.join(tmpdir(), 'lightfield-codegen-bench-'));
  const rows: string[][] = [];
  const goals = [];
  const specs: [string, string, number][] = [
    // The project's spec: the whole API once it is.
    ['spec/openapi.yaml', path.join(ROOT, 'spec', 'openapi.yaml'), runs],
    [`synthetic: spec/openapi.yaml + 49 copies of ${TEMPLATE}`, await syntheticSpec(50, dir), runs],
    ["GitHub's spec (@octokit/openapi)", GITHUB_SPEC, 1],
  ];
  for (const [name, spec, times] of specs) {
    const ours: PipelineCost[] = [];
    const bare: number[] = [];
    for (let r = 0; r < times; r++) {
      bare.push(await timed(process.execPath, [OPENAPI_TS, spec, '-o', path.join(dir, 'bare.ts')]));
      ours.push(await pipelineCost(spec, path.join(dir, 'out')));
    }
    const o = figure(
      ours.map((c) => c.ms),
      'ms',
    );
    const b = figure(bare, 'ms');
    const peak = Math.max(...ours.map((c) => c.peakMiB));
    const operations = ours[0]!.operations;
    rows.push([
      name,
      String(operations),
      show(b),
      show(o),
      ratio(o.median, b.median),
      `${peak.toFixed(0)} MiB`,
      `${(o.median / operations).toFixed(1)} ms`,
    ]);
    if (spec === GITHUB_SPEC) goals.push(...githubGoals(o.median, peak));
    else if (name.startsWith('synthetic')) goals.push(...syntheticGoals(o.median, b.median));
  }
  const growth: string[] = [];
  for (const n of [1, 10, 25, 50]) {
    const spec = n === 1 ? path.join(ROOT, 'spec', 'openapi.yaml') : await syntheticSpec(n, dir);
    growth.push(`${n}: ${(await pipeline(spec, path.join(dir, `growth-${n}`))).toFixed(0)} ms`);
  }
  return {
    title: 'Code generation',
    table: {
      head: [
        'spec',
        'operations',
        'openapi-typescript CLI',
        'pipeline (types + client + fixtures)',
        'ratio',
        'peak memory',
        'per operation',
      ],
      rows,
    },
    goals,
    notes: [
      `${runs} runs each (GitHub's spec: one); the pipeline is the one \`lightfield-codegen generate\` process that \`pnpm generate\` runs (without Turborepo's start-up), writing all three packages. Peak memory is the pipeline process's maximum RSS.`,
      `Growth of the pipeline with n − 1 copies of ${TEMPLATE} added to spec/openapi.yaml, by n: ${growth.join(', ')}.`,
      `Load average when the run started: ${load} on ${cpus().length} cores (wall times grow with it; the ratio much less).`,
    ],
    ranAt: new Date().toISOString(),
  };
}
