import { defineConfig, type UserConfig } from 'tsdown';

const shared: UserConfig = {
  format: ['esm', 'cjs'],
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  fixedExtension: false,
  sourcemap: true,
  // Maps point into the shipped src/ rather than embedding the sources.
  outputOptions: { exports: 'named', sourcemapExcludeSources: true },
};

// ESM (`.js` + `.d.ts`) and CommonJS (`.cjs` + `.d.cts`) builds of every entry, for `import` and `require`.
// Both entries share chunks within a format, so `@lightfield/client` and `/raw` share one error class.
// The `lightfield-fields` bin is a build of its own, for Node: it bundles the codegen's fields
// command (a dev dependency), and no chunk of it reaches the library entries.
export default defineConfig([
  { ...shared, entry: ['src/index.ts', 'src/raw.ts'], platform: 'neutral', dts: true, clean: true },
  {
    ...shared,
    entry: ['src/fields-cli.ts'],
    platform: 'node',
    dts: false,
    clean: false,
    sourcemap: false,
  },
]);
