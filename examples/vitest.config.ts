import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'examples',
    include: ['test/**/*.test.ts'],
    // CI has 2 cores and turbo runs packages in parallel: allow for a loaded machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
