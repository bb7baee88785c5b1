import { createHash } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeClass, SpecChange } from './spec-diff.js';

/** A semver bump, as changesets names it. */
export type Bump = 'patch' | 'minor' | 'major';

const BUMP_RANK: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

/** The packages released together (the changesets `fixed` group). */
export async function fixedGroup(root: string): Promise<string[]> {
  const config = JSON.parse(
    await readFile(path.join(root, '.changeset', 'config.json'), 'utf8'),
  ) as { fixed?: string[][] };
  return config.fixed?.[0] ?? [];
}

/** The bump a change class needs: breaking → major (minor while 0.x), additive → minor, annotation → patch. */
export function bumpFor(cls: ChangeClass, version: string): Bump {
  if (cls === 'annotation') return 'patch';
  if (cls === 'non-breaking') return 'minor';
  return version.startsWith('0.') ? 'minor' : 'major';
}

/** Whether `have` is at least `need`. */
export function covers(have: Bump | undefined, need: Bump): boolean {
  return have !== undefined && BUMP_RANK[have] >= BUMP_RANK[need];
}

/** The highest bump pending changesets give any package of `packages`. */
export async function pendingBump(
  root: string,
  packages: string[],
): Promise<{ bump: Bump | undefined; files: string[] }> {
  const dir = path.join(root, '.changeset');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md') && f !== 'README.md');
  let bump: Bump | undefined;
  const covering: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    for (const line of front.split('\n')) {
      const m = /^\s*['"]?([^'":]+)['"]?\s*:\s*(patch|minor|major)\s*$/.exec(line);
      if (m?.[1] && m[2] && packages.includes(m[1])) {
        covering.push(file);
        if (!bump || BUMP_RANK[m[2] as Bump] > BUMP_RANK[bump]) bump = m[2] as Bump;
      }
    }
  }
  return { bump, files: [...new Set(covering)] };
}

/** Writes a changeset for the fixed group listing the changes; returns its path. Atomic. */
export async function writeChangeset(
  root: string,
  packages: string[],
  bump: Bump,
  changes: SpecChange[],
  base: string,
): Promise<string> {
  const body = [
    '---',
    ...packages.map((p) => `'${p}': ${bump}`),
    '---',
    '',
    `Spec change (\`spec/openapi.yaml\` since \`${base}\`): ${changes.length} change(s).`,
    '',
    ...changes.map((c) => `- ${c.class}: ${c.where}: ${c.what}`),
    '',
  ].join('\n');
  const name = `spec-${createHash('sha256').update(body).digest('hex').slice(0, 8)}.md`;
  const file = path.join(root, '.changeset', name);
  await writeFile(`${file}.tmp`, body);
  await rename(`${file}.tmp`, file);
  return file;
}
