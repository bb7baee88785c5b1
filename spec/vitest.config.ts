import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'spec',
    // The files share one module graph per worker: the compiler, prettier and the spec are loaded
    // once, not once per file (most of the suite's time was imports). No file changes a global it
    // doesn't restore.
    isolate: false,
    include: ['test/**/*.test.ts'],
    // CI has 2 cores and turbo runs packages in parallel: allow for a loaded machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The type-level tests (test/**/*.test-d.ts) are compiled by the package's `typecheck` task,
    // whose tsconfig includes them: a failed expectTypeOf is a tsc error there. Running them here
    // too compiled the same program a second time.
  },
});
