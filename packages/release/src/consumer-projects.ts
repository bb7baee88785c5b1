/**
 * The consumer projects of the matrix: each is a fresh npm project set up the way an internal team
 * sets one up, installing the three packed tarballs, type-checking and making real calls.
 *
 * The harness is generic: every call that names a resource of today's spec, its fields or its
 * factories lives in `spec/test/scenarios/consumer/`, whose files land in each project as they are.
 */
import { readFileSync } from 'node:fs';

/** One consumer project: its files, its npm dependencies, and the commands that must pass. */
export interface ConsumerProject {
  /** A short name, also the folder name. */
  name: string;
  /** The lowest Node major it runs on (msw 3 needs Node 22.12). */
  minNode?: [major: number, minor: number];
  /** `type` of its package.json; absent means CommonJS. */
  type?: 'module';
  /** Third-party npm dependencies, by exact version. */
  deps: Record<string, string>;
  /** Files to write, by path. `SCENARIO` lands in `scenario.ts` of each TypeScript project. */
  files: Record<string, string>;
  /**
   * Commands run in order with the Node under test: a path into `node_modules` (or `.` for a
   * file of the project) and its args. `TYPECHECK` steps run on the first Node only: TypeScript's
   * verdict and output do not depend on the Node that runs it.
   */
  steps: string[][];
  /** The `calls` its run prints, when it prints them (test runners report pass/fail instead). */
  calls?: string[];
}

/** Versions of the third-party tools the consumers use. */
export const TOOLS = {
  typescript: '5.9.3',
  '@types/node': '20.19.43',
  jest: '29.7.0',
  'ts-jest': '29.4.15',
  '@types/jest': '29.5.14',
  vitest: '4.1.12',
  vite: '7.3.8',
  msw2: '2.15.0',
  // The last msw 2 that Jest's CommonJS runtime loads: 2.11 and later depend on ESM-only
  // packages (until-async, then rettime).
  mswForJest: '2.10.5',
  msw3: '3.0.5',
} as const;

/** Marks a step that runs on the first Node of a matrix only. */
export const TYPECHECK = 'typescript/bin/tsc';
const TSC = [TYPECHECK, '-p', '.'];
const TSC_NO_EMIT = [TYPECHECK, '-p', '.', '--noEmit'];

const STRICT = {
  target: 'ES2022',
  strict: true,
  noUncheckedIndexedAccess: true,
  esModuleInterop: true,
  skipLibCheck: false,
};

function tsconfig(compilerOptions: Record<string, unknown>, include: string[]): string {
  return JSON.stringify({ compilerOptions: { ...STRICT, ...compilerOptions }, include }, null, 2);
}

/** Where the spec-specific files of the consumers live, from `src/` or `dist/`. */
const SCENARIOS = new URL('../../../spec/test/scenarios/consumer/', import.meta.url);

/** A file of `spec/test/scenarios/consumer/`, as text. */
function scenarioFile(name: string): string {
  return readFileSync(new URL(name, SCENARIOS), 'utf8');
}

/**
 * The calls every consumer makes against a mock (server or msw handlers): create, retrieve, list
 * finds the new record, and a typed 404; `missing` makes the 404 call alone.
 */
const SCENARIO = scenarioFile('scenario.ts');
/** `makeEntity`: one entity from a generated factory of `@lightfield/fixtures`. */
const FACTORY = scenarioFile('factory.ts');

const BASE_CALLS = ['create', 'retrieve', 'list', 'not-found'];

/**
 * Runs the scenario against a fresh mock server and prints the calls as one JSON line; the project
 * also needs `scenario.ts` and `factory.ts`. `ext` is `.js` where the resolution needs it.
 */
