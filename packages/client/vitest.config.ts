import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'client',
    // The files share one module graph per worker: the compiler, prettier and the spec are loaded
    // once, not once per file (most of the suite's time was imports). A stubbed global or
    // environment variable is restored after each test, so none leaks into the next file.
    isolate: false,
    unstubGlobals: true,
    unstubEnvs: true,
    include: ['test/**/*.test.ts'],
    // CI has 2 cores and turbo runs packages in parallel: allow for a loaded machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
