import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'browser',
    include: ['test/**/*.test.ts'],
    // A vite build and a Chromium start on a shared 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