const mainTs = (
  ext: string,
  extra = '',
  extraCalls = '',
) => `import { Lightfield } from '@lightfield/client';
import { createMockServer } from '@lightfield/fixtures/server';
import { makeEntity } from './factory${ext}';
import { scenario } from './scenario${ext}';
${extra}
async function main(): Promise<void> {
  const mock = await createMockServer({ port: 0 });
  try {
    const client = new Lightfield({ apiKey: 'consumer', baseUrl: mock.url, logLevel: 'off' });
    const calls = await scenario(client);
    calls.push(makeEntity().id ? 'factory' : 'factory-empty');
${extraCalls}
    console.log(JSON.stringify({ calls }));
  } finally {
    await mock.close();
  }
}
void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;

/** A saved definitions response, as a team keeps one in its repository for `lightfield-fields`. */
const DEFINITIONS = scenarioFile('definitions.json');

/**
 * The path from install to a typed create: the installed `lightfield-fields` bin writes `org.ts`
 * from the saved definitions, then the type-check proves a create through `Lightfield<MyOrg>`
 * compiles and a misspelt field, a wrong value type and a read-only field do not (each
 * `@ts-expect-error` fails the type-check when its line compiles). `typed-create.ts` imports
 * `./org.js`.
 */
const typedFields = {
  files: {
    'definitions.json': DEFINITIONS,
    'typed-create.ts': scenarioFile('typed-create.ts'),
  },
  step: [
    '.bin/lightfield-fields',
    '--from',
    'definitions.json',
    '--out',
    'org.ts',
    '--name',
    'MyOrg',
  ],
};

const esmNodenext: ConsumerProject = {
  name: 'esm-nodenext',
  type: 'module',
  deps: { typescript: TOOLS.typescript, '@types/node': TOOLS['@types/node'] },
  files: {
    'tsconfig.json': tsconfig(
      { module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'dist', types: ['node'] },
      ['*.ts'],
    ),
    ...typedFields.files,
    'scenario.ts': SCENARIO,
    'factory.ts': FACTORY,
    // The dual-package hazard: an error from the CommonJS build, caught against the ESM classes.
    'main.ts': mainTs(
      '.js',
      `import { createRequire } from 'node:module';
import { LightfieldError, NotFoundError } from '@lightfield/client';
import { createRawClient } from '@lightfield/client/raw';
import type * as Client from '@lightfield/client';
import { missing } from './scenario.js';
const cjs = createRequire(import.meta.url)('@lightfield/client') as typeof Client;
`,
      `    const cjsClient = new cjs.Lightfield({ apiKey: 'consumer', baseUrl: mock.url, logLevel: 'off' });
    const e = await missing(cjsClient);
    const hazard = cjs.NotFoundError !== NotFoundError && e instanceof NotFoundError && e instanceof LightfieldError;
    calls.push(hazard ? 'cjs-error-is-esm-instance' : 'hazard');
    calls.push(typeof createRawClient(client).GET === 'function' ? 'raw' : 'raw-missing');`,
    ),
  },
  steps: [typedFields.step, TSC, ['.', 'dist/main.js']],
  calls: [...BASE_CALLS, 'factory', 'cjs-error-is-esm-instance', 'raw'],
};

const cjsRequire: ConsumerProject = {
  name: 'cjs-require',
  deps: {},
  files: {
    'scenario.js': scenarioFile('scenario.cjs'),
    'main.js': `const assert = require('node:assert');
const { Lightfield } = require('@lightfield/client');
const { createRawClient } = require('@lightfield/client/raw');
const { createMockServer } = require('@lightfield/fixtures/server');

