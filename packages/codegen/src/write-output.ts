import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Generated files by path relative to the output folder. */
export type FileMap = Map<string, string>;

/** Files that differ between a generated set and a folder. */
export interface Drift {
  changed: string[];
  missing: string[];
  extra: string[];
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) files.push(...(await listFiles(path.join(dir, e.name), rel)));
    else files.push(rel);
  }
  return files.sort();
}

/** Compares generated files with what `dir` holds now. */
export async function diffOutput(dir: string, files: FileMap): Promise<Drift> {
  const present = await listFiles(dir);
  const drift: Drift = { changed: [], missing: [], extra: [] };
  for (const [rel, content] of files) {
    if (!present.includes(rel)) drift.missing.push(rel);
    else if ((await readFile(path.join(dir, rel), 'utf8')) !== content) drift.changed.push(rel);
  }
  drift.extra = present.filter((rel) => !files.has(rel));
  return drift;
}

/**
 * Whether a folder named `name` is the output folder `base` or one of the siblings `writeOutput`
 * swaps it through (`<base>.tmp-…`, `<base>.old-…`), which exist while a generate is running.
 */
export function isOutputFolder(name: string, base: string): boolean {
  return name === base || name.startsWith(`${base}.tmp-`) || name.startsWith(`${base}.old-`);
}

/**
 * Replaces `dir` with exactly `files`. Everything is written to a sibling temp folder first and
 * swapped in by rename, so a failure part-way leaves the previous output as it was.
 */
export async function writeOutput(dir: string, files: FileMap): Promise<void> {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = `${dir}.tmp-${suffix}`;
  const old = `${dir}.old-${suffix}`;
  try {
    for (const [rel, content] of files) {
      const target = path.join(temp, rel);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    await mkdir(temp, { recursive: true });
    let hadOld = true;
    try {
      await rename(dir, old);
    } catch {
      hadOld = false;
    }
    try {
      await rename(temp, dir);
    } catch (error) {
      if (hadOld) await rename(old, dir);
      throw error;
    }
    if (hadOld) await rm(old, { recursive: true, force: true });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
