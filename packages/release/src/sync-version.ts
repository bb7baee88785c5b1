import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes the client's package.json version into `src/core/version.ts`, which the User-Agent sends. */
export async function syncVersion(root: string): Promise<string> {
  const dir = path.join(root, 'packages', 'client');
  const { version } = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const file = path.join(dir, 'src', 'core', 'version.ts');
  const text = `/** The package version, sent in the User-Agent header; a test keeps it equal to package.json's. */\nexport const VERSION = '${version}';\n`;
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
  return version;
}
