import { execFile } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
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
 * Packs every published package of the checkout at `root` into `dir` with one `pnpm -r pack`
 * (each pnpm start costs about a CPU-second); for a checkout other than this one's (the dry run's
 * versioned copy), whose tarballs turbo never wrote.
 */
export async function packAll(root: string, dir: string): Promise<Record<string, Tarball>> {
  await mkdir(dir, { recursive: true });
  const filters = Object.keys(PUBLISHED).map((folder) => `--filter=./packages/${folder}`);
  const { stdout } = await run(
    'pnpm',
    ['-r', ...filters, 'pack', '--pack-destination', dir, '--json'],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  const packed = [JSON.parse(stdout) as PackJson | PackJson[]].flat();
  const out: Record<string, Tarball> = {};
  for (const name of Object.values(PUBLISHED)) {
    const file = packed.find((p) => p.name === name)?.filename;
    if (!file) throw new Error(`pnpm pack wrote no tarball for ${name}`);
    out[name] = { file, bytes: (await stat(file)).size };
  }
  return out;
}

/** What `pnpm pack --json` prints for each package. */
interface PackJson {
  name: string;
  filename: string;
}
