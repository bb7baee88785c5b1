import { causeKey, groupByCause } from './causes.js';
import { STAGES } from './scenario.js';
import { passCounts, ROWS, type SpecResult, type SweepResult } from './sweep-result.js';

/** How many examples a cause row names. */
const EXAMPLES = 3;

const percent = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)} %` : '-');
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const table = (head: string[], rows: string[][]) =>
  [head, head.map(() => '---'), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
const minutes = (ms: number) => `${Math.floor(ms / 60_000)} min ${Math.round(ms / 1000) % 60} s`;

/** The sweep's parameters as the command that repeats it. */
export function sweepCommand(result: Pick<SweepResult, 'params'>): string {
  const { sample, seed, maxOps, only, timeoutS, jobs } = result.params;
  const args = only
    ? only.map((id) => `--only ${id}`)
    : [`--sample ${sample}`, `--seed ${seed}`, `--max-ops ${maxOps}`];
  return ['pnpm test:directory', ...args, `--jobs ${jobs}`, `--timeout ${timeoutS}`].join(' ');
}

function stageTable(specs: SpecResult[]): string {
  const counts = passCounts(specs);
  const rows = ROWS.map((row) => [row, String(counts[row]), percent(counts[row], specs.length)]);
  const [passed, total] = [0, 1].map((i) =>
    specs.reduce((n, s) => n + Number((s.roundTrip ?? '0/0').split('/')[i]), 0),
  );
  return [
    table(['stage', `pass (of ${specs.length})`, 'rate'], rows),
    '',
    `Operations: ${specs.reduce((n, s) => n + s.ops, 0)} in the sample; ${passed} of the ${total} the round-trip reached passed.`,
  ].join('\n');
}

function causeTable(specs: SpecResult[]): string {
  const failures = specs.flatMap((s) =>
    s.stages.filter((st) => st.cause).map((st) => ({ spec: s.spec, cause: st.cause! })),
  );
  if (!failures.length) return 'No stage failed.';
  const rows = groupByCause(failures, (f) => f.cause).map(({ cause, items }) => [
    cause,
    String(items.length),
    items
      .slice(0, EXAMPLES)
      .map((i) => i.spec)
      .join(', '),
  ]);
  return table(['cause (the first error line, names blanked)', 'specs', 'e.g.'], rows);
}

function operationTable(specs: SpecResult[]): string {
  const failures = specs.flatMap((s) =>
    (s.operations ?? []).map((o) => ({
      spec: s.spec,
      ...o,
      cause: causeKey('round-trip', o.example),
    })),
  );
  if (!failures.length) return 'No operation failed.';
  const rows = groupByCause(failures, (f) => f.cause)
    .map(({ cause, items }) => ({
      cause,
      ops: items.reduce((n, i) => n + i.count, 0),
      items,
    }))
    .sort((a, b) => b.ops - a.ops || b.items.length - a.items.length)
    .map(({ cause, ops, items }) => [
      cause.replace(/^round-trip: /, ''),
      String(ops),
      String(items.length),
      `${items[0]!.spec}: ${items[0]!.example}`.slice(0, 200),
    ]);
  return table(['cause', 'operations', 'specs', 'e.g.'], rows);
}

function specTable(specs: SpecResult[]): string {
  const mark = (s: SpecResult, stage: string) => {
    const st = s.stages.find((x) => x.stage === stage);
    if (!st || st.skipped) return '-';
    if (st.ok) return stage === 'round-trip' ? `pass ${s.roundTrip}` : 'pass';
    return stage === 'round-trip' && s.roundTrip ? `FAIL ${s.roundTrip}` : 'FAIL';
  };
  const rows = [...specs]
    .sort((a, b) => a.spec.localeCompare(b.spec))
    .map((s) => [
      s.spec,
      String(s.ops),
      ...STAGES.map((stage) => mark(s, stage)),
      `${Math.round(s.stages.reduce((n, st) => n + st.ms, 0) / 1000)} s`,
      s.cause ?? '',
    ]);
  return table(['spec', 'ops', ...STAGES, 'time', 'cause'], rows);
}

/** The sweep as Markdown: pass counts per stage, failures by cause, then every spec. */
export function formatSweep(result: SweepResult): string {
  const { specs } = result;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  return [
    '# The public directory sweep',
    '',
    `Written by \`${sweepCommand(result)}\`: each spec of \`${result.directory}\` generated, bundled, type-checked and round-tripped against its mock (see README.md).`,
    '',
    result.complete
      ? `${specs.length} specs in ${minutes(result.ms)}`
      : `**Partial**: ${specs.length} specs so far, ${minutes(result.ms)}`,
    `on ${result.cores} cores with ${result.params.jobs} jobs, started ${result.started}; load average ${load(result.load.start)} at the start, ${load(result.load.end)} at the end.`,
    '',
    stageTable(specs),
    '',
    '## Failed stages by cause',
    '',
    causeTable(specs),
    '',
    '## Failing round-trip operations by cause',
    '',
    operationTable(specs),
    '',
    '## Every spec',
    '',
    specTable(specs),
    '',
  ].join('\n');
}
