import { Lightfield } from '@lightfield/client';
import type { paths } from '@lightfield/types';
import createClient from 'openapi-fetch';
import { Bench } from 'tinybench';
import { ENTITY } from './entity.js';
import { figure, ratio, show, type Section } from './report.js';

// Client call overhead with a fetch that answers at once, as openapi-fetch's own benchmark does.
const BASE = 'https://api.lightfield.app';
const LIST = JSON.stringify({ object: 'list', data: [JSON.parse(ENTITY)], totalCount: 1 });
const HEADERS = { 'content-type': 'application/json' };
const stub: typeof fetch = (input) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return Promise.resolve(
    new Response(url.includes('?') ? LIST : ENTITY, { status: 200, headers: HEADERS }),
  );
};
const BODY = { fields: { $name: 'Acme', $stage: 'Lead' }, relationships: { $account: 'acc_1' } };
const VERSION = { 'Lightfield-Version': '2026-03-01' } as const;

/** Runs the overhead benchmark: `rounds` tinybench runs, each task's mean per run. */
export async function overhead(rounds = 5): Promise<Section> {
  const raw = stub;
  const bare = createClient<paths>({
    baseUrl: BASE,
    fetch: stub,
    headers: { Authorization: 'Bearer k', ...VERSION },
  });
  const ours = new Lightfield({
    apiKey: 'k',
    baseUrl: BASE,
    fetch: stub,
    maxRetries: 2,
    rateLimit: { requestsPerSecond: 1e9 },
    logLevel: 'off',
  });
  const tasks: Record<string, () => Promise<unknown>> = {
    'raw fetch + JSON.parse (GET)': async () =>
      JSON.parse(await (await raw(`${BASE}/v1/opportunities/opp_1`)).text()) as unknown,
    'openapi-fetch GET': () =>
      bare.GET('/v1/opportunities/{id}', { params: { path: { id: 'opp_1' }, header: VERSION } }),
    'openapi-fetch POST': () =>
      bare.POST('/v1/opportunities', { params: { header: VERSION }, body: BODY }),
    '@lightfield/client retrieve': () => ours.opportunity.retrieve('opp_1'),
    '@lightfield/client list': () => ours.opportunity.list({ limit: 25 }),
    '@lightfield/client create': () => ours.opportunity.create(BODY),
  };
  const means: Record<string, number[]> = Object.fromEntries(
    Object.keys(tasks).map((k) => [k, []]),
  );
  for (let r = 0; r < rounds; r++) {
    const bench = new Bench({ time: 400, warmupTime: 100 });
    // Rotate the order, so no task always runs first or last.
    const names = Object.keys(tasks);
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length]!;
      bench.add(name, tasks[name]!);
    }
    await bench.run();
    for (const t of bench.tasks) {
      const latency = (t.result as { latency?: { mean: number } } | undefined)?.latency?.mean;
      if (latency) means[t.name]!.push(latency * 1000);
    }
  }
  const us = Object.fromEntries(Object.entries(means).map(([k, v]) => [k, figure(v, 'µs')]));
  const m = (k: string) => us[k]!.median;
  const retrieveVsGet = m('@lightfield/client retrieve') / m('openapi-fetch GET');
  const createVsPost = m('@lightfield/client create') / m('openapi-fetch POST');
  const retrieveVsRaw = m('@lightfield/client retrieve') / m('raw fetch + JSON.parse (GET)');
  return {
    title: 'Client call overhead (stubbed fetch)',
    table: {
      head: ['call', 'time per call', 'ops/s', 'vs openapi-fetch'],
      rows: Object.entries(us).map(([k, f]) => [
        k,
        show(f, 2),
        Math.round(1e6 / f.median).toLocaleString('en-US'),
        k.includes('retrieve') || k.includes('list')
          ? ratio(f.median, m('openapi-fetch GET'))
          : k.includes('create')
            ? ratio(f.median, m('openapi-fetch POST'))
            : '',
      ]),
    },
    goals: [
      {
        goal: 'retrieve ≤ 1.10× openapi-fetch GET',
        measured: `${retrieveVsGet.toFixed(2)}×`,
        met: retrieveVsGet <= 1.1,
      },
      {
        goal: 'create ≤ 1.10× openapi-fetch POST',
        measured: `${createVsPost.toFixed(2)}×`,
        met: createVsPost <= 1.1,
      },
      {
        goal: 'retrieve ≤ 1.5× raw fetch',
        measured: `${retrieveVsRaw.toFixed(2)}×`,
        met: retrieveVsRaw <= 1.5,
      },
    ],
    notes: [
      `${rounds} tinybench rounds of 400 ms per task, order rotated; the client has retries, idempotency keys and rate limiting configured (limit set far above the call rate, so never triggered).`,
    ],
    ranAt: new Date().toISOString(),
  };
}
