import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadSpec, withCodeSamples } from '@lightfield/codegen';
import { Application, OptionDefaults } from 'typedoc';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** This package's folder. */
const PACKAGE = path.join(ROOT, 'site');
/** Where `pnpm run docs` writes the site (git-ignored). */
export const SITE = path.join(PACKAGE, 'html');
/** The packages TypeDoc documents, by folder under `packages/`. */
export const PACKAGES = ['types', 'client', 'fixtures'] as const;

const run = promisify(execFile);

/** Every `./dist/….js` or `.d.ts` an export map names, as the `src/….ts` it is built from. */
export function entrySources(exportsField: unknown): string[] {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      const match = /^\.\/dist\/(.+?)\.(?:d\.[cm]?ts|[cm]?js)$/.exec(node);
      if (match) out.add(`src/${match[1]}.ts`);
    } else if (node && typeof node === 'object') {
      Object.values(node).forEach(walk);
    }
  };
  walk(exportsField);
  return [...out].sort();
}

/** TypeDoc HTML for one package, from the sources of its public entry points. */
async function typedoc(name: string): Promise<void> {
  const dir = path.join(ROOT, 'packages', name);
  const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as {
    name: string;
    exports: unknown;
  };
  const app = await Application.bootstrap({
    name: pkg.name,
    entryPoints: entrySources(pkg.exports).map((rel) => path.join(dir, rel)),
    tsconfig: path.join(dir, 'tsconfig.json'),
    readme: path.join(dir, 'README.md'),
    out: path.join(SITE, 'typedoc', name),
    skipErrorChecking: true,
    // openapi-typescript writes these JSDoc tags into the types.
    blockTags: [...OptionDefaults.blockTags, '@description', '@constant', '@enum', '@format'],
    excludePrivate: true,
    githubPages: false,
    logLevel: 'Warn',
  });
  const project = await app.convert();
  if (!project) throw new Error(`typedoc could not convert ${pkg.name}`);
  await app.generateOutputs(project);
}

/** The spec's HTML reference: the bundled spec with `x-codeSamples`, rendered by Redoc. */
async function reference(spec: string): Promise<void> {
  const model = await loadSpec(spec);
  const bundled = path.join(SITE, 'openapi.json');
  await writeFile(bundled, `${JSON.stringify(await withCodeSamples(model), null, 2)}\n`);
  const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
  // --inlineBundle embeds Redoc in the page, so it opens offline; redocly.yaml shows the samples.
  await run(
    process.execPath,
    [
      cli,
      'build-docs',
      bundled,
      '-o',
      path.join(SITE, 'reference', 'index.html'),
      '--inlineBundle',
      '--config',
      path.join(PACKAGE, 'redocly.yaml'),
    ],
    {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
}

const INDEX = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Lightfield SDK documentation</title></head>
<body>
<h1>Lightfield SDK documentation</h1>
<ul>
<li><a href="reference/index.html">API reference</a> (every operation with a TypeScript sample)</li>
${PACKAGES.map((p) => `<li><a href="typedoc/${p}/index.html">@lightfield/${p}</a> (TypeDoc)</li>`).join('\n')}
</ul>
</body>
</html>
`;

/** Builds the whole site into `site/html/`. */
export async function build(spec = path.join(ROOT, 'spec', 'openapi.yaml')): Promise<void> {
  await rm(SITE, { recursive: true, force: true });
  await mkdir(SITE, { recursive: true });
  const start = performance.now();
  await Promise.all([reference(spec), ...PACKAGES.map(typedoc)]);
  await writeFile(path.join(SITE, 'index.html'), INDEX);
  console.log(
    `docs: wrote ${path.relative(process.cwd(), SITE)} in ${(performance.now() - start).toFixed(0)} ms`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build(process.argv[2]);
