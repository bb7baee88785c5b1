import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Lightfield } from '@lightfield/client';
import type { paths } from '@lightfield/types';
import createClient from 'openapi-fetch';
import { request } from 'undici';
import { figure, ratio, show, type Section } from './report.js';

/** Loopback HTTP at concurrency 10 against a minimal node:http server, rotating the order over rounds. */
export async function http(rounds = 5, seconds = 2): Promise<Section> {
  const child = fork(fileURLToPath(new URL('./http-server.js', import.meta.url)));
  const { port } = await new Promise<{ port: number }>((resolve) =>
    child.once('message', (m) => resolve(m as { port: number })),
  );
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: 'Bearer k', 'lightfield-version': '2026-03-01' };
  const bare = createClient<paths>({ baseUrl: base, headers });
  const ours = new Lightfield({ apiKey: 'k', baseUrl: base, rateLimit: false, logLevel: 'off' });
  const subjects: Record<string, () => Promise<unknown>> = {
    'undici.request': async () =>
      (await request(`${base}/v1/opportunities/opp_1`, { headers })).body.json(),
    fetch: async () =>
      (await fetch(`${base}/v1/opportunities/opp_1`, { headers })).json() as Promise<unknown>,
    // What a per-attempt timeout costs any fetch-based client: an AbortSignal on every request.
    'fetch + timeout signal': async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 60_000);
      try {
        const url = `${base}/v1/opportunities/opp_1`;
        return (await (await fetch(url, { headers, signal: controller.signal })).json()) as unknown;
      } finally {
        clearTimeout(timer);
      }
    },
    'openapi-fetch': () =>
      bare.GET('/v1/opportunities/{id}', {
        params: { path: { id: 'opp_1' }, header: { 'Lightfield-Version': '2026-03-01' } },
      }),
    '@lightfield/client': () => ours.opportunity.retrieve('opp_1'),
  };
  const rates: Record<string, number[]> = Object.fromEntries(
    Object.keys(subjects).map((k) => [k, []]),
  );
  const names = Object.keys(subjects);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length]!;
      const call = subjects[name]!;
      let done = 0;
      const end = Date.now() + seconds * 1000;
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (Date.now() < end) {
            await call();
            done++;
          }
        }),
      );
      rates[name]!.push(done / seconds);
    }
  }
  child.send('stop');
  const f = Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, figure(v, 'req/s')]));
  const vsFetch = f['@lightfield/client']!.median / f['fetch']!.median;
  const signalCost = f['fetch + timeout signal']!.median / f['fetch']!.median;
  return {
    title: 'Loopback HTTP (concurrency 10)',
    table: {
      head: ['client', 'requests/s', 'vs fetch'],
      rows: Object.entries(f).map(([k, v]) => [k, show(v), ratio(v.median, f['fetch']!.median)]),
    },
    goals: [
      {
        goal: '@lightfield/client ≥ 0.9× fetch',
        measured: `${vsFetch.toFixed(2)}×`,
        met: vsFetch >= 0.9,
      },
    ],
    notes: [
      `${rounds} rounds of ${seconds} s per client, order rotated each round; the server runs in its own process.`,
      `Our client gives every attempt an AbortSignal so a timeout really aborts the request; undici's handling of that signal alone takes fetch to ${signalCost.toFixed(2)}× of plain fetch in this run (the "fetch + timeout signal" row).`,
    ],
    ranAt: new Date().toISOString(),
  };
}
