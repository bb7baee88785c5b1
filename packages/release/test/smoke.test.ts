import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { CORE_CONSUMERS, formatResults, smoke } from '../src/index.js';

// Packs the three packages and installs the tarballs with npm into fresh projects: ESM nodenext,
// CommonJS require(), TypeScript node16 + CommonJS and TypeScript commonjs (node10) using the
// subpaths. Each type-checks against the packed typings and calls a real mock. The ESM and
// TypeScript CommonJS projects also run the installed `lightfield-fields` bin on a saved
// definitions file and type-check a typed create with its module (a misspelt field must not
// compile). The test runners
// and the bundler (Jest 29, vitest, vite) run in `pnpm test:node-matrix`, on every Node.
test('the packed packages work in fresh ESM, CommonJS and TypeScript consumers', async () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const { tarballs, installMs, results } = await smoke(root, { projects: CORE_CONSUMERS });
  console.log(
    `smoke: ${Object.entries(tarballs)
      .map(([n, t]) => `${n} ${(t.bytes / 1024).toFixed(1)} kB`)
      .join(', ')}; installed in ${(installMs / 1000).toFixed(1)}s\n${formatResults(results)}`,
  );
  for (const r of results) expect(r.detail ?? '', r.project).toBe('');
  expect(results.map((r) => [r.project, r.status])).toEqual(
    CORE_CONSUMERS.map((p) => [p.name, 'pass']),
  );
  expect(results.find((r) => r.project === 'esm-nodenext')?.calls).toEqual([
    'create',
    'retrieve',
    'list',
    'not-found',
    'factory',
    'cjs-error-is-esm-instance',
    'raw',
  ]);
});
