import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { codegen } from './codegen.js';
import { ROOT } from './exec.js';
import { http } from './http.js';
import { innerLoop } from './inner-loop.js';
import { mock } from './mock.js';
import { overhead } from './overhead.js';
import { machine, render, type Section } from './report.js';
import { size } from './size.js';
import { turbo } from './turbo.js';
import { types } from './types.js';

// `pnpm bench [name…]`: runs the named benchmarks (all by default), keeps the other sections'
// last results, and rewrites bench/RESULTS.md.
const BENCHMARKS: Record<string, () => Promise<Section>> = {
  overhead,
  http,
  size,
  codegen,
  turbo,
  types,
  mock,
  'inner-loop': innerLoop,
};

const names = process.argv.slice(2);
for (const n of names)
  if (!BENCHMARKS[n])
    throw new Error(`unknown benchmark "${n}"; pick from ${Object.keys(BENCHMARKS).join(', ')}`);
const store = path.join(ROOT, 'bench', 'results.json');
const sections = JSON.parse(await readFile(store, 'utf8').catch(() => '{}')) as Record<
  string,
  Section
>;
for (const name of names.length ? names : Object.keys(BENCHMARKS)) {
  const start = Date.now();
  process.stdout.write(`bench ${name}… `);
  sections[name] = await BENCHMARKS[name]!();
  console.log(`${((Date.now() - start) / 1000).toFixed(0)} s`);
  for (const g of sections[name].goals)
    console.log(`  ${g.met ? 'met ' : 'MISS'} ${g.goal}: ${g.measured}`);
}
const ordered = Object.fromEntries(
  Object.keys(BENCHMARKS)
    .filter((k) => sections[k])
    .map((k) => [k, sections[k]!]),
);
const version = async (p: string) =>
  (JSON.parse(await readFile(path.join(ROOT, p, 'package.json'), 'utf8')) as { version: string })
    .version;
const versions = {
  '@lightfield/client': await version('packages/client'),
  'openapi-fetch': await version('bench/node_modules/openapi-fetch'),
  'openapi-typescript': await version('bench/node_modules/openapi-typescript'),
  typescript: await version('node_modules/typescript'),
  turbo: await version('node_modules/turbo'),
};
// Written as prettier would, so the committed results pass the format check as they are.
const write = async (file: string, text: string) =>
  writeFile(file, await format(text, { ...(await resolveConfig(file)), filepath: file }));
await write(store, JSON.stringify(ordered, null, 2));
await write(
  path.join(ROOT, 'bench', 'RESULTS.md'),
  render(ordered, [`- Date: ${new Date().toISOString().slice(0, 10)}`, ...machine(versions)]),
);
console.log('wrote bench/RESULTS.md');
