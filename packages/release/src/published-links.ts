import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where the repository's files are: its web address (no `.git`) and this checkout. */
export interface Repository {
  web: string;
  root: string;
}

/** The web address of a package.json `repository` URL (`git+https://…/x.git` → `https://…/x`). */
export function repositoryWeb(url: string): string {
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** The targets of a Markdown file's links, `[text](target)` and `href="target"`. */
export function markdownLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)|href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
}

/** The files of a tarball, and of the packages of its scope it depends on, by folder name. */
export interface Packed {
  files: string[];
  /** `@scope/x`'s files under `x`: npm installs a dependency beside the package, in its scope. */
  siblings?: Record<string, string[]>;
}

/** Whether the package path `target` (from the tarball's root) names a file or folder it can reach. */
function reachable(target: string, packed: Packed): boolean {
  const under = (files: string[], p: string) =>
    files.some((f) => f === p || f.startsWith(`${p.replace(/\/$/, '')}/`));
  const sibling = /^\.\.\/([^/]+)\/(.+)$/.exec(target);
  if (sibling) return under(packed.siblings?.[sibling[1]!] ?? [], sibling[2]!);
  return !target.startsWith('../') && under(packed.files, target);
}

/** Why `link`, in the tarball's Markdown file `doc`, does not resolve from npm; `undefined` if it does. */
function problem(link: string, doc: string, packed: Packed, repo: Repository): string | undefined {
  if (link.startsWith('#') || link.startsWith('mailto:')) return undefined;
  if (/^https:\/\//.test(link)) {
    const inRepo = new RegExp(`^${repo.web.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(blob|tree)/`);
    if (!inRepo.test(link)) return undefined;
    const [branch, ...rest] = link
      .replace(inRepo, '')
      .replace(/[#?].*$/, '')
      .split('/');
    if (branch !== 'main') return 'names a branch other than main';
    return existsSync(path.join(repo.root, ...rest)) ? undefined : 'is no path of the repository';
  }
  if (/^[a-z][a-z+.-]*:/i.test(link)) return 'is neither https nor a file of the package';
  const target = path.posix.normalize(
    path.posix.join(path.posix.dirname(doc), link.replace(/#.*$/, '')),
  );
  return reachable(target, packed)
    ? undefined
    : 'is not in the package (an absolute repository link resolves from npm)';
}

/**
 * The links of a tarball's Markdown files that do not resolve where npm puts the package, as
 * `file → link: why`: each must be an anchor, an https URL (one into the repository must name a
 * path of its main branch that exists), or a relative path to a file of the package or of a
 * package of its scope it depends on.
 */
export function linkProblems(
  docs: Map<string, string>,
  packed: Packed,
  repo: Repository,
): string[] {
  return [...docs].flatMap(([doc, text]) =>
    markdownLinks(text).flatMap((link) => {
      const why = problem(link, doc, packed, repo);
      return why ? [`${doc} → ${link}: ${why}`] : [];
    }),
  );
}
