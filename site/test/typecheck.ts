import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const BASE = fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url));

/**
 * Type-checks each source as its own module, all in one strict program, in-process: the files are
 * written to `dir` (under this package, so the workspace packages resolve). Resolves to each
 * source's diagnostics by name, empty where it compiles; `''` holds any that belong to no source.
 */
export async function typecheck(
  dir: string,
  sources: Map<string, string>,
): Promise<Map<string, string>> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const files = new Map<string, string>();
  for (const [name, source] of sources) {
    const file = path.join(dir, `${name}.ts`);
    await writeFile(file, source);
    files.set(path.resolve(file), name);
  }
  const base = ts.getParsedCommandLineOfConfigFile(
    BASE,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  const options = { ...base!.options, noEmit: true, types: ['node'], skipLibCheck: true };
  const program = ts.createProgram([...files.keys()], options);
  const out = new Map<string, string>([
    ['', ''],
    ...[...sources.keys()].map((n) => [n, ''] as const),
  ]);
  const host: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => dir,
    getNewLine: () => '\n',
  };
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const name = (d.file && files.get(path.resolve(d.file.fileName))) ?? '';
    out.set(name, out.get(name)! + ts.formatDiagnostic(d, host));
  }
  return out;
}
