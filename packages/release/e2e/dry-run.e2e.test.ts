import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { dryRun } from '../src/index.js';

// The dry run copies the repository and installs the whole workspace into the copy (about 600
// packages from the store), about 15 CPU-s: it runs with the release suite, `pnpm test:release`,
// beside the real release it rehearses. It packs the built packages: `pnpm build` first.
test('release:dry shows the fixed group at one version and leaves the repository untouched', async () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const status = () =>
    execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
  const before = status();
  const lines: string[] = [];
  const out = await dryRun(root, (l: string) => lines.push(l));
  expect(out.map((p) => p.name)).toEqual([
    '@lightfield/types',
    '@lightfield/client',
    '@lightfield/fixtures',
  ]);
  expect(new Set(out.map((p) => p.version)).size).toBe(1);
  expect(lines.filter((l) => l.startsWith('would publish'))).toHaveLength(3);
  expect(status()).toBe(before);
});
