import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * Writes each source as its own module of a strict project in `dir` (under the docs package, so
 * the workspace packages resolve) and runs tsc over them.
 */
export async function typecheck(
  dir: string,
  sources: Map<string, string>,
): Promise<{ ok: boolean; out: string }> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [name, source] of sources) await writeFile(path.join(dir, `${name}.ts`), source);
  await writeFile(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url)),
      compilerOptions: { noEmit: true, types: ['node'], skipLibCheck: true },
      include: ['*.ts'],
    }),
  );
  try {
    await run(process.execPath, [TSC, '-p', dir]);
    return { ok: true, out: '' };
  } catch (error) {
    return { ok: false, out: String((error as { stdout?: string }).stdout) };
  }
}
