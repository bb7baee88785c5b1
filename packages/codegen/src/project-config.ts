import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The file that names the spec and each target's output folder, at the repository root. */
export const PROJECT_CONFIG = 'lightfield.config.json';

/** What `lightfield-codegen generate` reads when no targets are given: absolute paths. */
export interface ProjectConfig {
  /** The config file itself. */
  file: string;
  /** The spec the targets are generated from. */
  spec: string;
  /** Each target's name and its output folder, in the file's order. */
  targets: [name: string, dir: string][];
  /** The largest spec, in bytes, generation accepts (`maxSpecBytes`), if the file sets one. */
  maxSpecBytes?: number;
}

/** The nearest `lightfield.config.json` from `dir` upwards, or `undefined`. */
export function findProjectConfig(dir: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const file = path.join(at, PROJECT_CONFIG);
    if (existsSync(file)) return file;
    if (path.dirname(at) === at) return undefined;
  }
}

/** Reads a project config; paths in it are relative to its own folder. Throws a clear message. */
export async function readProjectConfig(file: string): Promise<ProjectConfig> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('expected a JSON object');
  const { spec, targets, maxSpecBytes } = raw as {
    spec?: unknown;
    targets?: unknown;
    maxSpecBytes?: unknown;
  };
  if (typeof spec !== 'string') return fail('"spec" must be the path of the spec');
  if (typeof targets !== 'object' || targets === null || Array.isArray(targets)) {
    return fail('"targets" must map each target name to its output folder');
  }
  const base = path.dirname(file);
  const entries = Object.entries(targets as Record<string, unknown>).map(([name, dir]) =>
    typeof dir === 'string'
      ? ([name, path.resolve(base, dir)] as [string, string])
      : fail(`"targets.${name}" must be a folder`),
  );
  if (maxSpecBytes !== undefined && !isByteCount(maxSpecBytes))
    return fail('"maxSpecBytes" must be a positive whole number of bytes');
  return {
    file,
    spec: path.resolve(base, spec),
    targets: entries,
    ...(maxSpecBytes === undefined ? {} : { maxSpecBytes }),
  };
}

/** Whether a value is a positive whole number: a byte count. */
export function isByteCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
