import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TURBO = path.join(ROOT, 'node_modules', '.bin', 'turbo');
const SCRIPTS = (
  JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }
).scripts;

/** The turbo tasks a `turbo run …` command would run, from turbo's own dry run. */
function plannedTasks(command: string): string[] {
  const [turbo, ...args] = command.split(/\s+/).filter(Boolean);
  expect(turbo).toBe('turbo');
  const out = execFileSync(TURBO, [...args, '--dry=json'], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out) as { tasks: { taskId: string }[] }).tasks.map((t) => t.taskId).sort();
}

// A spec change that breaks code generation or the SDK build must not stop the diff or the guard:
// both need only the release package's own build and the codegen library it imports (its JSON
// pointer helpers; that build compiles codegen's sources and never reads the spec), never code
// generation or the generated packages.
const cases: [string, { given: string; want: string[] }][] = [
  [
    'pnpm spec:diff',
    {
      given: SCRIPTS['spec:diff']!.split('&&')[0]!,
      want: ['@lightfield/codegen#build', '@lightfield/release#build'],
    },
  ],
  [
    'pnpm check:changeset',
    {
      given: SCRIPTS['check:changeset']!,
      want: [
        '@lightfield/codegen#build',
        '@lightfield/release#build',
        '@lightfield/release#check:changeset',
      ],
    },
  ],
];

describe('spec:diff needs only the two spec files', () => {
  test.each(cases)('%s builds nothing but the release package', (_, { given, want }) => {
    expect(plannedTasks(given)).toEqual(want);
  });
});
