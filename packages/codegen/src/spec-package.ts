import { createHash } from 'node:crypto';
import {
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from './load-spec.js';
import type { SpecModel } from './spec-model.js';
import { replicateSpecFile } from './synthetic-spec.js';
import { targets } from './targets/index.js';
import { isOutputFolder, writeOutput, type FileMap } from './write-output.js';

export { runTsc, type TscResult } from './tsc.js';

// A spec's generated files laid out as the packages hold them, beside the packages' hand-written
// runtime: what the tests, the contract corpus and the benchmarks build on. One helper, so each
// of them generates and links the same way, and skips the work when nothing changed.

/** The packages a spec regenerates, each from the generator target of its name. */
export const PACKAGES = ['types', 'client', 'fixtures'] as const;
/** One of {@link PACKAGES}. */
export type PackageName = (typeof PACKAGES)[number];

/** Where the packages live: this file is `packages/codegen/{src,dist}/spec-package.*`. */
export const PACKAGES_DIR = path.resolve(fileURLToPath(import.meta.url), '../../..');
/** The repository root. */
export const REPO_ROOT = path.dirname(PACKAGES_DIR);

/** What {@link writeSpecPackage} makes, and of what. */
export interface SpecPackageOptions {
  /** The spec file. */
  spec: string;
  /** Resources to add as copies of one the spec has (`{ widget: ['gadget'] }`). */
  copies?: Record<string, readonly string[]>;
  /** The folder: each package's generated files go to `<out>/<package>/src/generated/`. */
  out: string;
  /** The packages to generate; all three by default. */
  packages?: readonly PackageName[];
  /**
   * The hand-written source beside `src/generated/`. `link` (the default) links each package's
   * `src/` folders and writes a `package.json` that names the folder `@lightfield/types`, so the
   * generated code resolves its types there: for a host package's own `tsc` and tests. `copy`
   * copies each package's whole `src/` and writes a `tsconfig.json` that type-checks the copy
   * alone: the runtime's `../generated/` imports then reach the spec's files, not the package's.
   */
  runtime?: 'link' | 'copy';
  /** Also write the docs target to `<out>/client/docs/`. */
  docs?: boolean;
}

/** A spec package in memory: its files, and the links to the runtime (by path, to their target). */
export interface SpecPackage {
  model: SpecModel;
  files: FileMap;
  links: Map<string, string>;
}

/** The types package's entry over the generated types, as `packages/types/src/index.ts` is. */
const TYPES_INDEX = `// Written by @lightfield/codegen's spec package: the types entry over this spec's generated types.
export type * from './generated/aliases.js';
export type { components, operations, paths } from './generated/openapi.js';
export type * from './core/org.js';
`;

/** The spec to generate from: the file itself, or a copy with the resources `copies` adds. */
async function specFile(options: SpecPackageOptions): Promise<string> {
  const copies = Object.entries(options.copies ?? {});
  if (copies.length === 0) return options.spec;
  let text = await readFile(options.spec, 'utf8');
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'lightfield-spec-')), 'spec');
  await mkdir(dir);
  // Named for what it holds: the generated headers print it (`spec/widget+gadget.yaml`).
  const name = [path.basename(options.spec, path.extname(options.spec))];
  for (const [template, names] of copies) {
    const file = path.join(dir, 'step.yaml');
    await writeFile(file, text);
    text = await replicateSpecFile(file, template, names);
    name.push(...names);
  }
  const file = path.join(dir, `${name.join('+')}.yaml`);
  await writeFile(file, text);
  return file;
}

/**
 * The folders of a package's `src/` beside `generated/`: its hand-written runtime. A generate
 * running meanwhile swaps `generated/` through siblings, which are not runtime either.
 */
export async function runtimeFolders(src: string): Promise<string[]> {
  const entries = await readdir(src, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !isOutputFolder(e.name, 'generated'))
    .map((e) => e.name);
}

