import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSpec } from './load-spec.js';
import { formatProblem, SpecError } from './spec-error.js';
import { targets } from './targets/index.js';
import { diffOutput, writeOutput } from './write-output.js';

const USAGE = `Usage:
  lightfield-codegen generate <target> --spec <file> --out <dir> [--check]
  lightfield-codegen lint --spec <file> [--config <redocly.yaml>]

Targets: ${Object.keys(targets).join(', ')}.
--check regenerates in memory and fails, naming the files, when <dir> differs.`;

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(0)} ms`;
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 bad spec or drift, 2 usage). */
export async function main(
  argv: string[],
  log = console.log,
  err = console.error,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        spec: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, targetName] = positionals;
  if (values.help) {
    log(USAGE);
    return 0;
  }
  if (!values.spec || (command !== 'generate' && command !== 'lint')) {
    err(USAGE);
    return 2;
  }
  const specFile = values.spec;
  try {
    if (command === 'lint') {
      const start = performance.now();
      const model = await loadSpec(specFile, {
        ...(values.config ? { redoclyConfig: values.config } : {}),
        strict: true,
      });
      log(
        `lint: ${path.relative(process.cwd(), model.file)} has no problems (${model.operations.length} operations, ${ms(start)})`,
      );
      return 0;
    }
    const target = targetName ? targets[targetName] : undefined;
    if (!target || !values.out) {
      err(`generate needs a target (${Object.keys(targets).join(', ')}) and --out\n\n${USAGE}`);
      return 2;
    }
    const out = path.resolve(values.out);
    let start = performance.now();
    const model = await loadSpec(specFile);
    log(
      `${targetName}: loaded ${path.relative(process.cwd(), model.file)} (${model.operations.length} operations) in ${ms(start)}`,
    );
    start = performance.now();
    const files = await target(model);
    log(`${targetName}: generated ${files.size} files in ${ms(start)}`);
    start = performance.now();
    if (values.check) {
      const drift = await diffOutput(out, files);
      const stale = [...drift.changed, ...drift.missing, ...drift.extra];
      if (stale.length > 0) {
        const rel = path.relative(process.cwd(), out);
        err(`${targetName}: ${rel} is out of date with the spec:`);
        for (const f of drift.changed) err(`  changed: ${rel}/${f}`);
        for (const f of drift.missing) err(`  missing: ${rel}/${f}`);
        for (const f of drift.extra) err(`  not generated: ${rel}/${f}`);
        err('Run `pnpm generate` and commit the result.');
        return 1;
      }
      log(`${targetName}: ${files.size} files match the spec (${ms(start)})`);
      return 0;
    }
    await writeOutput(out, files);
    log(`${targetName}: wrote ${path.relative(process.cwd(), out)} in ${ms(start)}`);
    return 0;
  } catch (error) {
    if (error instanceof SpecError) {
      for (const p of error.problems) err(formatProblem(p));
      err(`${error.problems.length} problem(s) in the spec; nothing was written.`);
      return 1;
    }
    throw error;
  }
}
