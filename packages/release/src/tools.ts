import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, mustRun } from './services.js';

/**
 * Servers the registry and remote-cache suites run. Each is its own npm project under `tools/`,
 * outside the pnpm workspace, with a committed package-lock.json: their large dependency trees stay
 * out of the workspace install, and npm `overrides` pin what they need to run on Node 20.
 */
export const TOOLS = {
  verdaccio: 'node_modules/verdaccio/bin/verdaccio',
  'remote-cache': 'node_modules/turborepo-remote-cache/dist/cli.js',
} as const;

const STAMP = path.join('node_modules', '.lightfield-lock-sha256');

/**
 * Installs a tool with `npm ci` from its lockfile, unless this lockfile was installed already;
 * resolves to the path of its entry script.
 */
export async function ensureTool(
  name: keyof typeof TOOLS,
  log: (line: string) => void = console.log,
): Promise<string> {
  const dir = fileURLToPath(new URL(`../tools/${name}/`, import.meta.url));
  const lock = createHash('sha256')
    .update(await readFile(path.join(dir, 'package-lock.json')))
    .digest('hex');
  const stamp = await readFile(path.join(dir, STAMP), 'utf8').catch(() => '');
  if (stamp !== lock) {
    const { ms } = await mustRun(
      'npm',
      ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
      { cwd: dir, env: cleanEnv() },
    );
    await writeFile(path.join(dir, STAMP), lock);
    log(`installed ${name} with npm ci in ${(ms / 1000).toFixed(1)} s`);
  }
  return path.join(dir, TOOLS[name]);
}
