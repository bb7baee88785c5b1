import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { formatResults, smoke, SMOKE_CONSUMERS } from '../src/index.js';

// The packed tarballs (`turbo run pack`) installed with npm into a fresh project, as a team sets
// one up: consumers/ts-node16-cjs, type-checked with skipLibCheck off and exactOptionalPropertyTypes
// (see its tsconfig.json and main.ts). Every other consumer project (ESM with @tsconfig/strictest,
// CommonJS require(), node10, Jest, vitest with msw 2 and 3, vite) runs in `pnpm test:node-matrix`,
// on Node 20, 22 and 24.
test('the packed packages work in a fresh consumer project', async () => {
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
