import { defineConfig } from 'tsdown';

// ESM (`.js` + `.d.ts`) and CommonJS (`.cjs` + `.d.cts`) builds of every entry, for `import` and `require`.
// Both entries share chunks within a format, so `@lightfield/client` and `/raw` share one error class.
export default defineConfig({
  entry: ['src/index.ts', 'src/raw.ts'],
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
