import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isObject } from './json.js';
import {
  checkSpecPackage,
  PACKAGES,
  writeSpecPackage,
  type PackageName,
  type SpecPackageOptions,
} from './spec-package.js';

type Log = (message: string) => void;

/**
 * The spec packages a list file names: each key is a folder and each value what goes in it
 * (`spec`, optional `copies` and `packages`), paths relative to the file. A committed list, so a
 * package's committed spec packages are regenerated and drift-checked as `src/generated/` is.
 */
export async function readSpecPackages(file: string): Promise<SpecPackageOptions[]> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}`);
  };
  if (!isObject(raw)) return fail('expected a JSON object of folders');
  const base = path.dirname(file);
  return Object.entries(raw)
    .filter(([key]) => key !== '$comment')
    .map(([out, entry]) => {
      if (!isObject(entry) || typeof entry['spec'] !== 'string')
        return fail(`"${out}" must give the "spec" it is generated from`);
      const packages = (entry['packages'] ?? PACKAGES) as PackageName[];
      if (!Array.isArray(packages) || packages.some((p) => !PACKAGES.includes(p)))
        return fail(`"${out}.packages" must list some of ${PACKAGES.join(', ')}`);
      const copies = entry['copies'] as Record<string, string[]> | undefined;
      return {
        spec: path.resolve(base, entry['spec']),
        out: path.resolve(base, out),
        packages,
        ...(copies ? { copies } : {}),
      };
    });
}

/** `spec-packages <list.json> [--check]`: writes each spec package the list names, or checks it. */
export async function specPackagesCommand(
  file: string,
  check: boolean,
  log: Log,
  err: Log,
): Promise<number> {
  let stale = 0;
  for (const options of await readSpecPackages(file)) {
    const name = path.relative(process.cwd(), options.out);
    if (!check) {
      await writeSpecPackage(options, { cache: false });
      log(`spec package: wrote ${name}`);
      continue;
    }
    const problems = await checkSpecPackage(options);
    if (problems.length === 0) log(`spec package: ${name} matches its spec`);
    else err(`spec package: ${name} is out of date with its spec:`);
    for (const p of problems) err(`  ${p}`);
    stale += problems.length;
  }
  if (stale > 0) err('Run `pnpm generate` and commit the result.');
  return stale > 0 ? 1 : 0;
}
