import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, copyFile, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { turboCacheDir } from '../src/clone.js';
import { copyRepo } from '../src/copy-repo.js';
import { addUser, packument, startRegistry, type Registry } from '../src/registry.js';
import {
  cleanEnv,
  makeTempDir,
  mustRun,
  removeTempDir,
  runCommand,
  trackTempDir,
  type CommandResult,
} from '../src/services.js';
import { PUBLISHED } from '../src/tarballs.js';

// The real release flow, in a throwaway copy of the repository, against a Verdaccio registry on
// 127.0.0.1: a pending changeset, `pnpm version-packages`, `pnpm release`; then a fresh npm project
// installs the released packages from that registry and calls the mock.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const NAMES = Object.values(PUBLISHED);
let work: string;
let copy: string | undefined;
let registry: Registry | undefined;
let env: NodeJS.ProcessEnv;
let token: string;
let version: string;
let released: CommandResult;
const log = (line: string) => console.log(line);

const sh = (cwd: string, command: string, ...args: string[]) =>
  mustRun(command, args, { cwd, env });

const summary = (r: CommandResult) =>
  r.stdout
    .split('\n')
    .filter((l) => /^\s*(Tasks|Cached|Time):/.test(l))
    .map((l) => l.trim())
    .join(' | ');

const tail = (r: CommandResult) =>
  `${r.stdout}\n${r.stderr}`
    .split('\n')
    .filter((l) => l.trim())
    .slice(-12)
    .join('\n');

