import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The repository root. */
export const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');

const run = promisify(execFile);

/** Runs a command and returns its wall time in ms; throws with its output when it fails. */
export async function timed(
  cmd: string,
  args: string[],
  cwd = ROOT,
  env: NodeJS.ProcessEnv = {},
): Promise<number> {
  const start = performance.now();
  await run(cmd, args, {
    cwd,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  }).catch((e: { stdout?: string; stderr?: string }) => {
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  });
  return performance.now() - start;
}

/** Runs a command and returns its stdout, even when it exits non-zero. */
export async function output(
  cmd: string,
  args: string[],
  cwd = ROOT,
): Promise<{ stdout: string; code: number }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (code) => resolve({ stdout, code: code ?? 1 }));
  });
}
