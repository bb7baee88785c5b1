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
): Promise<Load> {
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

interface Load {
  rps: number;
  p99: number;
  errors: number;
}

/**
 * Mock server throughput. Each mock target runs next to a bare node:http server that answers the
 * same request with the same bytes the mock sent for it (fixed), so the ratio is the mock's own
 * cost: routing, auth, validation against the spec, the store. Prism is the peer where it runs.
 */
export async function mock(seconds = 5): Promise<Section> {
  const bareChild = fork(fileURLToPath(new URL('./http-server.js', import.meta.url)));
  const { port } = await new Promise<{ port: number }>((resolve) =>
    bareChild.once('message', (m) => resolve(m as { port: number })),
  );
  const bareUrl = `http://127.0.0.1:${port}`;
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
  const targets: { name: string; path: string; method: 'GET' | 'POST'; body?: string }[] = [
    { name: 'retrieve', path: `/v1/opportunities/${id}`, method: 'GET' },
    { name: 'list (limit 25)', path: '/v1/opportunities?limit=25', method: 'GET' },
    { name: 'create', path: '/v1/opportunities', method: 'POST', body: createBody },
  ];
  const rows: { name: string; bytes: number; bare: Load; mock: Load }[] = [];
  for (const t of targets) {
    const sample = await fetch(`${mockUrl}${t.path}`, {
      method: t.method,
      headers: HEADERS,
      ...(t.body ? { body: t.body } : {}),
    });
    const bytes = await sample.text();
    if (!sample.ok) throw new Error(`mock ${t.name}: ${sample.status} ${bytes}`);
    bareChild.send({ body: bytes, status: sample.status });
    await new Promise((resolve) => bareChild.once('message', resolve));
    const bare = await load(`${bareUrl}${t.path}`, t.method, t.body, seconds);
    const served = await load(`${mockUrl}${t.path}`, t.method, t.body, seconds);
    rows.push({ name: t.name, bytes: Buffer.byteLength(bytes), bare, mock: served });
  }
  mockChild.kill();
  bareChild.send('stop');
  const prism = await startPrism().catch(() => undefined);
  const notes = [
    `autocannon, 10 connections, ${seconds} s per run, each server in its own process; the mock validates every request against the spec and keeps state (every create is stored).`,
    'The bare server answers each target with the bytes the mock sent for it, so each row compares like with like.',
  ];
  const peers: [string, Load][] = [];
  if (prism) {
    for (const t of targets.slice(0, 2))
      peers.push([t.name, await load(`${prism.url}${t.path}`, t.method, t.body, seconds)]);
    prism.stop();
  } else {
    notes.push(
      'Prism (@stoplight/prism-cli) could not be installed or started here, so it has no figures.',
    );
  }
  const goals = rows.map((r) => ({
    goal: `${r.name} ≥ 0.5× the bare server`,
    measured: ratio(r.mock.rps, r.bare.rps),
    met: r.mock.rps >= 0.5 * r.bare.rps,
  }));
  for (const [name, peer] of peers) {
    const ours = rows.find((r) => r.name === name)!.mock.rps;
    goals.push({
      goal: `${name} ≥ 3× Prism`,
      measured: ratio(ours, peer.rps),
      met: ours >= 3 * peer.rps,
    });
  }
  const fmt = (l: Load) => `${Math.round(l.rps).toLocaleString('en-US')} (p99 ${l.p99} ms)`;
  return {
    title: 'Mock server throughput (loopback)',
    table: {
      head: [
        'target',
        'response',
        'bare node:http, req/s',
        'lightfield-mock, req/s',
        'vs bare',
        'Prism, req/s',
        'errors',
      ],
      rows: rows.map((r) => {
        const peer = peers.find(([n]) => n === r.name)?.[1];
        return [
          r.name,
          `${(r.bytes / 1000).toFixed(2)} kB`,
          fmt(r.bare),
          fmt(r.mock),
          ratio(r.mock.rps, r.bare.rps),
          peer ? fmt(peer) : 'n/a',
          String(r.bare.errors + r.mock.errors + (peer?.errors ?? 0)),
        ];
      }),
    },
    goals,
    notes,
    ranAt: new Date().toISOString(),
  };
}
