import { execFile } from 'node:child_process';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { tempDir } from '@lightfield/testkit';

// scripts/install-chromium.sh run against a stand-in apt-get: what it asks apt for, not a real
// install. The stand-in refuses like apt does when another apt process holds the dpkg lock and
// the caller did not ask to wait for it.
const SCRIPT = fileURLToPath(new URL('../../../scripts/install-chromium.sh', import.meta.url));
let dir: string;
beforeEach(async () => {
  dir = await tempDir('install-chromium-');
  const apt = `#!/usr/bin/env bash
echo "$*" >> "${dir}/calls"
case "$*" in *DPkg::Lock::Timeout=*) ;; *) echo 'E: Could not get lock /var/lib/dpkg/lock-frontend' >&2; exit 100 ;; esac
case "$*" in *install*) printf '#!/bin/sh\\necho Chromium 1.0\\n' > "${dir}/chromium"; chmod +x "${dir}/chromium" ;; esac
`;
  await writeFile(path.join(dir, 'apt-get'), apt);
  await writeFile(path.join(dir, 'id'), '#!/bin/sh\necho 0\n');
  await Promise.all(['apt-get', 'id'].map((f) => chmod(path.join(dir, f), 0o755)));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const run = () =>
  promisify(execFile)('bash', [SCRIPT], {
    env: {
      ...process.env,
      PATH: `${dir}:${process.env['PATH']}`,
      CHROMIUM_PATH: path.join(dir, 'chromium'),
      APT_LOCK_TIMEOUT: '42',
    },
  });

test('waits for a dpkg lock another apt process holds, then installs', async () => {
  const { stdout } = await run();
  expect(stdout).toContain('chromium: Chromium 1.0');
  const calls = (await readFile(path.join(dir, 'calls'), 'utf8')).trim().split('\n');
  expect(calls).toHaveLength(2);
  for (const call of calls) expect(call).toContain('-o DPkg::Lock::Timeout=42');
});

test('a second run finds it and asks apt for nothing', async () => {
  await run();
  await rm(path.join(dir, 'calls'));
  const { stdout } = await run();
  expect(stdout.trim()).toBe('chromium: Chromium 1.0');
  await expect(readFile(path.join(dir, 'calls'), 'utf8')).rejects.toThrow(/ENOENT/);
});
