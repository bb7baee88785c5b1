import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'site',
    // The files share one module graph per worker: the compiler, prettier and the spec are loaded
    // once, not once per file (most of the suite's time was imports). No file changes a global it
    // doesn't restore.
    isolate: false,
    include: ['test/**/*.test.ts'],
    // CI has 2 cores and turbo runs packages in parallel: allow for a loaded machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
