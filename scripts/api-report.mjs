#!/usr/bin/env node
// The public TypeScript API of the package in the current folder, one api-extractor report per
// entry of its `exports` (`api/<name>.api.md`, committed). Without `--update` it fails when the
// built declarations no longer match the committed report, so every public change shows in review.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const update = process.argv.includes('--update');
const projectFolder = process.cwd();
/**
 * The fields of package.json this script reads.
 * @typedef {{ name: string, exports?: Record<string, { import?: { types?: unknown } } | string> }} Manifest
 */
/** @type {unknown} */
const manifest = JSON.parse(readFileSync(path.join(projectFolder, 'package.json'), 'utf8'));
const pkg = /** @type {Manifest} */ (manifest);
const base = pkg.name.replace(/^@[^/]+\//, '');

mkdirSync(path.join(projectFolder, 'api'), { recursive: true });
/** @type {[subpath: string, types: string][]} */
const entries = Object.entries(pkg.exports ?? {}).flatMap(([subpath, target]) => {
  const types = typeof target === 'object' ? target.import?.types : undefined;
  return typeof types === 'string' ? [[subpath, types]] : [];
});

let failed = 0;
for (const [subpath, types] of entries) {
  const name =
    subpath === '.' ? base : `${base}-${subpath.replace(/^\.\//, '').replace(/\//g, '-')}`;
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder,
      mainEntryPointFilePath: path.join(projectFolder, types),
      compiler: { tsconfigFilePath: path.join(projectFolder, 'tsconfig.json') },
      apiReport: {
        enabled: true,
        reportFileName: `${name}.api.md`,
        reportFolder: path.join(projectFolder, 'api'),
        reportTempFolder: path.join(projectFolder, 'node_modules/.api-report'),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // Missing release tags and forgotten exports are style choices here, not API changes.
        extractorMessageReporting: {
          default: { logLevel: 'none' },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
        compilerMessageReporting: { default: { logLevel: 'warning' } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: path.join(projectFolder, 'package.json'),
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  if (result.apiReportChanged && !update) {
    failed++;
    console.error(
      `${pkg.name} ${subpath}: the public API changed; run \`pnpm api:update\` and commit api/${name}.api.md`,
    );
  } else if (!result.succeeded) {
    failed++;
    console.error(`${pkg.name} ${subpath}: api-extractor failed`);
  } else {
    console.log(
      `${pkg.name} ${subpath}: api/${name}.api.md ${result.apiReportChanged ? 'updated' : 'matches'}`,
    );
  }
}
process.exit(failed ? 1 : 0);
