import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'spec',
    include: ['test/**/*.test.ts'],
    // CI has 2 cores and turbo runs packages in parallel: allow for a loaded machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The type-level tests of the published packages (test/client, test/types): one tsc program,
    // each expectTypeOf a test case.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
