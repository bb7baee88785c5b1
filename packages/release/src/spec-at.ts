import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleSpec } from '@lightfield/codegen/load-spec';

/** The files a `$ref` can point at. */
const SPEC_FILE = /\.(ya?ml|json)$/;

/**
 * The spec `spec` (repository-relative) as it is at `ref`, bundled with every file its `$ref`s
 * pull in; `undefined` when the ref has no such file. The YAML and JSON files of the spec's folder
 * are written out as they are at the ref, so relative `$ref`s resolve as they did then.
 */
export async function specAt(root: string, ref: string, spec: string): Promise<unknown> {
  const files = gitLines(root, ['ls-tree', '-r', '--name-only', ref, '--', path.dirname(spec)]);
  if (!files.includes(spec)) return undefined;
  const dir = await mkdtemp(path.join(tmpdir(), 'lightfield-spec-at-'));
  try {
    for (const file of files.filter((f) => SPEC_FILE.test(f))) {
      const target = path.join(dir, file);
      await mkdir(path.dirname(target), { recursive: true });
      // No buffer cap: a spec folder may hold large files (GitHub's spec is 13 MB, a snapshot more).
      const text = execFileSync('git', ['show', `${ref}:${file}`], {
        cwd: root,
        maxBuffer: Infinity,
      });
      await writeFile(target, text);
    }
    return await bundleSpec(path.join(dir, spec));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The spec `spec` of the working tree, bundled with every file its `$ref`s pull in. */
export function specNow(root: string, spec: string): Promise<unknown> {
  return bundleSpec(path.join(root, spec));
}

function gitLines(cwd: string, args: string[]): string[] {
  try {
    const out = execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter((line) => line !== '');
  } catch {
    return [];
  }
}
