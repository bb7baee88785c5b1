import { mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testSpec } from '@lightfield/testkit';
import { loadSpec, targets, writeOutput } from '@lightfield/codegen';
import { beforeAll, describe, expect, test } from 'vitest';
import type { BaseClient } from '../src/internal/base-client.js';
import { entity, fetchClient, json } from './helpers.js';
import { WidgetClient, widgetDefaults, widgetOperations } from './widget/client.js';

// The runtime tests call test/widget/client.ts, written by hand so it type-checks before
// anything is generated. This keeps it honest: the codegen's client of widget.yaml (in-process,
// no tsc) has the same operations and defaults, and sends the same requests.
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '.out', 'widget');

type Resource = Record<string, (...a: unknown[]) => Promise<unknown>>;
let generated: {
  operationInfo: unknown;
  specDefaults: unknown;
  Lightfield: new (o: object) => BaseClient & { widget: Resource };
};

beforeAll(async () => {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const files = await targets['client']!(await loadSpec(testSpec('widget.yaml')));
  await writeOutput(path.join(out, 'generated'), files);
  for (const dir of ['core', 'internal'])
    await symlink(path.resolve(here, '../src', dir), path.join(out, dir), 'dir');
  const dir = path.join(out, 'generated');
  const modules = await Promise.all(
    ['operations.ts', 'spec.ts', 'client.ts'].map(
      (file) => import(path.join(dir, file)) as Promise<object>,
    ),
  );
  generated = Object.assign({}, ...modules) as typeof generated;
}, 60_000);

describe('test/widget/client.ts is the client the codegen makes of widget.yaml', () => {
  test('the same operations and spec defaults', () => {
    expect(widgetOperations).toEqual(generated.operationInfo);
    expect(widgetDefaults).toEqual(generated.specDefaults);
  });

  test.each([
    ['create', [{ fields: { $name: 'A' }, relationships: { $team: 'team_1' } }]],
    ['definitions', []],
    ['list', [{ limit: 5, offset: 10, filter: { $name: { startsWith: 'A' } } }]],
    ['retrieve', ['wid 1']],
    ['update', ['wid_1', { fields: { weight: null } }]],
  ])('%s sends the same request', async (method, args) => {
    const answer = () => json(method === 'list' ? { data: [], totalCount: 0 } : entity());
    const options = { apiKey: 'k', baseUrl: 'http://api.test', rateLimit: false, logLevel: 'off' };
    const ours = fetchClient(answer, options as object);
    const theirs: Request[] = [];
    const made = new generated.Lightfield({ ...options, fetch: recorder(theirs) });
    const methods = (o: object) => Object.getOwnPropertyNames(Object.getPrototypeOf(o)).sort();
    expect(methods(ours.client.widget)).toEqual(methods(made.widget));
    await (ours.client.widget as unknown as Resource)[method]!(...args);
    await made.widget[method]!(...args);
    const [a, b] = [ours.requests[0]!, theirs[0]!];
    expect(a.method).toBe(b.method);
    expect(a.url).toBe(b.url);
    expect(await a.text()).toBe(await b.text());
    const names = (r: Request) => [...r.headers.keys()].sort();
    expect(names(a)).toEqual(names(b));
    expect(a.headers.get('api-version')).toBe(b.headers.get('api-version'));
    expect(ours.client).toBeInstanceOf(WidgetClient);
  });
});

// The generated client's requests, recorded as fetchClient records them.
function recorder(requests: Request[]): typeof fetch {
  return (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    return Promise.resolve(
      json(
        new URL(request.url).pathname === '/v1/widgets' && request.method === 'GET'
          ? { data: [], totalCount: 0 }
          : entity(),
      ),
    );
  };
}