async function main() {
  // require() gets the CommonJS build, not Node's require(esm).
  for (const id of ['@lightfield/client', '@lightfield/client/raw', '@lightfield/fixtures', '@lightfield/fixtures/server', '@lightfield/types']) {
    assert.match(require.resolve(id), /\\.cjs$/, id);
  }
  const { scenario, makeEntity } = require('./scenario.js');
  const mock = await createMockServer({ port: 0 });
  try {
    const client = new Lightfield({ apiKey: 'consumer', baseUrl: mock.url, logLevel: 'off' });
    const calls = await scenario(client);
    calls.push(makeEntity().id ? 'factory' : 'factory-empty');
    calls.push(typeof createRawClient(client).GET === 'function' ? 'raw' : 'raw-missing');
    console.log(JSON.stringify({ calls }));
  } finally {
    await mock.close();
  }
}
main().catch((error) => { console.error(error); process.exitCode = 1; });
`,
  },
  steps: [['.', 'main.js']],
  calls: [...BASE_CALLS, 'factory', 'raw'],
};

const tsNode16Cjs: ConsumerProject = {
  name: 'ts-node16-cjs',
  deps: { typescript: TOOLS.typescript, '@types/node': TOOLS['@types/node'] },
  files: {
    'tsconfig.json': tsconfig(
      { module: 'Node16', moduleResolution: 'Node16', outDir: 'dist', types: ['node'] },
      ['*.ts'],
    ),
    ...typedFields.files,
    'scenario.ts': SCENARIO,
    'factory.ts': FACTORY,
    'main.ts': mainTs('.js'),
  },
  steps: [typedFields.step, TSC, ['.', 'dist/main.js']],
  calls: [...BASE_CALLS, 'factory'],
};

// TypeScript's `module: commonjs` resolves like node10 (NestJS's default): the subpaths need typesVersions.
const tsNode10: ConsumerProject = {
  name: 'ts-commonjs-node10',
  deps: {
    typescript: TOOLS.typescript,
    '@types/node': TOOLS['@types/node'],
    msw: TOOLS.msw2,
  },
  files: {
    'tsconfig.json': tsconfig(
      { module: 'CommonJS', moduleResolution: 'node10', outDir: 'dist', types: ['node'] },
      ['*.ts'],
    ),
    'scenario.ts': SCENARIO,
    'factory.ts': FACTORY,
    'main.ts': mainTs(
      '',
      `import { createRawClient } from '@lightfield/client/raw';
import { createHandlers } from '@lightfield/fixtures/msw';
`,
      `    calls.push(typeof createRawClient(client).GET === 'function' ? 'raw' : 'raw-missing');
    calls.push(createHandlers().length > 0 ? 'msw-handlers' : 'msw-empty');`,
    ),
  },
  steps: [TSC, ['.', 'dist/main.js']],
  calls: [...BASE_CALLS, 'factory', 'raw', 'msw-handlers'],
};

const JEST_MOCK_TEST = `import { Lightfield } from '@lightfield/client';
import { createMockServer, type MockServer } from '@lightfield/fixtures/server';
import { scenario } from './scenario';

let mock: MockServer;
beforeAll(async () => {
  mock = await createMockServer({ port: 0 });
});
afterAll(() => mock.close());

test('create → retrieve → list against lightfield-mock', async () => {
  const client = new Lightfield({ apiKey: 'consumer', baseUrl: mock.url, logLevel: 'off' });
  expect(await scenario(client)).toEqual(${JSON.stringify(BASE_CALLS)});
});
`;

const mswTest = (
  runner: 'jest' | 'vitest',
  ext: string,
) => `${runner === 'vitest' ? "import { afterAll, beforeAll, expect, test } from 'vitest';\n" : ''}import { setupServer } from 'msw/node';
import { Lightfield } from '@lightfield/client';
import { createHandlers } from '@lightfield/fixtures/msw';
import { scenario } from './scenario${ext}';

const server = setupServer(...createHandlers());
beforeAll(() => server.listen());
afterAll(() => server.close());

test('create → retrieve → list against the msw handlers', async () => {
  const client = new Lightfield({ apiKey: 'consumer', logLevel: 'off', maxRetries: 0 });
  expect(await scenario(client)).toEqual(${JSON.stringify(BASE_CALLS)});
});
`;

// Jest 29 with the config \`ts-jest config:init\` writes: CommonJS, the node environment.
const jest29: ConsumerProject = {
  name: 'jest29-ts-jest',
  deps: {
    jest: TOOLS.jest,
    'ts-jest': TOOLS['ts-jest'],
    '@types/jest': TOOLS['@types/jest'],
    typescript: TOOLS.typescript,
    '@types/node': TOOLS['@types/node'],
    msw: TOOLS.mswForJest,
  },
  files: {
    'jest.config.js': `const { createDefaultPreset } = require('ts-jest');

