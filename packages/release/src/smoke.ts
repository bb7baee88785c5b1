import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConsumerProject } from './consumer-projects.js';
import { installConsumers, runConsumers, type ConsumerResult } from './consumers.js';
import type { Tarball } from './tarballs.js';

/** Where the consumer projects keep their shared npm cache: git-ignored, kept between runs. */
export function npmCacheDir(root: string): string {
  return path.join(root, '.cache', 'npm');
}

/**
 * The consumer matrix: installs the three packed packages (`turbo run pack`) into a fresh npm project per
 * consumer setup (see `consumer-projects.ts`), and type-checks and runs each on every Node in
 * `nodes` (default: this one). Projects are kept in a temporary folder that is removed after.
 */
export async function smoke(
  root: string,
  options: { nodes?: string[]; projects?: ConsumerProject[]; log?: (line: string) => void } = {},
): Promise<{
  tarballs: Record<string, Tarball>;
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
