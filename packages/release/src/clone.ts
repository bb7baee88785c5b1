import path from 'node:path';
import { cleanEnv, mustRun } from './services.js';

/**
 * Clones the repository's current HEAD into `dir` (committed files only, no build output, no
 * Turborepo cache) and installs its dependencies from the local pnpm store.
 */
export async function cloneHead(root: string, dir: string): Promise<{ sha: string; ms: number }> {
  const start = performance.now();
  const { stdout } = await mustRun('git', ['rev-parse', 'HEAD'], { cwd: root });
  const sha = stdout.trim();
  await mustRun('git', ['clone', '--quiet', '--no-checkout', root, dir], { cwd: root });
  await mustRun('git', ['checkout', '--quiet', '--detach', sha], { cwd: dir });
  await mustRun('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], {
    cwd: dir,
    env: cleanEnv(),
  });
  return { sha, ms: performance.now() - start };
}

/**
 * Where turbo keeps the local cache of the checkout at `root`: `TURBO_CACHE_DIR`, else `.turbo/cache`
 * in the main worktree (linked git worktrees share the main one's).
 */
export async function turboCacheDir(root: string): Promise<string> {
  if (process.env['TURBO_CACHE_DIR']) return path.resolve(root, process.env['TURBO_CACHE_DIR']);
  const { stdout } = await mustRun(
    'git',
    ['rev-parse', '--path-format=absolute', '--git-common-dir'],
    {
      cwd: root,
    },
  );
  return path.join(path.dirname(stdout.trim()), '.turbo', 'cache');
}
