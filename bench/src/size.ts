import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { build } from 'esbuild';
import type { Section } from './report.js';

const APPS: Record<string, string> = {
  '@lightfield/client': `import { Lightfield } from '@lightfield/client';
const client = new Lightfield({ apiKey: 'k' });
console.log(await client.opportunity.retrieve('opp_1'));`,
  'openapi-fetch': `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://api.lightfield.app', headers: { Authorization: 'Bearer k', 'Lightfield-Version': '2026-03-01' } });
console.log(await client.GET('/v1/opportunities/{id}', { params: { path: { id: 'opp_1' } } }));`,
  'hand-rolled fetch': `const res = await fetch('https://api.lightfield.app/v1/opportunities/opp_1', { headers: { Authorization: 'Bearer k', 'Lightfield-Version': '2026-03-01' } });
if (!res.ok) throw new Error(String(res.status));
console.log(await res.json());`,
};

/** One app's bundle: its sizes, its text, and the minified bytes each module adds. */
export interface AppSize {
  min: number;
  gzip: number;
  brotli: number;
  text: string;
  modules: (readonly [string, number])[];
}

// `../packages/client/dist/core/retry.js` → `client/core/retry`, for the breakdown note.
function moduleName(file: string): string {
  return file
    .replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^.*packages\/([^/]+)\/dist\//, '$1/')
    .replace(/\.m?js$/, '');
}

/** Text only openapi-fetch's bundle has (its serializer options). */
export const OPENAPI_FETCH = /querySerializer|bodySerializer/;

/** Bundles each one-call app with esbuild (minified, browser) and measures it. */
export async function bundleSizes(): Promise<Record<string, AppSize>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lightfield-size-'));
  const out: Record<string, AppSize> = {};
  for (const [name, source] of Object.entries(APPS)) {
    const entry = path.join(dir, `${name.replace(/\W/g, '_')}.mjs`);
    await writeFile(entry, source);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      nodePaths: [path.resolve(import.meta.dirname, '../node_modules')],
      logLevel: 'error',
      metafile: true,
    });
    const bytes = Buffer.from(result.outputFiles[0]!.contents);
    const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
    out[name] = {
      min: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        .length,
      text: bytes.toString('utf8'),
      modules: Object.entries(inputs)
        .map(([file, v]) => [moduleName(file), v.bytesInOutput] as const)
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1]),
    };
  }
  return out;
}

/** The bundle-size benchmark. */
export async function size(): Promise<Section> {
  const sizes = await bundleSizes();
  const kb = (n: number) => `${(n / 1000).toFixed(2)} kB`;
  const ours = sizes['@lightfield/client']!;
  const peer = sizes['openapi-fetch']!;
  const own = { min: ours.min - peer.min, brotli: ours.brotli - peer.brotli };
  return {
    title: 'Bundle size of a one-call app (esbuild, minified)',
    table: {
      head: ['app', 'minified', 'gzip', 'brotli'],
      rows: Object.entries(sizes).map(([k, v]) => [k, kb(v.min), kb(v.gzip), kb(v.brotli)]),
    },
    goals: [
      { goal: 'client entry ≤ 10 kB minified', measured: kb(ours.min), met: ours.min <= 10_000 },
      { goal: 'client entry ≤ 4 kB brotli', measured: kb(ours.brotli), met: ours.brotli <= 4_000 },
      {
        goal: 'the client bundle pulls in no openapi-fetch (only /raw does)',
        measured: OPENAPI_FETCH.test(ours.text) ? 'openapi-fetch found' : 'none',
        met: !OPENAPI_FETCH.test(ours.text),
      },
      {
        goal: 'the client bundle pulls in no fixtures',
        measured: /faker|lightfield-mock|createMockServer/.test(ours.text)
          ? 'fixtures found'
          : 'none',
        met: !/faker|lightfield-mock|createMockServer/.test(ours.text),
      },
    ],
    notes: [
      `The client app holds no openapi-fetch: \`createRawClient\` (the openapi-fetch client) is the separate \`@lightfield/client/raw\` entry. Against the bare openapi-fetch app the client app is ${kb(own.min)} minified, ${kb(own.brotli)} brotli larger.`,
      `Where the client app's minified bytes come from (esbuild metafile): ${ours.modules
        .slice(0, 12)
        .map(([m, n]) => `${m} ${kb(n)}`)
        .join(', ')}.`,
    ],
    ranAt: new Date().toISOString(),
  };
}
