import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../src/build.js';

// The package READMEs stand alone (their code compiles: samples.test.ts; their links, api.md's
// among them, resolve from npm: packages/release/test/published-links.test.ts), and nothing in
// the repository links to a file outside it.
const PUBLISHED = ['types', 'client', 'fixtures'] as const;

/** Every file git tracks or would add, relative to the root. */
function repoFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out.split('\n').filter((f) => f !== '' && existsSync(path.join(ROOT, f)));
}

/** Relative link targets of a Markdown file: `[text](target)` and `href="target"`. */
function links(markdown: string): string[] {
  const found = [
    ...markdown.matchAll(/\]\(([^)\s]+)\)/g),
    ...markdown.matchAll(/href="([^"]+)"/g),
  ].map((m) => m[1]!);
  return found.filter((l) => !/^([a-z]+:|#)/.test(l)).map((l) => l.replace(/#.*$/, ''));
}

describe('links', () => {
  const files = repoFiles();
  // Golden files are compared byte for byte, not read where they lie.
  const markdown = files.filter(
    (f) => f.endsWith('.md') && !f.endsWith('CHANGELOG.md') && !f.includes('__snapshots__'),
  );

  test('every relative link in a Markdown file resolves inside the repository', () => {
    expect(markdown.length).toBeGreaterThan(5);
    for (const file of markdown) {
      for (const link of links(readFileSync(path.join(ROOT, file), 'utf8'))) {
        const target = path.resolve(ROOT, path.dirname(file), link);
        expect(path.relative(ROOT, target), `${file} → ${link}`).not.toMatch(/^\.\./);
        expect(existsSync(target), `${file} → ${link}`).toBe(true);
      }
    }
  });

  test('no file names the folder beside the repository', () => {
    const text = files.filter(
      (f) => /\.(md|ts|ya?ml|json|sh)$/.test(f) && !f.endsWith('pnpm-lock.yaml'),
    );
    const offenders = text.filter((f) =>
      /\.\.\/shared\//.test(readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe.each(PUBLISHED)('packages/%s/README.md', (name) => {
  const file = path.join(ROOT, 'packages', name, 'README.md');
  const readme = readFileSync(file, 'utf8');

  test('shows its install, its use and its runtimes', () => {
    expect(readme).toMatch(new RegExp(`npm install (--save-dev )?@lightfield/${name}\\b`));
    expect(readme).toMatch(/^## Use$/m);
    const runtimes = readme.split(/^## Runtimes$/m)[1] ?? '';
    for (const fact of [/Node\.js ≥ 20\.19, 22 and 24/, /[Bb]rowsers/, /CommonJS/])
      expect(runtimes).toMatch(fact);
  });
});
