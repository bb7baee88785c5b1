/**
 * The consumer projects of the matrix: each is a real npm project in `consumers/<folder>/`, set up
 * the way an internal team sets one up. Its package.json names the published packages as
 * `workspace:*` and its tools as `catalog:` (pnpm-workspace.yaml), the way a workspace package
 * does; the harness writes it into a fresh folder with the packed tarballs and the catalog's
 * versions in their place, then runs its `build` script (on the first Node) and its `test` script.
 *
 * The projects are generic: every call that names a resource of today's spec, its fields or its
 * factories lives in `spec/test/scenarios/consumer/`, whose files land in each project as they are.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Tarball } from './tarballs.js';

/** One consumer project of the matrix. */
export interface ConsumerProject {
  /** Its name in the results. */
  name: string;
  /** Its folder under `consumers/`, when that is not `name` (one folder, several dependency sets). */
  folder?: string;
  /** Files of `spec/test/scenarios/consumer/` it takes. */
  scenario: string[];
  /** Files of `consumers/shared/` it takes: the tests both test runners run. */
  shared?: string[];
  /** Entries that replace those of its package.json's devDependencies. */
  devDependencies?: Record<string, string>;
  /** The lowest Node it runs on (msw 3 needs Node 22.12). */
  minNode?: [major: number, minor: number];
}

/** The folder of the consumer projects. */
export const CONSUMERS_DIR = fileURLToPath(new URL('../consumers/', import.meta.url));
/** Where the spec-specific files of the consumers live, from `src/` or `dist/`. */
const SCENARIOS = fileURLToPath(new URL('../../../spec/test/scenarios/consumer/', import.meta.url));

const TS_SCENARIO = ['scenario.ts', 'factory.ts'];
/** What `lightfield-fields` reads, and the typed create that compiles against what it writes. */
const TYPED_FIELDS = ['definitions.json', 'typed-create.ts'];
const RUNNER_TESTS = ['mock.test.ts', 'msw.test.ts'];

/**
 * The consumer `pnpm test` runs: the cheapest that installs the tarballs, type-checks the packed
 * typings (`skipLibCheck: false`, `exactOptionalPropertyTypes`) and runs them. It installs no msw,
 * whose typings (and graphql's) took a third of the type-check; the ESM project runs in the matrix.
 */
export const SMOKE_CONSUMERS: ConsumerProject[] = [
  { name: 'ts-node16-cjs', scenario: [...TS_SCENARIO, ...TYPED_FIELDS] },
];

/** Every consumer project of the matrix (`pnpm test:node-matrix` runs them on each Node). */
export const CONSUMERS: ConsumerProject[] = [
  ...SMOKE_CONSUMERS,
  { name: 'esm-strictest', scenario: [...TS_SCENARIO, ...TYPED_FIELDS] },
  { name: 'cjs-require', scenario: ['scenario.cjs'] },
  { name: 'ts-commonjs-node10', scenario: TS_SCENARIO },
  { name: 'jest29-ts-jest', scenario: ['scenario.ts'], shared: RUNNER_TESTS },
  { name: 'vitest-msw2', folder: 'vitest-msw', scenario: ['scenario.ts'], shared: RUNNER_TESTS },
  {
    name: 'vitest-msw3',
    folder: 'vitest-msw',
    scenario: ['scenario.ts'],
    shared: RUNNER_TESTS,
    devDependencies: { msw: 'catalog:msw3' },
    minNode: [22, 12],
  },
  { name: 'vite-bundle', scenario: ['scenario.ts'] },
];

/** The pnpm catalogs of the workspace, by name (`default` for the unnamed one). */
export type Catalogs = Record<string, Record<string, string>>;

/** Reads the catalogs of `pnpm-workspace.yaml` at `root`. */
export async function readCatalogs(root: string): Promise<Catalogs> {
  const doc = parse(await readFile(path.join(root, 'pnpm-workspace.yaml'), 'utf8')) as {
    catalog?: Record<string, string>;
    catalogs?: Catalogs;
  };
  return { default: doc.catalog ?? {}, ...doc.catalogs };
}

type Deps = Record<string, string>;

/** The package.json of a consumer project as npm installs it. */
export interface ConsumerManifest {
  name?: string;
  dependencies?: Deps;
  devDependencies?: Deps;
  overrides?: Deps;
  [key: string]: unknown;
}

/**
 * A consumer's package.json with `workspace:` ranges made the packed tarballs and `catalog:`
 * ranges the catalog's versions; throws on a package the tarballs or the catalog lack.
 */
export function resolveManifest(
  manifest: ConsumerManifest,
  tarballs: Record<string, Tarball>,
  catalogs: Catalogs,
): ConsumerManifest {
  const resolve = (deps: Deps = {}): Deps =>
    Object.fromEntries(
      Object.entries(deps).map(([name, range]) => {
        let version: string | undefined = range;
        if (range.startsWith('workspace:'))
          version = tarballs[name] && `file:${tarballs[name].file}`;
        else if (range.startsWith('catalog:')) {
          version = catalogs[range.slice('catalog:'.length) || 'default']?.[name];
        }
        if (!version) throw new Error(`${manifest.name}: no version for ${name}@${range}`);
        return [name, version];
      }),
    );
  const dependencies = resolve(manifest.dependencies);
  return {
    ...manifest,
    dependencies,
    devDependencies: resolve(manifest.devDependencies),
    // The client's own `@lightfield/types` dependency is the packed one too.
    ...(dependencies['@lightfield/types']
      ? { overrides: { '@lightfield/types': '$@lightfield/types' } }
      : {}),
  };
}

/** Writes consumer `p` into `cwd`: its folder, its shared and scenario files, its package.json. */
export async function writeConsumer(
  p: ConsumerProject,
  cwd: string,
  tarballs: Record<string, Tarball>,
  catalogs: Catalogs,
): Promise<void> {
  const folder = path.join(CONSUMERS_DIR, p.folder ?? p.name);
  // What a run leaves in the folder (someone tried it by hand) stays out.
  const skip = /(^|[/\\])(node_modules|dist|org\.ts)$/;
  await cp(folder, cwd, { recursive: true, filter: (src) => !skip.test(src) });
  for (const file of p.shared ?? [])
    await cp(path.join(CONSUMERS_DIR, 'shared', file), path.join(cwd, file));
  for (const file of p.scenario) await cp(path.join(SCENARIOS, file), path.join(cwd, file));
  const manifest = JSON.parse(
    await readFile(path.join(folder, 'package.json'), 'utf8'),
  ) as ConsumerManifest;
  const devDependencies = { ...manifest.devDependencies, ...p.devDependencies };
  const resolved = resolveManifest({ ...manifest, devDependencies }, tarballs, catalogs);
  await writeFile(path.join(cwd, 'package.json'), `${JSON.stringify(resolved, null, 2)}\n`);
}