const tsJestTransformCfg = createDefaultPreset().transform;

/** @type {import("jest").Config} **/
module.exports = {
  testEnvironment: 'node',
  transform: {
    ...tsJestTransformCfg,
  },
};
`,
    'tsconfig.json': tsconfig({ module: 'CommonJS', types: ['jest', 'node'], skipLibCheck: true }, [
      '*.ts',
    ]),
    'scenario.ts': SCENARIO,
    'mock.test.ts': JEST_MOCK_TEST,
    'msw.test.ts': mswTest('jest', ''),
  },
  steps: [TSC_NO_EMIT, ['jest/bin/jest.js', '--ci']],
};

const vitestProject = (name: string, msw: string, minNode?: [number, number]): ConsumerProject => ({
  name,
  ...(minNode ? { minNode } : {}),
  type: 'module',
  deps: {
    vitest: TOOLS.vitest,
    typescript: TOOLS.typescript,
    '@types/node': TOOLS['@types/node'],
    msw,
  },
  files: {
    'tsconfig.json': tsconfig(
      { module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'], skipLibCheck: true },
      ['*.ts'],
    ),
    'scenario.ts': SCENARIO,
    'mock.test.ts': `import { afterAll, beforeAll, expect, test } from 'vitest';\n${JEST_MOCK_TEST.replace("'./scenario'", "'./scenario.js'")}`,
    'msw.test.ts': mswTest('vitest', '.js'),
  },
  steps: [TSC_NO_EMIT, ['vitest/vitest.mjs', 'run']],
});

// A browser-targeted bundle of the client, built by vite, then run against the mock.
const viteBundle: ConsumerProject = {
  name: 'vite-bundle',
  type: 'module',
  deps: { vite: TOOLS.vite, typescript: TOOLS.typescript, '@types/node': TOOLS['@types/node'] },
  files: {
    'tsconfig.json': tsconfig(
      {
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
      },
      ['scenario.ts', 'app.ts'],
    ),
    'vite.config.js': `import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    minify: true,
    lib: { entry: 'app.ts', formats: ['es'], fileName: 'app' },
  },
});
`,
    'scenario.ts': SCENARIO,
    'app.ts': `import { Lightfield } from '@lightfield/client';
import { scenario } from './scenario.js';

/** The app's entry: runs the scenario against \`baseUrl\`. */
export function run(baseUrl: string): Promise<string[]> {
  return scenario(new Lightfield({ apiKey: 'consumer', baseUrl, logLevel: 'off' }));
}
`,
    'run.mjs': `import { readFile } from 'node:fs/promises';
import { createMockServer } from '@lightfield/fixtures/server';

const bundle = await readFile('dist/app.js', 'utf8');
if (/from\\s*['"](node:|@lightfield|openapi-fetch)/.test(bundle)) throw new Error('the bundle left an import unbundled');
const { run } = await import('./dist/app.js');
const mock = await createMockServer({ port: 0 });
try {
  console.log(JSON.stringify({ calls: await run(mock.url) }));
} finally {
  await mock.close();
}
`,
  },
  steps: [TSC_NO_EMIT, ['vite/bin/vite.js', 'build', '--logLevel', 'warn'], ['.', 'run.mjs']],
  calls: BASE_CALLS,
};

/** The consumers `pnpm test` runs: Node and TypeScript module setups, with no test runner or bundler. */
export const CORE_CONSUMERS: ConsumerProject[] = [esmNodenext, cjsRequire, tsNode16Cjs, tsNode10];

/** Every consumer project of the matrix (`pnpm test:node-matrix` runs them on each Node). */
export const CONSUMERS: ConsumerProject[] = [
  ...CORE_CONSUMERS,
  jest29,
  vitestProject('vitest-msw2', TOOLS.msw2),
  vitestProject('vitest-msw3', TOOLS.msw3, [22, 12]),
  viteBundle,
];
