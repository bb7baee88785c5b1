import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bumpFor, covers, fixedGroup, pendingBump, writeChangeset } from './changeset.js';
import { dryRun } from './dry-run.js';
import { repoRoot, resolveBase } from './git.js';
import { formatResults } from './consumers.js';
import { nodeMatrix } from './node-matrix.js';
import { smoke } from './smoke.js';
import { specAt, specNow } from './spec-at.js';
import { diffSpecs, formatReport, overall, type SpecChange } from './spec-diff.js';
import { syncVersion } from './sync-version.js';

const SPEC = 'spec/openapi.yaml';
const USAGE = `Usage:
  lightfield-release diff [--base <git-ref>] [--changeset]   classify spec changes since the base; --changeset writes one
  lightfield-release check-changeset [--base <git-ref>]      fail when a spec change has no changeset, or too low a bump
  lightfield-release node-matrix                             Node 22 and 24 from npm: client + fixtures tests, consumers on 20/22/24
  lightfield-release smoke                                   pack, install into the consumer matrix, type-check and run each
  lightfield-release dry-run                                 show what a release would publish
  lightfield-release sync-version                            copy the client's version into src/core/version.ts

The base defaults to the last release tag, else HEAD~1, else origin/main.`;

async function changesSince(
  root: string,
  baseRef?: string,
): Promise<{ base: string; why: string; changes: SpecChange[] } | undefined> {
  const base = resolveBase(root, baseRef);
  if (!base) return undefined;
  // Both sides bundled: a change in a file that a $ref pulls in counts like one in the root.
  const before = await specAt(root, base.ref, SPEC);
  const after = await specNow(root, SPEC);
  // A base without the spec: everything in it is new.
  const changes = diffSpecs(before ?? { openapi: '3.1.0', info: {}, paths: {} }, after);
  return { base: base.ref, why: base.why, changes };
}

async function version(root: string): Promise<string> {
  return (
    JSON.parse(await readFile(path.join(root, 'packages', 'types', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

/** Runs the CLI; resolves to the exit code. */
export async function main(
  argv: string[],
  log = console.log,
  err = console.error,
  cwd = process.cwd(),
): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        base: { type: 'string' },
        changeset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command] = positionals;
  if (values.help || !command) {
    (values.help ? log : err)(USAGE);
    return values.help ? 0 : 2;
  }
  const root = repoRoot(cwd);
  switch (command) {
    case 'diff': {
      const result = await changesSince(root, values.base);
      if (!result) {
        err(
          values.base
            ? `no such git ref: ${values.base}`
            : 'no base to compare with (no release tag, no parent commit)',
        );
        return 1;
      }
      log(formatReport(result.changes, `${SPEC} since ${result.base} (${result.why})`));
      const cls = overall(result.changes);
      if (values.changeset && cls) {
        const bump = bumpFor(cls, await version(root));
        const file = await writeChangeset(
          root,
          await fixedGroup(root),
          bump,
          result.changes,
          result.base,
        );
        log(`\nwrote ${path.relative(root, file)} (${bump} for the fixed group)`);
      }
      return 0;
    }
    case 'check-changeset': {
      const result = await changesSince(root, values.base);
      if (!result) {
        log(
          'check-changeset: no base to compare with (no release tag, no parent commit); nothing to check',
        );
        return 0;
      }
      const cls = overall(result.changes);
      if (!cls) {
        log(`check-changeset: ${SPEC} is unchanged since ${result.base}`);
        return 0;
      }
      const need = bumpFor(cls, await version(root));
      const pending = await pendingBump(root, await fixedGroup(root));
      if (covers(pending.bump, need)) {
        log(
          `check-changeset: ${result.changes.length} ${cls} spec change(s) since ${result.base} need a ${need} bump; ${pending.files.join(', ')} give ${pending.bump}`,
        );
        return 0;
      }
      err(formatReport(result.changes, `${SPEC} since ${result.base} (${result.why})`));
      err(
        pending.bump
          ? `\ncheck-changeset: the spec change is ${cls} and needs a ${need} bump, but pending changesets give only ${pending.bump}.`
          : `\ncheck-changeset: the spec changed (${cls}) and no changeset covers it.`,
      );
      err('Run `pnpm spec:diff --changeset` to write one.');
      return 1;
    }
    case 'smoke': {
      const { tarballs, results } = await smoke(root, { log });
      for (const [name, t] of Object.entries(tarballs))
        log(`${name}: ${(t.bytes / 1024).toFixed(1)} kB packed`);
      log(formatResults(results));
      for (const r of results.filter((x) => x.status === 'fail'))
        err(`${r.project} on ${r.node}: ${r.detail}`);
      return results.some((r) => r.status === 'fail') ? 1 : 0;
    }
    case 'node-matrix': {
      const results = await nodeMatrix(root, [22, 24], log);
      for (const r of results.filter((x) => x.status === 'fail'))
        err(`${r.project} on ${r.node}: ${r.detail}`);
      return results.some((r) => r.status === 'fail') ? 1 : 0;
    }
    case 'dry-run':
      await dryRun(root, log);
      return 0;
    case 'sync-version':
      log(`client version: ${await syncVersion(root)}`);
      return 0;
    default:
      err(USAGE);
      return 2;
  }
}
