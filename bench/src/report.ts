import { cpus, totalmem, platform, release } from 'node:os';

/** A figure: the median of repeated measurements and their spread. */
export interface Figure {
  median: number;
  low: number;
  high: number;
  unit: string;
}

/** A goal of the issue and whether this run met it. */
export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

/** One benchmark's results. */
export interface Section {
  title: string;
  /** Column names, then one row per subject. */
  table: { head: string[]; rows: string[][] };
  goals: Goal[];
  notes: string[];
  ranAt: string;
}

/** Median and min–max of samples. */
export function figure(samples: number[], unit: string): Figure {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, low: s[0]!, high: s[s.length - 1]!, unit };
}

/** `1,234 (1,100–1,300) unit`. */
export function show(f: Figure, digits = 0): string {
  const n = (x: number) =>
    x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${n(f.median)} (${n(f.low)}–${n(f.high)})${f.unit ? ` ${f.unit}` : ''}`;
}

/** A ratio to two decimals, e.g. `1.07×`. */
export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

/** The machine and tool versions every result is measured on. */
export function machine(versions: Record<string, string>): string[] {
  const cpu = cpus();
  return [
    `- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}`,
    `- Node ${process.version}; ${Object.entries(versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  ];
}

/** Renders every section as markdown. */
export function render(sections: Record<string, Section>, header: string[]): string {
  const out = [
    '# Benchmark results',
    '',
    'Written by `pnpm bench` (bench/src). Figures are medians with the min–max spread in brackets;',
    'on a noisy 2-core machine the ratios against the peer measured in the same run are what count.',
    '',
    ...header,
    '',
  ];
  for (const [key, s] of Object.entries(sections)) {
    out.push(
      `## ${s.title}`,
      '',
      `\`pnpm --filter @lightfield/bench bench ${key}\` · measured ${s.ranAt}`,
      '',
    );
    out.push(`| ${s.table.head.join(' | ')} |`, `| ${s.table.head.map(() => '---').join(' | ')} |`);
    for (const row of s.table.rows) out.push(`| ${row.join(' | ')} |`);
    if (s.goals.length) {
      out.push('', '| goal | measured | met |', '| --- | --- | --- |');
      for (const g of s.goals)
        out.push(`| ${g.goal} | ${g.measured} | ${g.met ? 'yes' : '**no**'} |`);
    }
    if (s.notes.length) out.push('', ...s.notes.map((n) => `- ${n}`));
    out.push('');
  }
  return out.join('\n');
}
