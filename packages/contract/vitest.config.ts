import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'contract',
    // The files share one module graph per worker: the compiler, prettier and the spec are loaded
    // once, not once per file (most of the suite's time was imports). No file changes a global it
    // doesn't restore.
    isolate: false,
    // The workspace's built packages (the generators, the client, the mock) load as a consumer
    // loads them, natively: they resolve outside node_modules, so vitest would otherwise
    // transform each of their modules and run it through its module runner.
    server: { deps: { external: [/\/packages\/[^/]+\/dist\//] } },
    include: ['test/**/*.test.ts'],
    // The corpus regenerates, bundles and type-checks whole packages per scenario.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
