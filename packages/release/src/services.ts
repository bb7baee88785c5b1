import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What a finished command printed, its exit code and how long it took. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command to the end and resolves whatever its exit code; never rejects on a non-zero exit. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CommandResult> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        maxBuffer: 256 * 1024 * 1024,
        timeout: options.timeoutMs ?? 600_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, ms: performance.now() - start });
      },
    );
  });
}

/** Like {@link runCommand}, but a non-zero exit rejects with the command's output. */
export async function mustRun(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code} in ${options.cwd}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/**
 * The environment without the caller's Turborepo remote-cache and npm registry settings, so a
 * suite talks only to the servers it started.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(TURBO_(API|TOKEN|TEAM|TEAMID|LOGIN|REMOTE_\w+|CACHE\w*)|npm_config_\w+)$/i.test(key))
      continue;
    env[key] = value;
  }
  return { ...env, TURBO_TELEMETRY_DISABLED: '1', ...extra };
}

/** A free TCP port on 127.0.0.1, for servers that cannot report the port they bound. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A long-running child process started by {@link startService}. */
export interface Service {
  /** The first match of the `ready` pattern in the service's output. */
  ready: RegExpMatchArray;
  /** Everything the service printed so far. */
  output(): string;
  /** Stops the service (SIGTERM, then SIGKILL after 5 s) and resolves once it has exited. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
const temps = new Set<string>();
const cleanUp = () => {
  for (const child of live) child.kill('SIGKILL');
  for (const dir of temps) {
    try {
      // Commands interrupted with us may still be writing there: retry a few times.
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // Best effort: the process is going down anyway.
    }
  }
};
// A suite that exits or is interrupted before its own cleanup still stops its servers and removes
// its temp folders.
process.once('exit', cleanUp);
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(code);
  });
}

/** A new temp folder, removed by {@link removeTempDir} or, failing that, when the process ends. */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temps.add(dir);
  return dir;
}

/** Has a temp folder made elsewhere removed when the process ends, as {@link makeTempDir} does. */
export function trackTempDir(dir: string): string {
  temps.add(dir);
  return dir;
}

/** Removes a folder made by {@link makeTempDir} (or any other). */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  temps.delete(dir);
}

/**
 * Starts a server process and resolves once its output matches `ready`; rejects (and stops it)
 * when it exits first or stays silent past the timeout.
 */
export function startService(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
): Promise<Service> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let text = '';
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${command} ${why}:\n${text}`)));
    };
    const timer = setTimeout(
      () => fail(`printed nothing matching ${options.ready} in time`),
      options.timeoutMs ?? 60_000,
    );
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = text.match(options.ready);
      if (match) {
        clearTimeout(timer);
        resolve({ ready: match, output: () => text, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => fail(`failed to start: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before it was ready`));
  });
}
