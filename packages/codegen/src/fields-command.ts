import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { displaySource, FieldsError, orgModule, readDefinitions } from './fields.js';
import { loadSpec } from './load-spec.js';

/** The options of `lightfield-codegen fields`. */
export interface FieldsCommand {
  from: string[];
  out: string;
  name: string;
  check: boolean;
  /** The spec, for the headers a live request sends and the resource names to check against. */
  spec?: string;
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
  log: (m: string) => void,
  err: (m: string) => void,
): Promise<number> {
  const model = cmd.spec ? await loadSpec(cmd.spec) : undefined;
  try {
    const all = await Promise.all(
      cmd.from.map((source) =>
        readDefinitions(source, {
          ...(process.env['LIGHTFIELD_API_KEY']
            ? { apiKey: process.env['LIGHTFIELD_API_KEY'] }
            : {}),
          headers: model?.constantHeaders ?? {},
        }),
      ),
    );
    const resources = model?.resources.map((r) => r.name);
    const unknown = all.find((d) => resources && !resources.includes(d.objectType));
    if (unknown && resources)
      throw new FieldsError(
        `objectType "${unknown.objectType}" is no resource of the spec (${resources.join(', ')})`,
      );
    const text = await orgModule(
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
