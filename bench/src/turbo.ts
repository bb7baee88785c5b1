import { figure, ratio, show, type Section } from './report.js';
import { ROOT, timed } from './exec.js';

const TURBO = ['exec', 'turbo', 'run', 'build', 'test', '--output-logs=errors-only'];

/** A cold `build` + `test` (cache ignored) against fully cached reruns. */
export async function turbo(cachedRuns = 5): Promise<Section> {
  // A failing task would end the cold run early and flatter it, so a failure stops the benchmark.
  const cold = await timed('pnpm', [...TURBO, '--force'], ROOT);
  const cached: number[] = [];
  for (let r = 0; r < cachedRuns; r++) cached.push(await timed('pnpm', TURBO, ROOT));
  const c = figure(cached, 'ms');
  return {
    title: 'Turborepo: cold against cached',
    table: {
      head: ['run', 'wall time'],
      rows: [
        ['cold `build` + `test` (--force)', `${(cold / 1000).toFixed(1)} s`],
        ['cached rerun', show(c)],
      ],
    },
    goals: [
      {
        goal: 'cached rerun ≤ 1.5 s wall',
        measured: `${(c.median / 1000).toFixed(2)} s`,
        met: c.median <= 1500,
      },
      {
        goal: 'cached ≥ 10× faster than cold',
        measured: ratio(cold, c.median),
        met: cold / c.median >= 10,
      },
    ],
    notes: [
      'Wall time of `pnpm exec turbo run build test`, including pnpm and Turborepo start-up.',
    ],
    ranAt: new Date().toISOString(),
  };
}