beforeAll(async () => {
  work = await makeTempDir('lightfield-registry-');
  registry = await startRegistry(path.join(work, 'registry'), log);
  token = await addUser(registry.url, 'release-bot', randomBytes(12).toString('hex'));
  log(`verdaccio: ${registry.url}`);
  // The token lives in a user-level .npmrc, as the README says (pnpm expands no variables in a
  // project .npmrc's credentials); the project's .npmrc only names the registry of the scope.
  const host = registry.url.replace(/^https?:/, '');
  const userconfig = path.join(work, 'user.npmrc');
  await writeFile(userconfig, `${host}:_authToken=\${NPM_TOKEN}\n`);
  env = cleanEnv({
    NPM_CONFIG_USERCONFIG: userconfig,
    NPM_TOKEN: token,
    GIT_AUTHOR_NAME: 'release-test',
    GIT_AUTHOR_EMAIL: 'release-test@localhost',
    GIT_COMMITTER_NAME: 'release-test',
    GIT_COMMITTER_EMAIL: 'release-test@localhost',
  });

  // A release runs from a checkout: the copy becomes a git repository, so changesets can tag it.
  copy = trackTempDir(await copyRepo(root, 'lightfield-release-copy-'));
  await sh(copy, 'git', 'init', '--quiet', '--initial-branch', 'main');
  await sh(copy, 'git', 'add', '--all');
  await sh(copy, 'git', 'commit', '--quiet', '--message', 'copy');
  await sh(copy, 'pnpm', 'install', '--frozen-lockfile', '--prefer-offline');
  await appendFile(path.join(copy, '.npmrc'), `@lightfield:registry=${registry.url}\n`);
  await writeFile(
    path.join(copy, '.changeset', 'registry-release-test.md'),
    `---\n${NAMES.map((n) => `'${n}': patch`).join('\n')}\n---\n\nReleased through a local registry by pnpm test:release.\n`,
  );
  // The copy starts with a snapshot of the repository's Turborepo cache, as a developer's checkout
  // has one: what is current replays; the version bump changes the published packages, so
  // `pnpm release` rebuilds those for real. `version-packages` needs the release tool built.
  const cache = await turboCacheDir(root);
  if (existsSync(cache)) await cp(cache, path.join(copy, '.turbo', 'cache'), { recursive: true });
  const built = await sh(copy, 'pnpm', 'build');
  log(`$ pnpm build (${(built.ms / 1000).toFixed(1)} s): ${summary(built)}`);

  const bumped = await sh(copy, 'pnpm', 'version-packages');
  log(`$ pnpm version-packages\n${tail(bumped)}`);
  version = (
    JSON.parse(await readFile(path.join(copy, 'packages', 'client', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  await sh(copy, 'git', 'commit', '--quiet', '--all', '--message', `Version packages ${version}`);
  released = await sh(copy, 'pnpm', 'release');
  log(`$ pnpm release (${(released.ms / 1000).toFixed(1)} s)\n${tail(released)}`);
});

afterAll(async () => {
  await registry?.server.stop();
  if (copy) await removeTempDir(copy);
  if (work) await removeTempDir(work);
});

test('pnpm release publishes the three packages at one version, tagged latest', async () => {
  const versions: Record<string, string> = {};
  for (const folder of Object.keys(PUBLISHED)) {
    const pkg = JSON.parse(
      await readFile(path.join(copy!, 'packages', folder, 'package.json'), 'utf8'),
    ) as { name: string; version: string };
    versions[pkg.name] = pkg.version;
  }
  expect(new Set(Object.values(versions))).toEqual(new Set([version]));
  const tags = (await sh(copy!, 'git', 'tag', '--list')).stdout.split('\n').filter(Boolean);
  for (const name of NAMES) {
    const doc = await packument(registry!.url, name);
    expect(doc, name).toBeDefined();
    expect(Object.keys(doc!.versions), name).toEqual([version]);
    expect(doc!['dist-tags'], name).toEqual({ latest: version });
    log(
      `${name}: versions ${Object.keys(doc!.versions).join(', ')}; dist-tags ${JSON.stringify(doc!['dist-tags'])}`,
    );
    expect(tags).toContain(`${name}@${version}`);
  }
  // The private packages stay private; `workspace:` ranges were rewritten to the released version.
  expect(await packument(registry!.url, '@lightfield/codegen')).toBeUndefined();
  const client = (await (
    await fetch(new URL(`@lightfield%2fclient/${version}`, registry!.url))
  ).json()) as {
    dependencies: Record<string, string>;
  };
  expect(client.dependencies['@lightfield/types']).toBe(`^${version}`);
});

test('publishing the same version again is refused, and the registry keeps the first', async () => {
  const before = await Promise.all(NAMES.map((n) => packument(registry!.url, n)));
  // `pnpm release` again: changesets sees every version on the registry and publishes nothing.
  const again = await runCommand('pnpm', ['release'], { cwd: copy!, env });
  log(`$ pnpm release (again)\n${tail(again)}`);
  expect(again.code).toBe(0);
  expect(`${again.stdout}${again.stderr}`).toContain('No unpublished projects to publish');
  // pnpm publish of the same version: npm reads the registry first and stops with a clear message.
  const direct = await runCommand(
    'pnpm',
    ['publish', '--no-git-checks', '--access', 'restricted'],
    {
      cwd: path.join(copy!, 'packages', 'client'),
      env,
    },
  );
  log(`$ pnpm publish (packages/client, ${version} again): exit ${direct.code}\n${tail(direct)}`);
  expect(direct.code).not.toBe(0);
  expect(`${direct.stdout}\n${direct.stderr}`).toContain(
    `You cannot publish over the previously published versions: ${version}`,
  );
  // The registry itself refuses it too: the publish request npm would send, sent as it is.
  const refused = await republish(registry!.url, token, '@lightfield/client', version);
  log(`PUT @lightfield/client@${version} again: ${refused.status} ${refused.body}`);
  expect(refused.status).toBe(409);
  expect(refused.body).toContain('already');
  expect(await Promise.all(NAMES.map((n) => packument(registry!.url, n)))).toEqual(before);
});

/** Sends npm's publish request for a version that is already on the registry. */
async function republish(url: string, auth: string, name: string, v: string) {
  const doc = (await packument(url, name))!;
  const manifest = doc.versions[v]!;
  const tarball = Buffer.from(await (await fetch(manifest.dist.tarball)).arrayBuffer());
  const file = `${name.split('/')[1]}-${v}.tgz`;
  const res = await fetch(new URL(name.replace('/', '%2f'), url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
    body: JSON.stringify({
      _id: name,
      name,
      'dist-tags': { latest: v },
      versions: { [v]: manifest },
      _attachments: {
        [file]: {
          content_type: 'application/octet-stream',
          data: tarball.toString('base64'),
          length: tarball.length,
        },
      },
    }),
  });
  return { status: res.status, body: await res.text() };
}

/** The app the fresh project runs: its calls name today's spec, so it lives in spec/test. */
const APP = path.join(root, 'spec/test/scenarios/registry-app.mjs');

test('a fresh npm project installs the release from the registry and calls the mock', async () => {
  const app = path.join(work, 'consumer');
  await mkdir(app);
  await writeFile(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'registry-consumer', private: true, type: 'module' }, null, 2),
  );
  // Only the scope points at the registry; third-party dependencies come from npm's default one.
  await writeFile(path.join(app, '.npmrc'), `@lightfield:registry=${registry!.url}\n`);
  const logFrom = registry!.server.output().length;
  const install = await mustRun(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      // An empty cache, so npm fetches every package, as on a new machine.
      '--cache',
      path.join(work, 'npm-cache'),
      `@lightfield/client@${version}`,
      `@lightfield/fixtures@${version}`,
    ],
    { cwd: app, env: cleanEnv() },
  );
  log(
    `$ npm install @lightfield/client@${version} @lightfield/fixtures@${version} (${(install.ms / 1000).toFixed(1)} s)`,
  );
  const lock = JSON.parse(await readFile(path.join(app, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; resolved?: string }>;
  };
  // npm leaves `resolved` out of the lockfile here, so the integrity and the registry's log say
  // where each @lightfield tarball came from.
  for (const name of NAMES) {
    const entry = lock.packages[`node_modules/${name}`];
    const published = (await packument(registry!.url, name))!.versions[version]!;
    expect(entry, name).toMatchObject({ version, integrity: published.dist.integrity });
    expect(registry!.server.output().slice(logFrom)).toContain(
      `GET /${name}/-/${name.split('/')[1]}-${version}.tgz`,
    );
  }
  // Third-party dependencies came from npm's default registry: this one serves nothing else.
  expect(lock.packages['node_modules/@faker-js/faker']).toBeDefined();
  expect(registry!.server.output().slice(logFrom)).not.toMatch(/GET \/(?!@lightfield)/);

  await copyFile(APP, path.join(app, 'app.mjs'));
  const { stdout } = await mustRun(process.execPath, ['app.mjs'], { cwd: app, env: cleanEnv() });
  log(`consumer: ${stdout.trim()}`);
  const out = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  expect(out).toMatchObject({ version, name: 'From the registry', listed: true });
  expect(out['retrieved']).toBe(out['created']);
  expect(existsSync(path.join(app, 'node_modules', '@lightfield', 'types'))).toBe(true);
});
