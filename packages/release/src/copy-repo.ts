import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Copies the repository's tracked and untracked, not ignored, files into a new temp folder. */
export async function copyRepo(root: string, prefix: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), prefix));
  const { stdout } = await run(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  for (const file of stdout.split('\0').filter(Boolean))
    await cp(path.join(root, file), path.join(copy, file));
  return copy;
}
