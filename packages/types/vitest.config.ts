import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'types',
    include: ['test/**/*.test.ts'],
    // CI has 2 cores and turbo runs packages in parallel: allow for a loaded machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
