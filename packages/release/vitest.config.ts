import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'release',
    include: ['test/**/*.test.ts'],
    // The smoke test packs the packages and installs them into fresh projects.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
