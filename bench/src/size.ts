import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { ROOT } from './exec.js';
import { generateInto, oneResourceSpec, PROJECT_SPEC, type Model } from './generated.js';
import type { Section } from './report.js';

/** The operation every one-call app makes. */
const CALLED = 'opportunity.retrieve';

/** The one-call app through the methods: `new Lightfield()`, every resource a property. */
const METHODS = '@lightfield/client, a method';
/** The one-call app through the function of the operation, on the client without resources. */
const FUNCTIONS = '@lightfield/client, a function';

/** The one-call apps, importing the client from `from`. */
function clientApps(from: string): Record<string, string> {
  return {
    [METHODS]: `import { Lightfield } from '${from}';
const client = new Lightfield({ apiKey: 'k' });
console.log(await client.opportunity.retrieve('opp_1'));`,
    [FUNCTIONS]: `import { LightfieldClient, opportunityRetrieve } from '${from}';
const client = new LightfieldClient({ apiKey: 'k' });
console.log(await opportunityRetrieve(client, 'opp_1'));`,
  };
}

const APPS: Record<string, string> = {
  ...clientApps('@lightfield/client'),
  'openapi-fetch': `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://api.lightfield.app', headers: { Authorization: 'Bearer k', 'Lightfield-Version': '2026-03-01' } });
console.log(await client.GET('/v1/opportunities/{id}', { params: { path: { id: 'opp_1' } } }));`,
  'hand-rolled fetch': `const res = await fetch('https://api.lightfield.app/v1/opportunities/opp_1', { headers: { Authorization: 'Bearer k', 'Lightfield-Version': '2026-03-01' } });
if (!res.ok) throw new Error(String(res.status));
console.log(await res.json());`,
};

/** The minified bytes each module adds to a bundle, largest first. */
type Modules = (readonly [string, number])[];

/**
 * One app's bundle: the sizes and text of what it loads up front, the minified bytes each of
 * those modules adds, and the chunks it loads only on demand (its dynamic `import()`s).
 */
export interface AppSize {
  min: number;
  gzip: number;
  brotli: number;
  text: string;
  modules: Modules;
  deferred: { min: number; modules: Modules };
}

// `../packages/client/dist/index.js` → `client/index`, `…/client/src/core/retry.ts` →
// `client/core/retry`, `bench/.out/size/whole/client/generated/client.ts` → `client/generated/client`.
function moduleName(file: string): string {
  return (
    file
      // A chunk of a built package carries its content hash: `dist/debug-log-BvCG4nwD.js`.
      .replace(/(\/dist\/[\w-]+)-[\w-]{8}(\.m?js)$/, '$1$2')
      .replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
      .replace(/^.*packages\/([^/]+)\/(?:dist|src)\//, '$1/')
      .replace(/^.*\.out\/size\/[^/]+\//, '')
      .replace(/\.m?[jt]s$/, '')
  );
}

/** Text only openapi-fetch's bundle has (its serializer options). */
export const OPENAPI_FETCH = /querySerializer|bodySerializer/;

/** Text only the client-side rate limiter has (its pause warning). */
export const RATE_LIMITER = /requests paused for/;

/** Text only the fixtures' bundle has. */
const FIXTURES = /faker|lightfield-mock|createMockServer/;

/** The operation ids a bundle holds, as its operation constants name them. */
export function operationIds(text: string): string[] {
  return [...new Set([...text.matchAll(/\bid:"([A-Za-z]\w*\.[A-Za-z]\w*)"/g)].map((m) => m[1]!))];
}

type Outputs = Metafile['outputs'];

/** The outputs `from` reaches through imports of the given kinds, `from` included. */
function reach(outputs: Outputs, from: string[], kinds: string[]): Set<string> {
  const seen = new Set(from);
  for (const file of seen)
    for (const i of outputs[file]!.imports)
      if (kinds.includes(i.kind) && !i.external) seen.add(i.path);
  return seen;
}

/**
 * What the app at `entry` loads up front (its output and the chunks that imports statically),
 * and what it loads on demand (the chunks of its dynamic `import()`s). esbuild also writes the
 * chunk of a dynamic import that tree-shaking dropped; the app never fetches it, so neither counts.
 */
function loads(outputs: Outputs, entry: string) {
  const main = Object.keys(outputs).find(
    (f) => path.resolve(outputs[f]!.entryPoint ?? '') === entry,
  )!;
  const upFront = reach(outputs, [main], ['import-statement']);
  const all = reach(outputs, [main], ['import-statement', 'dynamic-import']);
  return { upFront: [...upFront], deferred: [...all].filter((f) => !upFront.has(f)) };
}

/** The minified bytes each module of `files` adds, largest first. */
function modulesOf(outputs: Outputs, files: string[]): Modules {
  return files
    .flatMap((file) => Object.entries(outputs[file]!.inputs))
    .map(([file, v]) => [moduleName(file), v.bytesInOutput] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
}

/**
 * Bundles one app with esbuild (minified, browser) and measures it. Like an app's bundler (Vite,
 * webpack, esbuild with `splitting`), it splits each dynamic `import()` into a chunk of its own,
 * which the app fetches only when that code runs.
 */
async function bundle(entry: string, source: string): Promise<AppSize> {
  await writeFile(entry, source);
  const outdir = path.join(path.dirname(entry), path.basename(entry, '.mjs'));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    outdir,
    write: false,
    nodePaths: [path.resolve(import.meta.dirname, '../node_modules')],
    logLevel: 'error',
    metafile: true,
  });
  const outputs = result.metafile.outputs;
  const { upFront, deferred } = loads(outputs, entry);
  const bytesOf = (files: string[]) =>
    Buffer.concat(
      files.map((file) => result.outputFiles.find((f) => f.path === path.resolve(file))!.contents),
    );
  const bytes = bytesOf(upFront);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    text: bytes.toString('utf8'),
    modules: modulesOf(outputs, upFront),
    deferred: { min: bytesOf(deferred).length, modules: modulesOf(outputs, deferred) },
  };
}

