import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The fields of a published package.json that the checks read. */
export interface Manifest {
  name?: string;
  private?: boolean;
  license?: string;
  sideEffects?: unknown;
  repository?: { type?: string; url?: string; directory?: string } | string;
  homepage?: string;
  bugs?: { url?: string } | string;
  engines?: Record<string, string>;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: Record<string, unknown>;
  typesVersions?: Record<string, Record<string, string[]>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

/** The Node versions the packages are tested on (see `pnpm test:node-matrix`). */
export const NODE_ENGINES = '^20.19.0 || >=22';

/** One file of a packed tarball, as text. */
export async function readTarballFile(file: string, name: string): Promise<string> {
  return (await run('tar', ['-xzOf', file, `package/${name}`], { maxBuffer: 16 * 1024 * 1024 }))
    .stdout;
}

/** Reads the package.json and the file list of a packed tarball. */
export async function readTarball(file: string): Promise<{ manifest: Manifest; files: string[] }> {
  const list = await run('tar', ['-tzf', file], { maxBuffer: 16 * 1024 * 1024 });
  return {
    manifest: JSON.parse(await readTarballFile(file, 'package.json')) as Manifest,
    files: list.stdout
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, '')),
  };
}

function targets(value: unknown, at: string, out: [string, string][]): [string, string][] {
  if (typeof value === 'string') out.push([at, value]);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) targets(v, `${at}[${JSON.stringify(k)}]`, out);
  }
  return out;
}

/**
 * What is wrong with a published package.json, as one line per problem (none when clean): no
 * workspace tooling, caret runtime ranges, the metadata npm shows, the tested engines, and for each
 * export an ESM and a CommonJS build with their own typings, all inside the tarball.
 */
export function manifestProblems(m: Manifest, files: string[], folder: string): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(m);
  if (m.devDependencies) problems.push('devDependencies are published');
  if (m.scripts) problems.push('scripts are published');
  for (const word of ['workspace:', 'catalog:', '@lightfield/codegen']) {
    if (text.includes(word)) problems.push(`names ${word}`);
  }
  for (const [name, range] of Object.entries(m.dependencies ?? {})) {
    if (!range.startsWith('^')) problems.push(`dependency ${name}@${range} is not a caret range`);
  }
  if (m.license !== 'MIT') problems.push('license is not MIT');
  if (m.sideEffects !== false) problems.push('sideEffects is not false');
  const repo = typeof m.repository === 'object' ? m.repository : undefined;
  if (!repo?.url || repo.type !== 'git') problems.push('repository has no git url');
  if (repo?.directory !== `packages/${folder}`) problems.push('repository.directory is wrong');
  if (!m.homepage) problems.push('no homepage');
  if (!(typeof m.bugs === 'object' ? m.bugs.url : m.bugs)) problems.push('no bugs url');
  if (m.engines?.['node'] !== NODE_ENGINES) problems.push(`engines.node is not ${NODE_ENGINES}`);
  const have = new Set(files);
  const paths: [string, string][] = [
    ['main', m.main ?? ''],
    ['types', m.types ?? ''],
    ...targets(m.exports, 'exports', []),
    ...targets(m.typesVersions, 'typesVersions', []),
    ...targets(m.bin, 'bin', []),
  ];
  for (const [at, p] of paths) {
    if (!have.has(p.replace(/^\.\//, ''))) problems.push(`${at} → ${p} is not in the tarball`);
  }
  for (const [sub, entry] of Object.entries(m.exports ?? {})) {
    if (sub === './package.json') continue;
    const e = entry as Record<string, Record<string, string> | undefined>;
    const ok =
      e['import']?.['types']?.endsWith('.d.ts') &&
      e['import']?.['default']?.endsWith('.js') &&
      e['require']?.['types']?.endsWith('.d.cts') &&
      e['require']?.['default']?.endsWith('.cjs');
    if (!ok)
      problems.push(`exports["${sub}"] lacks import (.js + .d.ts) and require (.cjs + .d.cts)`);
  }
  return problems;
}
