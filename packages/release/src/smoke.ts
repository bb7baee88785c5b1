import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ConsumerProject } from './consumer-projects.js';
import { installConsumers, runConsumers, type ConsumerResult } from './consumers.js';

const run = promisify(execFile);

/** The published packages, by folder under `packages/`. */
export const PUBLISHED = {
  types: '@lightfield/types',
  client: '@lightfield/client',
  fixtures: '@lightfield/fixtures',
} as const;

/** Packs every published package into `dir` with `pnpm pack`; returns tarball paths and sizes. */
export async function packAll(
  root: string,
  dir: string,
): Promise<Record<string, { file: string; bytes: number }>> {
  await mkdir(dir, { recursive: true });
  const out: Record<string, { file: string; bytes: number }> = {};
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

/** Where the consumer projects keep their shared npm cache: git-ignored, kept between runs. */
export function npmCacheDir(root: string): string {
  return path.join(root, '.cache', 'npm');
}

/**
 * The consumer matrix: packs the three packages, installs them into a fresh npm project per
 * consumer setup (see `consumer-projects.ts`), and type-checks and runs each on every Node in
 * `nodes` (default: this one). Projects are kept in a temporary folder that is removed after.
 */
export async function smoke(
  root: string,
  options: { nodes?: string[]; projects?: ConsumerProject[]; log?: (line: string) => void } = {},
): Promise<{
  tarballs: Record<string, { file: string; bytes: number }>;
  installMs: number;
  results: ConsumerResult[];
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lightfield-consumers-'));
  try {
    const { tarballs, ms } = await installConsumers(root, dir, {
      cacheDir: npmCacheDir(root),
      ...(options.projects ? { projects: options.projects } : {}),
    });
    options.log?.(`consumers installed in ${(ms / 1000).toFixed(1)}s`);
    const results = await runConsumers(dir, options.nodes ?? [process.execPath], options.projects);
    return { tarballs, installMs: ms, results };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
