import { spawn, type ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { output, ROOT } from './exec.js';
import { ratio, type Section } from './report.js';

const HEADERS = {
  authorization: 'Bearer k',
  'lightfield-version': '2026-03-01',
  'content-type': 'application/json',
};

async function load(
  url: string,
  method: 'GET' | 'POST' = 'GET',
  body?: string,
  seconds = 5,
): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({
    url,
    method,
    headers: HEADERS,
    ...(body ? { body } : {}),
    connections: 10,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function waitFor(child: ChildProcess, pattern: RegExp, ms: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    const on = (d: Buffer) => {
      const m = pattern.exec(d.toString());
      if (m) {
        clearTimeout(timer);
        resolve(m[1] ?? m[0]);
      }
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', on);
  });
}

/** Prism, installed on demand into a temp folder (never by the project's install); `undefined` when it can't be. */
async function startPrism(): Promise<{ url: string; stop: () => void } | undefined> {
  const dir = await mkdtemp(path.join(tmpdir(), 'prism-'));
  const install = await output('npm', [
    'install',
    '--prefix',
    dir,
    '--no-audit',
    '--no-fund',
    '@stoplight/prism-cli@5',
  ]);
  if (install.code !== 0) return undefined;
  const child = spawn(path.join(dir, 'node_modules', '.bin', 'prism'), [
    'mock',
    path.join(ROOT, 'spec', 'openapi.yaml'),
    '-p',
    '4099',
    '-h',
    '127.0.0.1',
  ]);
  const ready = await waitFor(child, /(Prism is listening)/, 60_000);
  if (!ready) {
    child.kill();
    return undefined;
  }
  return { url: 'http://127.0.0.1:4099', stop: () => child.kill() };
}

/** Mock server throughput against a bare node:http server (and Prism where it runs). */
export async function mock(seconds = 5): Promise<Section> {
  const bareChild = fork(fileURLToPath(new URL('./http-server.js', import.meta.url)));
  const { port } = await new Promise<{ port: number }>((resolve) =>
    bareChild.once('message', (m) => resolve(m as { port: number })),
  );
  const mockChild = spawn(process.execPath, [
    path.join(ROOT, 'packages', 'fixtures', 'bin', 'lightfield-mock.js'),
    '--port',
    '0',
    '--no-rate-limit',
  ]);
  const mockUrl = (await waitFor(mockChild, /listening on (http:\/\/\S+)/, 20_000))!;
  const list = (await (
    await fetch(`${mockUrl}/v1/opportunities?limit=1`, { headers: HEADERS })
  ).json()) as { data: { id: string; relationships: { $account: { values: string[] } } }[] };
  const id = list.data[0]!.id;
  const createBody = JSON.stringify({
    fields: { $name: 'Bench', $stage: 'Lead' },
    relationships: { $account: list.data[0]!.relationships.$account.values[0] },
  });
  const bare = await load(
    `http://127.0.0.1:${port}/v1/opportunities/opp_1`,
    'GET',
    undefined,
    seconds,
  );
  const results: [string, { rps: number; p99: number; errors: number }][] = [
    ['bare node:http (fixed body)', bare],
    [
      'lightfield-mock retrieve',
      await load(`${mockUrl}/v1/opportunities/${id}`, 'GET', undefined, seconds),
    ],
    [
      'lightfield-mock list (limit 25)',
      await load(`${mockUrl}/v1/opportunities?limit=25`, 'GET', undefined, seconds),
    ],
    [
      'lightfield-mock create',
      await load(`${mockUrl}/v1/opportunities`, 'POST', createBody, seconds),
    ],
  ];
  mockChild.kill();
  bareChild.send('stop');
  const prism = await startPrism().catch(() => undefined);
  const notes = [
    'autocannon, 10 connections, 5 s per target, each server in its own process; the mock validates every request against the spec.',
  ];
  if (prism) {
    results.push([
      'Prism retrieve',
      await load(`${prism.url}/v1/opportunities/${id}`, 'GET', undefined, seconds),
    ]);
    results.push([
      'Prism list (limit 25)',
      await load(`${prism.url}/v1/opportunities?limit=25`, 'GET', undefined, seconds),
    ]);
    prism.stop();
  } else {
    notes.push(
      'Prism (@stoplight/prism-cli) could not be installed or started here, so it has no figures.',
    );
  }
  const rps = Object.fromEntries(results.map(([k, v]) => [k, v.rps]));
  const goals = [
    {
      goal: 'retrieve ≥ 0.5× the bare server',
      measured: ratio(rps['lightfield-mock retrieve']!, bare.rps),
      met: rps['lightfield-mock retrieve']! >= 0.5 * bare.rps,
    },
    {
      goal: 'list ≥ 0.5× the bare server',
      measured: ratio(rps['lightfield-mock list (limit 25)']!, bare.rps),
      met: rps['lightfield-mock list (limit 25)']! >= 0.5 * bare.rps,
    },
    {
      goal: 'create ≥ 0.5× the bare server',
      measured: ratio(rps['lightfield-mock create']!, bare.rps),
      met: rps['lightfield-mock create']! >= 0.5 * bare.rps,
    },
  ];
  if (prism) {
    goals.push({
      goal: 'retrieve ≥ 3× Prism',
      measured: ratio(rps['lightfield-mock retrieve']!, rps['Prism retrieve']!),
      met: rps['lightfield-mock retrieve']! >= 3 * rps['Prism retrieve']!,
    });
  }
  return {
    title: 'Mock server throughput (loopback)',
    table: {
      head: ['target', 'requests/s', 'p99 latency', 'non-2xx or errors'],
      rows: results.map(([k, v]) => [
        k,
        Math.round(v.rps).toLocaleString('en-US'),
        `${v.p99} ms`,
        String(v.errors),
      ]),
    },
    goals,
    notes,
    ranAt: new Date().toISOString(),
  };
}
