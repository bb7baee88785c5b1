import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { displaySource, FieldsError, orgModule, readDefinitions } from './fields.js';

// The one implementation of the fields command: `lightfield-codegen fields` and the
// `lightfield-fields` bin of @lightfield/client both run it. It imports nothing but Node and
// fields.ts, so the client can bundle it without new dependencies.

/** What the program running the command knows of the spec. */
export interface FieldsContext {
  /** How the command is invoked, for its usage text, e.g. `lightfield-fields`. */
  program: string;
  /** Headers every live request sends: the spec's constant headers. */
  headers: Record<string, string>;
  /** The spec's resource names, which each definitions' objectType must be one of. */
  resources?: string[];
}

/** The options of the fields command. */
export interface FieldsCommand {
  from: string[];
  out: string;
  name: string;
  check: boolean;
}

/** The command's flags, for `parseArgs`. */
export const FIELDS_OPTIONS = {
  from: { type: 'string', multiple: true },
  out: { type: 'string' },
  name: { type: 'string' },
  check: { type: 'boolean', default: false },
} as const;

/** The usage text of the command run as `program`. */
export function fieldsUsage(program: string): string {
  return `Usage:
  ${program} --from <definitions.json | url>... --out <file.ts> [--name <Type>] [--check]

Writes an organization's typed fields module from definitions responses: a saved file, or a URL
(GET /v1/<resource>/definitions) read live with LIGHTFIELD_API_KEY. \`new Lightfield<Type>()\`
then types that organization's fields and relationships (--name, default Org).
--check writes nothing and exits 1 when <file.ts> no longer matches the definitions.`;
}

/** Checks the flags and runs the command; resolves to an exit code (0 ok, 1 failed, 2 usage). */
export async function fieldsCommand(
  values: { from?: string[]; out?: string; name?: string; check?: boolean },
  context: FieldsContext,
  log: (m: string) => void,
  err: (m: string) => void,
): Promise<number> {
  if (!values.from?.length || !values.out) {
    err(`${context.program} needs --from and --out\n\n${fieldsUsage(context.program)}`);
    return 2;
  }
  if (values.name !== undefined && !/^[A-Za-z_$][\w$]*$/.test(values.name)) {
    err(`--name must be a TypeScript identifier, not "${values.name}"`);
    return 2;
  }
  const cmd = { from: values.from, out: values.out, name: values.name ?? 'Org' };
  return runFields({ ...cmd, check: values.check ?? false }, context, log, err);
}

/** Parses `argv` (the flags alone) and runs the command: the body of the `lightfield-fields` bin. */
export async function fieldsMain(
  argv: string[],
  context: FieldsContext,
  log: (m: string) => void = console.log,
  err: (m: string) => void = console.error,
): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { ...FIELDS_OPTIONS, help: { type: 'boolean', short: 'h', default: false } },
    }).values;
  } catch (error) {
    err(`${(error as Error).message}\n\n${fieldsUsage(context.program)}`);
    return 2;
  }
  if (values.help) {
    log(fieldsUsage(context.program));
    return 0;
  }
  return fieldsCommand(values, context, log, err);
}

/** Lines of `a` missing from `b`, at most `max`. */
function missing(a: string, b: string, max = 20): string[] {
  const have = new Set(b.split('\n'));
  return a
    .split('\n')
    .filter((l) => l.trim() && !have.has(l))
    .slice(0, max);
}

/** Writes (or, with `check`, compares) an organization's typed fields module; resolves to an exit code. */
export async function runFields(
  cmd: FieldsCommand,
  context: FieldsContext,
  log: (m: string) => void,
  err: (m: string) => void,
): Promise<number> {
  try {
    const all = await Promise.all(
      cmd.from.map((source) =>
        readDefinitions(source, {
          ...(process.env['LIGHTFIELD_API_KEY']
            ? { apiKey: process.env['LIGHTFIELD_API_KEY'] }
            : {}),
          headers: context.headers,
        }),
      ),
    );
    const resources = context.resources;
    const unknown = all.find((d) => resources && !resources.includes(d.objectType));
    if (unknown && resources)
      throw new FieldsError(
        `objectType "${unknown.objectType}" is no resource of the spec (${resources.join(', ')})`,
      );
    const text = orgModule(
      all,
      cmd.name,
      cmd.from.map((s) => displaySource(s, cmd.out)),
    );
    const out = path.resolve(cmd.out);
    const rel = path.relative(process.cwd(), out);
    const counts = all
      .map(
        (d) =>
          `${d.objectType}: ${Object.keys(d.fieldDefinitions).length} fields, ${Object.keys(d.relationshipDefinitions).length} relationships`,
      )
      .join('; ');
    if (cmd.check) {
      const saved = await readFile(out, 'utf8').catch(() => undefined);
      if (saved === text) {
        log(`fields: ${rel} matches the definitions (${counts})`);
        return 0;
      }
      err(
        `fields: ${rel} is out of date with the definitions${saved === undefined ? ' (missing)' : ':'}`,
      );
      if (saved !== undefined) {
        for (const l of missing(text, saved)) err(`  + ${l.trim()}`);
        for (const l of missing(saved, text)) err(`  - ${l.trim()}`);
      }
      err('Run the same command without --check and commit the result.');
      return 1;
    }
    // Written beside and renamed over, so a failure leaves the previous module whole.
    const temp = `${out}.tmp-${process.pid}`;
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(temp, text);
    await rename(temp, out);
    log(`fields: wrote ${rel} (${counts})`);
    return 0;
  } catch (error) {
    if (error instanceof FieldsError) {
      err(`fields: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
