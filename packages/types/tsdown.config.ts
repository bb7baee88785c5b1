import { defineConfig } from 'tsdown';

// ESM (`.js` + `.d.ts`) and CommonJS (`.cjs` + `.d.cts`) builds of every entry, for `import` and `require`.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  platform: 'neutral',
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  fixedExtension: false,
  dts: true,
  sourcemap: true,
  clean: true,
  // Maps point into the shipped src/ rather than embedding the sources.
  outputOptions: { exports: 'named', sourcemapExcludeSources: true },
});
