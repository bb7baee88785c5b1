import { expect, test } from 'vitest';
import {
  bundleSizes,
  OPENAPI_FETCH,
  operationIds,
  RATE_LIMITER,
  type AppSize,
} from '../src/size.js';

/** Text only the debug line of an attempt has. */
const DEBUG_LINE = /, attempt \$\{/;
/** Text only the words of a connection error have. */
const CONNECTION_WORDS = /usually a CORS rejection/;
import { realSpecCosts } from '../src/types.js';

// Deterministic budgets (type instantiations, bytes), enforced in the test command. Timings are
// never asserted: they live in RESULTS.md.
// 204 today: `LightfieldClient`, the client the operation functions take, sits between
// `Lightfield` and the runtime's generic `BaseClient<Org>`, which costs a consumer 4.
const INSTANTIATIONS = 220;

test('every client call type-checks within the instantiation budget, and below bare openapi-fetch', async () => {
  const [ours, bare] = await realSpecCosts();
  console.log(
    `type cost: @lightfield/client ${ours.instantiations} instantiations, bare openapi-fetch ${bare.instantiations}`,
  );
  // No error, not even the unused-directive one of the wrong call in client-calls.ts: the
  // measured types are real, not `any`.
  expect(ours.errors).toEqual([]);
  expect(bare.errors).toEqual([]);
  expect(ours.instantiations).toBeLessThanOrEqual(INSTANTIATIONS);
  expect(ours.instantiations).toBeLessThanOrEqual(1.5 * bare.instantiations);
});

test("the one-call app loads issue 22's 15 kB minified and 6 kB brotli at most up front", async () => {
  const app = (await bundleSizes())['@lightfield/client, a function']!;
  // What it loads up front when its bundler splits on demand chunks off; .size-limit.json holds
  // the bundle without splitting, where they are inlined.
  expect(app.min).toBeLessThanOrEqual(15_000);
  expect(app.brotli).toBeLessThanOrEqual(6_000);
});

test('the client bundles pull in none of the fixtures and no openapi-fetch', async () => {
  const sizes = await bundleSizes();
  for (const app of ['@lightfield/client, a method', '@lightfield/client, a function']) {
    expect(sizes[app]!.text).not.toMatch(/faker|createMockServer|lightfield-mock/);
    expect(sizes[app]!.text).not.toMatch(OPENAPI_FETCH);
  }
  // The marker is real: the bare openapi-fetch app has it.
  expect(sizes['openapi-fetch']!.text).toMatch(OPENAPI_FETCH);
});

test('an app that calls one operation function bundles that operation only', async () => {
  const sizes = await bundleSizes();
  // The method app holds every operation of the spec, so the ids are really found.
  const all = operationIds(sizes['@lightfield/client, a method']!.text);
  expect(all).toContain('opportunity.retrieve');
  expect(all.length).toBeGreaterThan(1);
  expect(operationIds(sizes['@lightfield/client, a function']!.text)).toEqual([
    'opportunity.retrieve',
  ]);
  // Nor the pagination and query code that only list calls need.
  expect(sizes['@lightfield/client, a method']!.text).toMatch(/hasNextPage/);
  expect(sizes['@lightfield/client, a method']!.text).toMatch(/unknown filter operator/);
  expect(sizes['@lightfield/client, a function']!.text).not.toMatch(/hasNextPage/);
  expect(sizes['@lightfield/client, a function']!.text).not.toMatch(/unknown filter operator/);
  // Nor the client-side rate limiter, which `LightfieldClient` takes only with `withRateLimit`.
  expect(sizes['@lightfield/client, a method']!.text).toMatch(RATE_LIMITER);
  expect(sizes['@lightfield/client, a function']!.text).not.toMatch(RATE_LIMITER);
  // Nor the UploadError that only the upload helper throws.
  expect(sizes['@lightfield/client, a method']!.text).toMatch(/Upload failed at/);
  expect(sizes['@lightfield/client, a function']!.text).not.toMatch(/Upload failed at/);
  // Nor the Idempotency-Key code that only writes need.
  expect(sizes['@lightfield/client, a method']!.text).toMatch(/idempotencyKey must be/);
  expect(sizes['@lightfield/client, a function']!.text).not.toMatch(/idempotencyKey must be/);
});

test('an app that never uploads holds no md5: the upload loads it on demand', async () => {
  const sizes = await bundleSizes();
  const method = sizes['@lightfield/client, a method']!;
  const md5 = (modules: AppSize['modules']) =>
    modules.filter(([m]) => m.startsWith('@noble/hashes')).map(([m]) => m);
  // The method app holds the upload helper, whose completion carries the bytes' md5...
  expect(method.text).toMatch(/the data must be a string, bytes or a Blob/);
  expect(md5(method.modules)).toEqual([]);
  // ...and the md5 it would fetch is real: the chunk the upload loads on demand holds it.
  expect(md5(method.deferred.modules)).toContain('@noble/hashes/legacy');
  expect(method.deferred.min).toBeGreaterThan(5_000);
  // The function app has no upload to load it.
  expect(md5(sizes['@lightfield/client, a function']!.deferred.modules)).toEqual([]);
});

test('the debug line and the words of a connection error are chunks the client loads on demand', async () => {
  const sizes = await bundleSizes();
  for (const app of ['@lightfield/client, a method', '@lightfield/client, a function']) {
    const { text, deferred } = sizes[app]!;
    expect(text).not.toMatch(DEBUG_LINE);
    expect(text).not.toMatch(CONNECTION_WORDS);
    // The chunks it would load hold them, and nothing else of the client.
    const client = deferred.modules.filter(([m]) => m.startsWith('client/')).map(([m]) => m);
    expect(client.sort()).toEqual([
      expect.stringMatching(/^client\/connection-message/),
      expect.stringMatching(/^client\/debug-log/),
    ]);
  }
});
