import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

/** What `tsc` printed, and whether it passed. */
export interface TscResult {
  ok: boolean;
  /** Its diagnostics (and, with `--extendedDiagnostics`, its statistics). */
  stdout: string;
}

/**
 * Runs the workspace's TypeScript compiler with `args` in `cwd`, in a process of its own: the one
 * way the tools type-check a generated program (the corpus's type-check stage, the benchmarks'
 * type costs). The tests type-check committed output in their package's own `tsc` instead.
 */
export async function runTsc(args: readonly string[], cwd = process.cwd()): Promise<TscResult> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [tsc, ...args], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, stdout };
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    if (stdout === undefined) throw error;
    return { ok: false, stdout: `${stdout}${stderr ?? ''}` };
  }
}
