import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'release',
    // The files share one module graph per worker: the compiler, prettier and the spec are loaded
    // once, not once per file (most of the suite's time was imports). No file changes a global it
    // doesn't restore.
    isolate: false,
    include: ['test/**/*.test.ts'],
    // The smoke test packs the packages and installs them into fresh projects.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
