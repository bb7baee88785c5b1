import { execFile } from 'node:child_process';
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { copyRepo } from './copy-repo.js';
import { packAll, PUBLISHED } from './tarballs.js';
import { syncVersion } from './sync-version.js';

const run = promisify(execFile);

/**
 * What a release would publish, without touching the repository: a copy of the tracked files
 * (with the built `dist/` folders) gets `changeset version`, then each package is packed.
 */
export async function dryRun(
  root: string,
  log = console.log,
): Promise<{ name: string; version: string; bytes: number }[]> {
  const copy = await copyRepo(root, 'lightfield-release-');
  try {
    for (const folder of Object.keys(PUBLISHED)) {
      await cp(
        path.join(root, 'packages', folder, 'dist'),
        path.join(copy, 'packages', folder, 'dist'),
        { recursive: true },
      );
    }
    // pnpm pack resolves `workspace:` versions from an installed workspace; the store has everything.
    await run('pnpm', ['install', '--offline', '--frozen-lockfile', '--ignore-scripts'], {
      cwd: copy,
    });
    const changeset = path.join(copy, 'node_modules', '@changesets', 'cli', 'bin.js');
    const version = await run(process.execPath, [changeset, 'version'], { cwd: copy });
    log(version.stdout.trim() || 'changeset version: nothing to release');
    await syncVersion(copy);
    const tarballs = await packAll(copy, path.join(copy, '.release'));
    const out = [];
    for (const [name, t] of Object.entries(tarballs)) {
      const folder = Object.entries(PUBLISHED).find(([, n]) => n === name)![0];
      const pkg = JSON.parse(
        await readFile(path.join(copy, 'packages', folder, 'package.json'), 'utf8'),
      ) as { version: string };
      out.push({ name, version: pkg.version, bytes: t.bytes });
      log(`would publish ${name}@${pkg.version} (${(t.bytes / 1024).toFixed(1)} kB packed)`);
    }
    return out;
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
