import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { formatResults, smoke, SMOKE_CONSUMERS } from '../src/index.js';

// The packed tarballs (`turbo run pack`) installed with npm into fresh projects, as a team sets
// them up: ESM nodenext, CommonJS require(), TypeScript node16 + CommonJS and TypeScript commonjs
// (node10) using the subpaths (consumers/, each folder's package.json and main). The test runners
// and the bundler (Jest 29, vitest, vite) run in `pnpm test:node-matrix`, on every Node.
test('the packed packages work in fresh ESM, CommonJS and TypeScript consumers', async () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const { tarballs, installMs, results } = await smoke(root, { projects: SMOKE_CONSUMERS });
  console.log(
    `smoke: ${Object.entries(tarballs)
      .map(([n, t]) => `${n} ${(t.bytes / 1024).toFixed(1)} kB`)
      .join(', ')}; installed in ${(installMs / 1000).toFixed(1)}s\n${formatResults(results)}`,
  );
  for (const r of results) expect(r.detail ?? '', r.project).toBe('');
  expect(results.map((r) => [r.project, r.status])).toEqual(
    SMOKE_CONSUMERS.map((p) => [p.name, 'pass']),
  );
});