/** The `tsconfig.json` that type-checks a copied spec package alone. */
function copyTsconfig(packages: readonly PackageName[]): string {
  const paths = Object.fromEntries(
    packages
      .filter((p) => p !== 'fixtures')
      .map((p) => [`@lightfield/${p}`, [`./${p}/src/index.ts`]]),
  );
  const compilerOptions = { rootDir: '.', noEmit: true, types: ['node'], paths };
  const config = {
    extends: path.join(REPO_ROOT, 'tsconfig.base.json'),
    compilerOptions,
    include: packages.map((p) => `${p}/src`),
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Every file and link of a spec package, generated in memory (nothing is written). */
export async function specPackage(options: SpecPackageOptions): Promise<SpecPackage> {
  const file = await specFile(options);
  const model = await loadSpec(file).finally(() =>
    file === options.spec ? undefined : rm(path.dirname(path.dirname(file)), { recursive: true }),
  );
  const packages = options.packages ?? PACKAGES;
  const files: FileMap = new Map();
  const links = new Map<string, string>();
  for (const pkg of packages) {
    for (const [rel, text] of await targets[pkg]!(model))
      files.set(`${pkg}/src/generated/${rel}`, text);
    if (options.runtime === 'copy') continue;
    for (const dir of await runtimeFolders(path.join(PACKAGES_DIR, pkg, 'src'))) {
      const at = `${pkg}/src/${dir}`;
      links.set(
        at,
        path.relative(
          path.join(options.out, path.dirname(at)),
          path.join(PACKAGES_DIR, pkg, 'src', dir),
        ),
      );
    }
  }
  if (options.docs)
    for (const [rel, text] of await targets['docs']!(model)) files.set(`client/docs/${rel}`, text);
  if (options.runtime === 'copy') files.set('tsconfig.json', copyTsconfig(packages));
  else if (packages.includes('types')) {
    files.set('types/src/index.ts', TYPES_INDEX);
    const manifest = {
      name: '@lightfield/types',
      private: true,
      type: 'module',
      exports: { '.': './types/src/index.ts' },
    };
    files.set('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return { model, files, links };
}

/** The digest of everything a spec package is made from: a stamp that matches it is current. */
async function digest(options: SpecPackageOptions): Promise<string> {
  const hash = createHash('sha256');
  const { out: _, ...made } = options;
  hash.update(JSON.stringify(made)).update(await readFile(options.spec));
  // Every module of the built generators (this one's folder): a change to any of them counts.
  const own = path.dirname(fileURLToPath(import.meta.url));
  const sources = [own];
  if (options.runtime === 'copy')
    for (const pkg of options.packages ?? PACKAGES)
      sources.push(path.join(PACKAGES_DIR, pkg, 'src'));
  for (const dir of sources)
    for (const rel of (await readdir(dir, { recursive: true })).sort()) {
      if (isOutputFolder(rel.split(path.sep)[0]!, 'generated') || !/\.(js|ts)$/.test(rel)) continue;
      hash.update(rel).update(await readFile(path.join(dir, rel)));
    }
  return hash.digest('hex');
}

/** The file in a spec package that records the digest it was made from. */
const STAMP = '.spec-package.sha256';

/**
 * Writes a spec package to `options.out`, replacing what is there, unless its stamp says it was
 * made from the same spec, options and generators (and, for `copy`, the same runtime sources).
 * `cache: false` writes it regardless and leaves no stamp: for a package that is committed.
 * Resolves to whether it wrote.
 */
export async function writeSpecPackage(
  options: SpecPackageOptions,
  { cache = true }: { cache?: boolean } = {},
): Promise<boolean> {
  const stamp = path.join(options.out, STAMP);
  const sum = cache ? await digest(options) : '';
  if (cache && (await readFile(stamp, 'utf8').catch(() => '')) === sum) return false;
  const { files, links } = await specPackage(options);
  await writeOutput(options.out, files);
  for (const [at, target] of links) await symlink(target, path.join(options.out, at), 'dir');
  if (options.runtime === 'copy')
    for (const pkg of options.packages ?? PACKAGES) {
      const src = path.join(PACKAGES_DIR, pkg, 'src');
      await cp(src, path.join(options.out, pkg, 'src'), {
        recursive: true,
        filter: (from) =>
          !isOutputFolder(path.relative(src, from).split(path.sep)[0]!, 'generated'),
      });
    }
  if (cache) await writeFile(stamp, sum);
  return true;
}

/**
 * What differs between a spec package and the one in `options.out`, a line per file or link
 * (`changed: …`, `missing: …`, `not generated: …`); none when it is current. For a committed one.
 */
export async function checkSpecPackage(options: SpecPackageOptions): Promise<string[]> {
  const { files, links } = await specPackage(options);
  const problems: string[] = [];
  const rel = (f: string) => path.join(path.relative(process.cwd(), options.out), f);
  for (const [file, text] of files) {
    const now = await readFile(path.join(options.out, file), 'utf8').catch(() => undefined);
    if (now === undefined) problems.push(`missing: ${rel(file)}`);
    else if (now !== text) problems.push(`changed: ${rel(file)}`);
  }
  for (const [at, target] of links) {
    const now = await readlink(path.join(options.out, at)).catch(() => undefined);
    if (now !== target) problems.push(`${now === undefined ? 'missing' : 'changed'}: ${rel(at)}`);
  }
  const present = await readdir(options.out, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  for (const entry of present) {
    const file = path.relative(options.out, path.join(entry.parentPath, entry.name));
    if (entry.isDirectory() || files.has(file) || links.has(file)) continue;
    problems.push(`not generated: ${rel(file)}`);
  }
  return problems;
}
