import { execFileSync } from 'node:child_process';

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** The repository root containing `cwd`. */
export function repoRoot(cwd = process.cwd()): string {
  const root = git(['rev-parse', '--show-toplevel'], cwd);
  if (!root) throw new Error(`${cwd} is not inside a git repository`);
  return root;
}

/**
 * The ref to compare with: the one given, else the last release tag of the published packages,
 * else `HEAD~1`, else `origin/main`. `undefined` when none exists (a first commit, a shallow clone).
 */
export function resolveBase(
  root: string,
  explicit?: string,
): { ref: string; why: string } | undefined {
  if (explicit)
    return git(['rev-parse', '--verify', '--quiet', `${explicit}^{commit}`], root)
      ? { ref: explicit, why: 'given' }
      : undefined;
  const tag = git(['describe', '--tags', '--abbrev=0', '--match', '@lightfield/types@*'], root);
  if (tag) return { ref: tag, why: 'last release tag' };
  for (const ref of ['HEAD~1', 'origin/main']) {
    if (git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root))
      return {
        ref,
        why:
          ref === 'HEAD~1'
            ? 'no release tag yet: the previous commit'
            : 'no release tag or parent commit',
      };
  }
  return undefined;
}
