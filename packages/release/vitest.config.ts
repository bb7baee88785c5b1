import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'release',
    include: ['test/**/*.test.ts'],
    // The smoke test and the walk-through install and build whole projects.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
