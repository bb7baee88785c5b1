import { defineConfig } from 'vitest/config';

// Every workspace package with a vitest config is one project, so `vitest run` at the root runs them all.
export default defineConfig({
  test: {
    projects: ['packages/*', 'spec', 'bench'],
  },
});