/** Bundles each one-call app against the built packages and measures it. */
export async function bundleSizes(): Promise<Record<string, AppSize>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lightfield-size-'));
  const out: Record<string, AppSize> = {};
  for (const [name, source] of Object.entries(APPS))
    out[name] = await bundle(path.join(dir, `${name.replace(/\W/g, '_')}.mjs`), source);
  return out;
}

/** The client's one-call apps against the client generated from `model`'s spec into `dir`. */
async function sourceSizes(model: Model, dir: string) {
  const apps = clientApps(path.join(dir, 'client', 'generated', 'client.ts'));
  return {
    operations: model.operations.length,
    methods: await bundle(path.join(dir, 'methods.mjs'), apps[METHODS]!),
    functions: await bundle(path.join(dir, 'functions.mjs'), apps[FUNCTIONS]!),
  };
}

const kb = (n: number) => `${(n / 1000).toFixed(2)} kB`;

/** What an app loads on demand of the modules named `prefix…`: their minified bytes and names. */
function deferred(app: AppSize, prefix: string): string {
  const modules = app.deferred.modules.filter(([m]) => m.startsWith(prefix));
  const bytes = modules.reduce((sum, [, n]) => sum + n, 0);
  return modules.length ? `${kb(bytes)} minified (${modules.map(([m]) => m).join(', ')})` : 'none';
}

/** The minified bytes of each module, largest first. */
const breakdown = (app: AppSize) =>
  app.modules
    .slice(0, 24)
    .map(([m, n]) => `${m} ${kb(n)}`)
    .join(', ');

/**
 * The bundle-size benchmark: the one-call apps against the built packages, and, generated from
 * source, against a client of the whole spec and of the one resource the app calls, so the cost
 * of the operations an app does not call shows.
 */
