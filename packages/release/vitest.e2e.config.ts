import { defineConfig } from 'vitest/config';

// The heavy suites `.ci/run` runs after `pnpm test`: `pnpm test:remote-cache`, `pnpm test:release`
// (the registry release and the dry run), `pnpm test:walkthrough`.
export default defineConfig({
  test: {
    name: 'release-e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    // Each suite clones or copies the repository, installs and builds it.
    testTimeout: 600_000,
    hookTimeout: 900_000,
  },
});
