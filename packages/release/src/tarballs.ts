import { execFile } from 'node:child_process';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The published packages, by folder under `packages/`. */
export const PUBLISHED = {
  types: '@lightfield/types',
  client: '@lightfield/client',
  fixtures: '@lightfield/fixtures',
} as const;

/** A packed package: the tarball's path and size. */
export interface Tarball {
  file: string;
  bytes: number;
}

/**
 * Where each published package's turbo `pack` task (`pnpm pack`) leaves its tarball, from the
 * package's folder. `check:package`, the pack test and the consumer projects all read this one.
 */
export const TARBALL = '.pack/package.tgz';

/**
 * The tarballs `turbo run pack` wrote, by package name. Throws when one is missing: the tests and
 * the consumer matrix reuse the task's output rather than packing again.
 */
export async function packedTarballs(root: string): Promise<Record<string, Tarball>> {
  const out: Record<string, Tarball> = {};
  for (const [folder, name] of Object.entries(PUBLISHED)) {
    const file = path.join(root, 'packages', folder, TARBALL);
    const bytes = await stat(file).then(
      (s) => s.size,
      () => {
        throw new Error(`${file} is missing: run \`pnpm turbo run pack\` first (pnpm test does)`);
      },
    );
    out[name] = { file, bytes };
  }
  return out;
}

/**
 * Packs every published package of the checkout at `root` into `dir` with `pnpm pack`; for a
 * checkout other than this one's (the dry run's versioned copy), whose tarballs turbo never wrote.
 */
export async function packAll(root: string, dir: string): Promise<Record<string, Tarball>> {
  await mkdir(dir, { recursive: true });
  const out: Record<string, Tarball> = {};
  for (const [folder, name] of Object.entries(PUBLISHED)) {
    const before = new Set(await readdir(dir));
    await run('pnpm', ['pack', '--pack-destination', dir], {
      cwd: path.join(root, 'packages', folder),
    });
    const file = (await readdir(dir)).find((f) => !before.has(f) && f.endsWith('.tgz'));
    if (!file) throw new Error(`pnpm pack wrote no tarball for ${name}`);
    out[name] = { file: path.join(dir, file), bytes: (await stat(path.join(dir, file))).size };
  }
  return out;
}
