import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { testSpec, tempDir } from '@lightfield/testkit';
import { capture, type Captured } from '@lightfield/testkit/capture';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../src/index.js';

// A neutral spec of these tests' own: the guard reads whatever spec sits in spec/.
const SPEC = testSpec('widget.yaml');
const GROUP = ['@lightfield/types', '@lightfield/client', '@lightfield/fixtures'];
let repo: string;
/** The fixture's last commit, which every test starts from. */
let start: string;

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repo, stdio: 'pipe', encoding: 'utf8' }).trim();
const cli = (...args: string[]): Promise<Captured> =>
  capture((out, err) => main(args, out, err, repo));
async function changeset(name: string, bump: string): Promise<void> {
  await writeFile(
    path.join(repo, '.changeset', name),
    `---\n${GROUP.map((p) => `'${p}': ${bump}`).join('\n')}\n---\n\nA change.\n`,
  );
}

// One throwaway repository with the spec, a release version and the changesets config, shared
// by the tests: each starts from its last commit, with what the one before wrote removed.
beforeAll(async () => {
  repo = await tempDir('lightfield-guard-');
  await mkdir(path.join(repo, 'spec'));
  await mkdir(path.join(repo, '.changeset'));
  await mkdir(path.join(repo, 'packages', 'types'), { recursive: true });
  await writeFile(path.join(repo, 'spec', 'openapi.yaml'), await readFile(SPEC, 'utf8'));
  await writeFile(path.join(repo, '.changeset', 'config.json'), JSON.stringify({ fixed: [GROUP] }));
  await writeFile(
    path.join(repo, 'packages', 'types', 'package.json'),
    JSON.stringify({ name: '@lightfield/types', version: '1.0.0' }),
  );
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.com');
  git('config', 'user.name', 'ci');
  git('add', '-A');
  git('commit', '-q', '-m', 'spec');
  git('commit', '-q', '--allow-empty', '-m', 'unrelated');
  start = git('rev-parse', 'HEAD');
});
afterAll(() => rm(repo, { recursive: true, force: true }));
beforeEach(() => {
  git('reset', '-q', '--hard', start);
  git('clean', '-qfdx');
});

async function editSpec(from: string, to: string): Promise<void> {
  const file = path.join(repo, 'spec', 'openapi.yaml');
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

describe('check-changeset', () => {
  test('passes when the spec is unchanged', async () => {
    expect((await cli('check-changeset')).code).toBe(0);
  });

  test('reads a spec folder that holds a file over 1 MB', async () => {
    await mkdir(path.join(repo, 'spec', 'test'));
    const big = JSON.stringify({ rows: Array.from({ length: 120_000 }, (_, i) => `row ${i}`) });
    await writeFile(path.join(repo, 'spec', 'test', 'snapshot.json'), big);
    git('add', '-A');
    git('commit', '-q', '-m', 'big');
    expect(big.length).toBeGreaterThan(1024 * 1024);
    expect((await cli('check-changeset')).code).toBe(0);
  });

  test('fails when the spec changed and no changeset covers it', async () => {
    await editSpec('maximum: 20\n', 'maximum: 10\n');
    const r = await cli('check-changeset');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no changeset covers it/);
    expect(r.err).toMatch(/breaking/);
  });

  test('fails when the changeset bump is lower than the diff demands', async () => {
    await editSpec('maximum: 20\n', 'maximum: 10\n');
    await changeset('low.md', 'minor');
    const r = await cli('check-changeset');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/needs a major bump, but pending changesets give only minor/);
  });

  test('passes with a covering changeset, and spec:diff --changeset writes one', async () => {
    await editSpec(
      'description: Returns the latest version of one widget.',
      'description: Returns one widget.',
    );
    expect((await cli('check-changeset')).code).toBe(1);
    const diff = await cli('diff', '--changeset');
    expect(diff.out).toMatch(/overall annotation/);
    expect(diff.out).toMatch(/wrote \.changeset\/spec-[0-9a-f]{8}\.md \(patch/);
    const check = await cli('check-changeset');
    expect(check.code).toBe(0);
    expect(check.out).toMatch(/need a patch bump/);
  });

  test('--base compares with any ref', async () => {
    await editSpec('maximum: 20\n', 'maximum: 60\n');
    git('commit', '-qam', 'raise max');
    const r = await cli('diff', '--base', 'HEAD~1');
    expect(r.out).toMatch(/GET \/v1\/widgets/);
    expect((await cli('diff', '--base', 'no-such-ref')).code).toBe(1);
  });
});

describe('diff on a spec split into files', () => {
  // The spec's `ValueKind` schema moves into spec/components/kind.yaml, behind a $ref, committed.
  async function split(): Promise<string> {
    const file = path.join(repo, 'spec', 'openapi.yaml');
    const doc = parse(await readFile(file, 'utf8')) as {
      components: { schemas: Record<string, unknown> };
    };
    const kind = path.join(repo, 'spec', 'components', 'kind.yaml');
    await mkdir(path.dirname(kind));
    await writeFile(kind, stringify({ ValueKind: doc.components.schemas['ValueKind'] }));
    doc.components.schemas['ValueKind'] = { $ref: 'components/kind.yaml#/ValueKind' };
    await writeFile(file, stringify(doc));
    git('add', '-A');
    git('commit', '-qm', 'split');
    return kind;
  }

  // One split serves both: the move (HEAD~1 to HEAD), then an edit on top of it.
  test('moving a schema changes nothing; a change inside its new file is reported', async () => {
    const kind = await split();
    expect((await cli('diff')).out).toMatch(/no changes/);
    await writeFile(kind, (await readFile(kind, 'utf8')).replace('- URL\n', ''));
    const r = await cli('diff', '--base', 'HEAD');
    expect(r.out).toMatch(/overall breaking/);
    expect(r.out).toMatch(/#\/components\/schemas\/ValueKind\/enum/);
    expect((await cli('check-changeset', '--base', 'HEAD')).code).toBe(1);
  });
});
