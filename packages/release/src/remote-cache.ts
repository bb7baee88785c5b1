import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { cleanEnv, startService, type Service } from './services.js';
import { ensureTool } from './tools.js';

/** A running `turborepo-remote-cache` server and the settings turbo needs to use it. */
export interface RemoteCache {
  /** `TURBO_API`, `TURBO_TOKEN` and `TURBO_TEAM` for turbo. */
  env: { TURBO_API: string; TURBO_TOKEN: string; TURBO_TEAM: string };
  /** Where the server keeps artifacts: `<storage>/<team>/<hash>`. */
  storage: string;
  server: Service;
}

/**
 * Starts the self-hosted Turborepo remote cache on 127.0.0.1 (a port the OS picks) with
 * filesystem storage under `dir` and a random static token.
 */
export async function startRemoteCache(
  dir: string,
  log: (line: string) => void = console.log,
): Promise<RemoteCache> {
  const cli = await ensureTool('remote-cache', log);
  const storage = path.join(dir, 'artifacts');
  await mkdir(storage, { recursive: true });
  const token = randomBytes(24).toString('hex');
  const server = await startService(process.execPath, [cli], {
    cwd: dir,
    env: cleanEnv({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      STORAGE_PROVIDER: 'local',
      STORAGE_PATH: storage,
      // Without this the server puts STORAGE_PATH under the OS temp folder.
      STORAGE_PATH_USE_TMP_FOLDER: 'false',
      TURBO_TOKEN: token,
      // 'info' prints the address it listens on.
      LOG_LEVEL: 'info',
    }),
    ready: /Server listening at (http:\/\/127\.0\.0\.1:\d+)/,
  });
  return {
    env: { TURBO_API: server.ready[1]!, TURBO_TOKEN: token, TURBO_TEAM: 'lightfield' },
    storage,
    server,
  };
}
