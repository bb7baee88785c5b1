// One ESLint config for the whole workspace: typescript-eslint's type-aware recommended rules.
// `pnpm lint:ts` runs it once over the whole workspace: one process shares the parsed libraries
// and dependencies between the packages' programs, which a run per package parsed again each time.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    // What .gitignore ignores: build output, test and bench scratch folders, reports.
    '**/dist/',
    '**/coverage/',
    '**/reports/',
    '**/.stryker-tmp/',
    '**/.turbo/',
    '**/.out/',
    '**/.tmp/',
    '**/.cache/',
    'bench/type-cost/.tmp-*/',
    'site/html/',
    // Written by the generators and guarded by the drift check; lint the generators instead.
    '**/src/generated/',
    '**/test/__snapshots__/',
    // Type-checked in the consumer projects only, beside the `org.ts` that lightfield-fields writes.
    'spec/test/scenarios/consumer/typed-create.ts',
  ]),
  {
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          // Files no package tsconfig includes: bin wrappers, tool configs, repository scripts.
          allowDefaultProject: [
            '*.js',
            '*.cjs',
            '*.ts',
            'scripts/*.mjs',
            'bench/type-cost/*.ts',
            'packages/*/bin/*.js',
            'packages/*/scripts/*.mjs',
            'packages/*/*.mjs',
          ],
          defaultProject: 'tsconfig.base.json',
          // One run lints the whole workspace, so the files above add up past the default of 8.
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 32,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // `const { omitted: _, ...rest } = value` is how the code drops a key from a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // The consumer projects: each folder's tsconfig.json is the project's own, which sees its
    // scenario files only once the harness copied them in; consumers/tsconfig.json sees them all.
    files: ['packages/release/consumers/**'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: 'packages/release/consumers/tsconfig.json',
      },
    },
  },
  {
    // Jest's and vite's configs import packages only their projects install; run.mjs imports the
    // bundle vite writes.
    files: [
      'packages/release/consumers/jest29-ts-jest/jest.config.js',
      'packages/release/consumers/vite-bundle/{vite.config.js,run.mjs}',
    ],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The bin wrappers only import their package's build, which lint:ts doesn't wait for: it
    // starts once the packages other packages import are built, not after every build.
    files: ['packages/*/bin/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // CommonJS in plain JavaScript is what these test.
    files: ['packages/release/consumers/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