export async function size(): Promise<Section> {
  const sizes = await bundleSizes();
  const out = path.join(ROOT, 'bench', '.out', 'size');
  const whole = await generateInto(PROJECT_SPEC, path.join(out, 'whole'));
  const called = whole.operations.find((op) => op.operationId === CALLED)!;
  const oneSpec = await oneResourceSpec(whole, called.resource, out);
  const one = await generateInto(oneSpec, path.join(out, 'one'));
  const [w, o] = [
    await sourceSizes(whole, path.join(out, 'whole')),
    await sourceSizes(one, path.join(out, 'one')),
  ];
  const fn = sizes[FUNCTIONS]!;
  const methods = sizes[METHODS]!;
  const growth = w.functions.min - o.functions.min;
  const client = [fn, methods].map((a) => a.text).join('\n');
  const row = (name: string, ops: string, v: AppSize) => [
    name,
    ops,
    kb(v.min),
    kb(v.gzip),
    kb(v.brotli),
  ];
  const n = `${w.operations} operations`;
  const ofOne = `${o.operations} operations`;
  return {
    title: 'Bundle size of a one-call app (esbuild, minified)',
    table: {
      head: ['app', 'client of', 'minified', 'gzip', 'brotli'],
      rows: [
        row(`${METHODS}: \`client.${called.resource}.${called.method}()\``, n, methods),
        row(`${FUNCTIONS}: \`${called.types.function}(client)\``, n, fn),
        row('openapi-fetch', '—', sizes['openapi-fetch']!),
        row('hand-rolled fetch', '—', sizes['hand-rolled fetch']!),
        row(`${FUNCTIONS}, from source: \`${called.resource}\` only`, ofOne, o.functions),
        row(`${FUNCTIONS}, from source: the whole spec`, n, w.functions),
        row(`${METHODS}, from source: \`${called.resource}\` only`, ofOne, o.methods),
        row(`${METHODS}, from source: the whole spec`, n, w.methods),
      ],
    },
    goals: [
      {
        goal: `one-call app (a function) ≤ 15 kB minified, ${n}`,
        measured: kb(fn.min),
        met: fn.min <= 15_000,
      },
      {
        goal: `one-call app (a function) ≤ 6 kB brotli, ${n}`,
        measured: kb(fn.brotli),
        met: fn.brotli <= 6_000,
      },
      {
        goal: `one-call app (a function) grows ≤ 1 kB minified from ${o.operations} to ${n}`,
        measured: kb(growth),
        met: growth <= 1_000,
      },
      {
        goal: 'the one-call app (a function) holds no other operation',
        measured: operationIds(fn.text).join(', ') || 'none',
        met: operationIds(fn.text).join() === CALLED,
      },
      {
        goal: 'the one-call app (a function) holds no client-side rate limiter (opt-in)',
        measured: RATE_LIMITER.test(fn.text) ? 'rate limiter found' : 'none',
        met: !RATE_LIMITER.test(fn.text) && RATE_LIMITER.test(methods.text),
      },
      {
        goal: 'the client bundles pull in no openapi-fetch (only /raw does)',
        measured: OPENAPI_FETCH.test(client) ? 'openapi-fetch found' : 'none',
        met: !OPENAPI_FETCH.test(client),
      },
      {
        goal: 'the client bundles pull in no fixtures',
        measured: FIXTURES.test(client) ? 'fixtures found' : 'none',
        met: !FIXTURES.test(client),
      },
    ],
    notes: [
      `"A method" is \`new Lightfield()\`, whose every resource is a property, so its app holds every operation of the spec; "a function" calls \`${called.types.function}(client, id)\` on a \`LightfieldClient\` (the client without resources) and holds only that operation. Both hold the runtime: retries with backoff and \`Retry-After\`, timeouts, typed errors, idempotency keys, redaction and the option checks. The client-side rate limiter is on in \`Lightfield\` and opt-in on a \`LightfieldClient\` (\`withRateLimit(options)\`), so only the method app holds it; so is the edit distance behind "did you mean" in an unknown option's error (docs/decisions/0009).`,
      `"From source" bundles the client generated from spec/openapi.yaml, and from it with only the \`${called.resource}\` operations, with the hand-written runtime of packages/client/src: the growth goal compares those two. From ${o.operations} to ${w.operations} operations the method app grows ${kb(w.methods.min - o.methods.min)}.`,
      `Each app is split at its dynamic \`import()\`s, as an app's bundler splits it (Vite, webpack, esbuild with \`splitting\`); the figures are what it loads up front. The method app's upload helper (\`client.file.upload\`) fetches the md5 it sends on demand, and only where the runtime has no \`node:crypto\` (a browser): ${deferred(methods, '@noble/')}. A bundle without code splitting inlines such chunks.`,
      `Both apps load on demand the debug line of an attempt (at \`logLevel: 'debug'\`) and the words of a connection error (when a request gets no response): ${deferred(fn, 'client/')}.`,
      `The client apps hold no openapi-fetch: \`createRawClient\` is the separate \`@lightfield/client/raw\` entry. Against the bare openapi-fetch app the function app is ${kb(fn.min - sizes['openapi-fetch']!.min)} minified, ${kb(fn.brotli - sizes['openapi-fetch']!.brotli)} brotli larger.`,
      `Before the client-side rate limiter became opt-in on a \`LightfieldClient\` (docs/decisions/0008), the function app was 18.02 kB minified, 6.71 kB brotli: ${kb(fn.min - 18_020)} and ${kb(fn.brotli - 6_710)} since. Before the cuts of docs/decisions/0009 (the debug line and a connection error's words loaded on demand, "did you mean" on \`Lightfield\` only, \`UploadError\` dropped where unused, declared fields), it was 15.98 kB and 6.07 kB: ${kb(fn.min - 15_980)} and ${kb(fn.brotli - 6_070)} since.`,
      `Where the function app's minified bytes come from (from source, ${n}): ${breakdown(w.functions)}.`,
      `Where the method app's minified bytes come from (from source, ${n}): ${breakdown(w.methods)}.`,
    ],
    ranAt: new Date().toISOString(),
  };
}
