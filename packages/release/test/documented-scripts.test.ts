import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPTS = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
/** pnpm's own commands, which the docs may name without a root script behind them. */
const BUILTINS = new Set([
  'install',
  'add',
  'run',
  'exec',
  'publish',
  'pack',
  'version',
  'store',
  'docs',
]);

/** Every tracked Markdown file, shell script and the CI script (the changelogs are history). */
const files = execFileSync('git', ['ls-files', '*.md', '*.sh', '.ci/run'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && !f.endsWith('CHANGELOG.md') && !f.startsWith('.changeset/'));

/** `pnpm <name>` in code: backtick spans and code blocks of Markdown, every line of a script. */
function commands(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const code = file.endsWith('.md')
    ? [...text.matchAll(/```[^\n]*\n([\s\S]*?)```|`([^`\n]+)`/g)].map((m) => m[1] ?? m[2] ?? '')
    : [text.replace(/^\s*#.*$/gm, '')];
  return code.flatMap((c) =>
    [...c.matchAll(/(?:^|[\s(&|;])pnpm ([a-z][\w:-]*)/gm)].map((m) => m[1]!),
  );
}

// Renaming a script must not leave a README step, the Quick start or CI calling the old name.
describe('every pnpm command the docs and scripts name exists', () => {
  test.each(files.map((f) => [f]))('%s', (file) => {
    const missing = commands(file).filter((name) => !SCRIPTS[name] && !BUILTINS.has(name));
    expect(missing).toEqual([]);
  });

  test('the Quick start and CI name the scripts they run', () => {
    expect(commands('README.md')).toEqual(expect.arrayContaining(['test', 'build', 'generate']));
    expect(commands('scripts/bootstrap.sh')).toContain('build');
    expect(commands('.ci/run')).toContain('test');
  });
});
