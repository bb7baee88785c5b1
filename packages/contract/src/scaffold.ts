import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec, targets, writeOutput, type SpecModel } from '@lightfield/codegen';

/** The repository root (this file is `packages/contract/{src,dist}/scaffold.*`). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The packages a spec regenerates, and the generator target each one's `src/generated/` comes from. */
export const PACKAGES = ['types', 'client', 'fixtures'] as const;

/**
 * Regenerates the three packages from `specFile` into `out`, as `pnpm generate` would in the
 * repository: `out/<pkg>/src/` is a copy of the package's hand-written source with
 * `src/generated/` written from the spec, and `out/tsconfig.json` maps `@lightfield/types` and
 * `@lightfield/client` to the copies. Copies, not symlinks: the runtime's `../generated/` imports
 * must reach the regenerated files, and Node resolves a symlinked folder by its real path.
 * `out` must sit inside the repository so the packages' dependencies resolve from node_modules.
 */
export async function scaffold(specFile: string, out: string): Promise<SpecModel> {
  await rm(out, { recursive: true, force: true });
  const model = await loadSpec(specFile);
  for (const pkg of PACKAGES) {
    const src = path.join(REPO_ROOT, 'packages', pkg, 'src');
    await cp(src, path.join(out, pkg, 'src'), {
      recursive: true,
      filter: (from) => path.relative(src, from).split(path.sep)[0] !== 'generated',
    });
    await writeOutput(path.join(out, pkg, 'src', 'generated'), await targets[pkg]!(model));
  }
  await writeOutput(path.join(out, 'client', 'docs'), await targets['docs']!(model));
  await writeFile(
    path.join(out, 'tsconfig.json'),
    `${JSON.stringify(
      {
        extends: path.join(REPO_ROOT, 'tsconfig.base.json'),
        compilerOptions: {
          rootDir: '.',
          noEmit: true,
          types: ['node'],
          paths: {
            '@lightfield/types': ['./types/src/index.ts'],
            '@lightfield/client': ['./client/src/index.ts'],
          },
        },
        include: PACKAGES.map((p) => `${p}/src`),
      },
      null,
      2,
    )}\n`,
  );
  return model;
}
