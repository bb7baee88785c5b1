import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The suite Stryker runs per mutant: the behaviour tests without the type tests (tsc per run) and
// without regenerate.test.ts, which regenerates a spec and type-checks it rather than exercising
// the runtime.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      typecheck: { enabled: false },
      exclude: ['test/regenerate.test.ts', '**/node_modules/**'],
    },
  }),
);
