import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'contract',
    include: ['test/**/*.test.ts'],
    // The corpus regenerates, bundles and type-checks whole packages per scenario.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
