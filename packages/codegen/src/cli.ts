import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSpec, MAX_SPEC_BYTES } from './load-spec.js';
import { fieldsCommand, type FieldsContext } from './fields-command.js';
import {
  findProjectConfig,
  isByteCount,
  PROJECT_CONFIG,
  readProjectConfig,
} from './project-config.js';
import { formatProblem, SpecError } from './spec-error.js';
import { specPackagesCommand } from './spec-package-command.js';
import { targets, type Target } from './targets/index.js';
import { diffOutput, writeOutput } from './write-output.js';

const USAGE = `Usage:
  lightfield-codegen generate [--check] [--max-spec-bytes <n>]
  lightfield-codegen generate --spec <file> [--check] [--max-spec-bytes <n>] <target>=<dir>...
  lightfield-codegen generate <target> --spec <file> --out <dir> [--check] [--max-spec-bytes <n>]
  lightfield-codegen lint --spec <file> [--config <redocly.yaml>]
  lightfield-codegen fields --from <definitions.json | url>... --out <file.ts> [--name <Type>] [--spec <file>] [--check]
  lightfield-codegen spec-packages <list.json> [--check]

Targets: ${Object.keys(targets).join(', ')}.
With no --spec and no targets, generate reads both from the nearest ${PROJECT_CONFIG}.
--check regenerates in memory and fails, naming the files, when <dir> differs.
--max-spec-bytes refuses a larger spec (default ${MAX_SPEC_BYTES}; maxSpecBytes in ${PROJECT_CONFIG}).

fields writes an organization's typed fields module from definitions responses (a saved file,
or a URL read live with LIGHTFIELD_API_KEY and the spec's constant headers from --spec); with
--check it writes nothing and fails when <file.ts> no longer matches them.

spec-packages writes each spec package the list names (a spec's generated files beside links
to the packages' runtime, for tests); with --check it fails, naming the files, when one differs.`;

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(0)} ms`;
}

/** The options the CLI takes, as `parseArgs` gives them. */
interface CliValues {
  spec?: string | undefined;
  out?: string | undefined;
  config?: string | undefined;
  check?: boolean | undefined;
  from?: string[] | undefined;
  name?: string | undefined;
  'max-spec-bytes'?: string | undefined;
  help?: boolean | undefined;
}

type Log = (message: string) => void;

/** The command line's options and positionals, or the exit code of a usage error. */
function parse(argv: string[], err: Log): { values: CliValues; positionals: string[] } | number {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        spec: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        check: { type: 'boolean', default: false },
        from: { type: 'string', multiple: true },
        name: { type: 'string' },
        'max-spec-bytes': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 bad spec or drift, 2 usage). */
export async function main(
  argv: string[],
  log = console.log,
  err = console.error,
): Promise<number> {
  const parsed = parse(argv, err);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help) {
    log(USAGE);
    return 0;
  }
  if (command === 'fields') return fields(values, log, err);
  if (command === 'spec-packages' && positionals[1])
    return specPackagesCommand(positionals[1], values.check ?? false, log, err);
  if (command === 'generate' && !values.spec && positionals.length === 1) {
    const file = findProjectConfig(process.cwd());
    if (!file) {
      err(`generate: no --spec and no ${PROJECT_CONFIG} here or above\n\n${USAGE}`);
      return 2;
    }
    let config;
    try {
      config = await readProjectConfig(file);
    } catch (error) {
      err((error as Error).message);
      return 2;
    }
    const jobs = config.targets.map(([name, dir]) => `${name}=${dir}`);
    const max = values['max-spec-bytes'] ?? config.maxSpecBytes?.toString();
    return main(
      [
        'generate',
        '--spec',
        config.spec,
        ...(values.check ? ['--check'] : []),
        ...(max === undefined ? [] : ['--max-spec-bytes', max]),
        ...jobs,
      ],
      log,
      err,
    );
  }
  if (!values.spec || (command !== 'generate' && command !== 'lint')) {
    err(USAGE);
    return 2;
  }
  try {
    return command === 'lint'
      ? await lint(values.spec, values.config, log)
      : await generate(values.spec, values, positionals, log, err);
  } catch (error) {
    if (error instanceof SpecError) {
      for (const p of error.problems) err(formatProblem(p));
      err(`${error.problems.length} problem(s) in the spec; nothing was written.`);
      return 1;
    }
    throw error;
  }
}

/** `lint`: loads the spec strictly (a bad spec throws a `SpecError`). */
async function lint(specFile: string, config: string | undefined, log: Log): Promise<number> {
  const start = performance.now();
  const model = await loadSpec(specFile, {
    ...(config ? { redoclyConfig: config } : {}),
    strict: true,
  });
  log(
    `lint: ${path.relative(process.cwd(), model.file)} has no problems (${model.operations.length} operations, ${ms(start)})`,
  );
  return 0;
}

/** `generate <target> --out <dir>`, or several `<target>=<dir>` from one load of the spec. */
function generateJobs(values: CliValues, positionals: string[]): [string, string][] {
  const targetName = positionals[1];
  return values.out && targetName && !targetName.includes('=')
    ? [[targetName, values.out]]
    : positionals.slice(1).map((p) => p.split('=') as [string, string]);
}

type Generated = Awaited<ReturnType<Target>>;

/** `generate`: every target from one load of the spec, then written or checked. */
async function generate(
  specFile: string,
  values: CliValues,
  positionals: string[],
  log: Log,
  err: Log,
): Promise<number> {
  const jobs = generateJobs(values, positionals);
  const unknown = jobs.find(([name, dir]) => !targets[name] || !dir);
  if (jobs.length === 0 || unknown) {
    err(
      `generate needs targets (${Object.keys(targets).join(', ')}) with their folders\n\n${USAGE}`,
    );
    return 2;
  }
  const maxSpecBytes = Number(values['max-spec-bytes'] ?? MAX_SPEC_BYTES);
  if (!isByteCount(maxSpecBytes)) {
    err(`--max-spec-bytes must be a positive whole number of bytes\n\n${USAGE}`);
    return 2;
  }
  let start = performance.now();
  const model = await loadSpec(specFile, { maxSpecBytes });
  log(
    `loaded ${path.relative(process.cwd(), model.file)} (${model.operations.length} operations) in ${ms(start)}`,
  );
  for (const note of model.notes) log(`note: ${note}`);
  // Every target is generated before anything is written, so a failure writes nothing.
  start = performance.now();
  const outputs: [string, string, Generated][] = await Promise.all(
    jobs.map(async ([name, dir]) => {
      const files = await targets[name]!(model);
      log(`${name}: generated ${files.size} files in ${ms(start)}`);
      return [name, path.resolve(dir), files] as [string, string, Generated];
    }),
  );
  let stale = 0;
  for (const [name, out, files] of outputs) {
    if (values.check) stale += await checkOutput(name, out, files, log, err);
    else await write(name, out, files, log);
  }
  if (stale > 0) {
    err('Run `pnpm generate` and commit the result.');
    return 1;
  }
  return 0;
}

/** `--check`: compares a target's files with `out`; the number of files that differ. */
async function checkOutput(
  name: string,
  out: string,
  files: Generated,
  log: Log,
  err: Log,
): Promise<number> {
  const start = performance.now();
  const rel = path.relative(process.cwd(), out);
  const drift = await diffOutput(out, files);
  const changed = [...drift.changed, ...drift.missing, ...drift.extra];
  if (changed.length === 0) {
    log(`${name}: ${files.size} files match the spec (${ms(start)})`);
    return 0;
  }
  err(`${name}: ${rel} is out of date with the spec:`);
  for (const f of drift.changed) err(`  changed: ${rel}/${f}`);
  for (const f of drift.missing) err(`  missing: ${rel}/${f}`);
  for (const f of drift.extra) err(`  not generated: ${rel}/${f}`);
  return changed.length;
}

/** Writes a target's files to `out`. */
async function write(name: string, out: string, files: Generated, log: Log): Promise<void> {
  const start = performance.now();
  await writeOutput(out, files);
  log(`${name}: wrote ${path.relative(process.cwd(), out)} in ${ms(start)}`);
}

/** `fields`: the context is the spec's when `--spec` names one. */
async function fields(
  values: { from?: string[]; out?: string; name?: string; spec?: string; check?: boolean },
  log: (m: string) => void,
  err: (m: string) => void,
): Promise<number> {
  const context: FieldsContext = { program: 'lightfield-codegen fields', headers: {} };
  if (values.spec) {
    try {
      const model = await loadSpec(values.spec);
      context.headers = model.constantHeaders;
      context.resources = model.resources.map((r) => r.name);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      for (const p of error.problems) err(formatProblem(p));
      return 1;
    }
  }
  return fieldsCommand(values, context, log, err);
}
