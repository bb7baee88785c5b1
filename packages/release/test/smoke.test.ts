import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { smoke } from '../src/index.js';

// Packs the three packages, installs the tarballs into a project outside the workspace,
// type-checks it against the packed .d.ts files and makes every client call against the mock.
test('the packed packages work in a fresh ESM TypeScript consumer', async () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const { tarballs, output } = await smoke(root);
  console.log(
    `smoke: ${Object.entries(tarballs)
      .map(([n, t]) => `${n} ${(t.bytes / 1024).toFixed(1)} kB`)
      .join(', ')}; calls ${output.calls.join(', ')}`,
  );
  expect(output.spec).toBe('2026-03-01');
  expect(output.calls).toEqual([
    'definitions:17',
    'create',
    'retrieve',
    'update',
    'list:49',
    'not-found',
    'factory',
  ]);
});
