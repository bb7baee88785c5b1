import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cleanEnv, freePort, startService, type Service } from './services.js';
import { ensureTool } from './tools.js';

/** A running Verdaccio registry with throwaway storage. */
export interface Registry {
  /** The registry's URL, with a trailing slash, as `.npmrc` wants it. */
  url: string;
  server: Service;
}

// Only `@lightfield/*` lives here: no uplinks, so nothing else is proxied or served. Anyone may
// read; publishing needs a logged-in user, and the registry takes one user.
const config = (dir: string) => `storage: ${JSON.stringify(path.join(dir, 'storage'))}
web:
  enable: false
auth:
  htpasswd:
    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}
    max_users: 1
uplinks: {}
packages:
  '@lightfield/*':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
log: { type: stdout, format: pretty, level: http }
`;

/** Starts Verdaccio on 127.0.0.1 with its storage, users and config under `dir`. */
export async function startRegistry(
  dir: string,
  log: (line: string) => void = console.log,
): Promise<Registry> {
  const bin = await ensureTool('verdaccio', log);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'config.yaml');
  await writeFile(file, config(dir));
  // Verdaccio prints the port it was given, not the one it bound, so it gets a free one; another
  // process may take that port first, hence the retries.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      const server = await startService(
        process.execPath,
        [bin, '--config', file, '--listen', `127.0.0.1:${port}`],
        { cwd: dir, env: cleanEnv(), ready: /http address - (http:\/\/127\.0\.0\.1:\d+\/)/ },
      );
      return { url: server.ready[1]!, server };
    } catch (error) {
      if (attempt === 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

/** Creates a user the way `npm adduser` does; resolves to its auth token. */
export async function addUser(url: string, name: string, password: string): Promise<string> {
  const res = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      password,
      type: 'user',
      roles: [],
      date: new Date().toISOString(),
    }),
  });
  const body = (await res.json()) as { token?: string; error?: string };
  if (res.status !== 201 || !body.token)
    throw new Error(`adding user ${name}: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** A package's registry document (versions, dist-tags), or `undefined` when the registry has none. */
export async function packument(
  url: string,
  name: string,
): Promise<
  | {
      versions: Record<string, { dist: { tarball: string; shasum: string; integrity: string } }>;
      'dist-tags': Record<string, string>;
    }
  | undefined
> {
  const res = await fetch(new URL(name.replace('/', '%2f'), url));
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET ${name}: ${res.status} ${await res.text()}`);
  return (await res.json()) as never;
}
