import { recordingFetch } from '@lightfield/testkit/recording-fetch';
import { describe, expect, test } from 'vitest';
import { InvalidArgumentError, withRateLimit, type ClientOptions } from '../src/index.js';
import type { BaseClient } from '../src/internal/base-client.js';
import * as clientModule from './generated/two-resources/client/src/generated/client.js';
import * as operationsModule from './generated/two-resources/client/src/generated/operations.js';
import { specDefaults } from './generated/two-resources/client/src/generated/spec.js';
import { entity, fetchClient, json } from './helpers.js';
import { WidgetClient, widgetDefaults, widgetOperations } from './widget/client.js';

// The runtime tests call test/widget/client.ts, written by hand: a small client over the runtime
// with loose types. This keeps it honest: the codegen's client of widget.yaml (its `widget` in
// test/generated/two-resources, committed and drift-checked) has the same operations and
// defaults, and sends the same requests.
type Resource = Record<string, (...a: unknown[]) => Promise<unknown>>;
type Call = (client: BaseClient, ...a: unknown[]) => Promise<unknown>;
const generated = clientModule as unknown as {
  Lightfield: new (o: object) => BaseClient & { widget: Resource };
  LightfieldClient: new (o: object) => BaseClient;
} & Record<string, Call>;

// A call of each operation, and the options of the clients that make it.
const CALLS: [string, unknown[]][] = [
  ['create', [{ fields: { $name: 'A' }, relationships: { $team: 'team_1' } }]],
  ['definitions', []],
  ['list', [{ limit: 5, offset: 10, filter: { $name: { startsWith: 'A' } } }]],
  ['retrieve', ['wid 1']],
  ['update', ['wid_1', { fields: { weight: null } }]],
];
const OPTIONS = { apiKey: 'k', baseUrl: 'http://api.test', rateLimit: false, logLevel: 'off' };

describe('test/widget/client.ts is the client the codegen makes of widget.yaml', () => {
  test('the same operations and spec defaults', () => {
    const widget = Object.entries(operationsModule).filter(([id]) => id.startsWith('widget'));
    expect(widgetOperations).toEqual(Object.fromEntries(widget));
    expect(widgetDefaults).toEqual(specDefaults);
  });

  test.each(CALLS)('%s sends the same request', async (method, args) => {
    const answer = () => json(method === 'list' ? { data: [], totalCount: 0 } : entity());
    const ours = fetchClient(answer, OPTIONS as object);
    const theirs = recorder();
    const made = new generated.Lightfield({ ...OPTIONS, fetch: theirs.fetch });
    const methods = (o: object) => Object.getOwnPropertyNames(Object.getPrototypeOf(o)).sort();
    expect(methods(ours.client.widget)).toEqual(methods(made.widget));
    await (ours.client.widget as unknown as Resource)[method]!(...args);
    await made.widget[method]!(...args);
    const [a, b] = [ours.requests[0]!, theirs.requests[0]!];
    expect(a.method).toBe(b.method);
    expect(a.url).toBe(b.url);
    expect(await a.text()).toBe(await b.text());
    const names = (r: Request) => [...r.headers.keys()].sort();
    expect(names(a)).toEqual(names(b));
    expect(a.headers.get('api-version')).toBe(b.headers.get('api-version'));
    expect(ours.client).toBeInstanceOf(WidgetClient);
  });

  test.each(CALLS)('the function of %s sends what the method sends', async (method, args) => {
    const byMethod = recorder();
    const byFunction = recorder();
    const full = new generated.Lightfield({ ...OPTIONS, fetch: byMethod.fetch });
    const bare = new generated.LightfieldClient({ ...OPTIONS, fetch: byFunction.fetch });
    await full.widget[method]!(...args);
    await generated[`widget${method.charAt(0).toUpperCase()}${method.slice(1)}`]!(bare, ...args);
    const [a, b] = [byMethod.requests[0]!, byFunction.requests[0]!];
    expect([b.method, b.url, await b.text()]).toEqual([a.method, a.url, await a.text()]);
    expect(b.headers.get('authorization')).toBe('Bearer k');
  });

  test('a function given anything but a client rejects before sending', async () => {
    await expect(generated['widgetRetrieve']!({} as BaseClient, 'wid_1')).rejects.toThrow(
      'widget.retrieve needs a client made by this package',
    );
  });
});

// `LightfieldClient` leaves the client-side rate limiter out, so a one-call app does not bundle
// it; `Lightfield` has it on, and `withRateLimit` turns it on for `LightfieldClient`.
describe('the rate limiter is on for Lightfield and opt-in for LightfieldClient', () => {
  // A response that says no requests are left: a client with the limiter pauses and warns.
  const paused = () => json(entity(), 200, { 'x-ratelimit-remaining': '0', 'retry-after': '1' });
  const warnings = async (make: (options: ClientOptions) => BaseClient) => {
    const lines: string[] = [];
    const logger = { ...console, warn: (line: string) => lines.push(line) };
    const { fetch } = recordingFetch(paused);
    const client = make({ ...OPTIONS, rateLimit: undefined, logLevel: 'warn', logger, fetch });
    await generated['widgetRetrieve']!(client, 'wid_1');
    return lines;
  };

  test.each([
    ['Lightfield', (o: ClientOptions) => new generated.Lightfield(o), true],
    ['LightfieldClient', (o: ClientOptions) => new generated.LightfieldClient(o), false],
    [
      'LightfieldClient with withRateLimit',
      (o: ClientOptions) => new generated.LightfieldClient(withRateLimit(o)),
      true,
    ],
    [
      'LightfieldClient with withRateLimit, after withOptions',
      (o: ClientOptions) =>
        new generated.LightfieldClient(withRateLimit(o)).withOptions({ rateLimit: true }),
      true,
    ],
  ])('%s', async (_, make, limited) => {
    const lines = await warnings(make);
    expect(lines).toEqual(limited ? [expect.stringMatching(/^Read requests paused for/)] : []);
  });

  test.each([
    ['true', true],
    ['{ requestsPerSecond }', { requestsPerSecond: 5 }],
  ])('LightfieldClient refuses rateLimit %s without withRateLimit', (_, rateLimit) => {
    const make = () => new generated.LightfieldClient({ ...OPTIONS, rateLimit });
    expect(make).toThrow(InvalidArgumentError);
    expect(make).toThrow('`rateLimit` needs `withRateLimit(options)`');
    expect(() => new generated.LightfieldClient({ ...OPTIONS, rateLimit: false })).not.toThrow();
  });
});

// The generated client's requests, recorded as fetchClient records them.
const recorder = () =>
  recordingFetch((request) =>
    json(
      new URL(request.url).pathname === '/v1/widgets' && request.method === 'GET'
        ? { data: [], totalCount: 0 }
        : entity(),
    ),
  );

// `LightfieldClient` leaves the edit distance behind "did you mean" out, so a one-call app does
// not bundle it: a misspelt option's error lists the known options instead. `Lightfield` has it.
describe('"did you mean" is on for Lightfield; LightfieldClient lists the known options', () => {
  const lightfield = (o: object) => new generated.Lightfield({ ...OPTIONS, ...o });
  const bare = (o: object) => new generated.LightfieldClient({ ...OPTIONS, ...o });
  const limited = (o: object) =>
    new generated.LightfieldClient(withRateLimit({ ...OPTIONS, ...o } as ClientOptions));
  const known = /; known options: apiKey, baseUrl, maxRetries, timeout, /;
  const timeout = /Unknown client option `timout`; did you mean `timeout`\?/;
  const perSecond = /did you mean `requestsPerSecond`\?/;
  const onlyPerSecond =
    /Unknown rateLimit option `requestPerSecond`; known options: requestsPerSecond$/;

  test.each([
    ['a typo, Lightfield', { given: () => lightfield({ timout: 5 }), want: timeout }],
    ['a typo, LightfieldClient', { given: () => bare({ timout: 5 }), want: known }],
    [
      'a case slip, LightfieldClient',
      { given: () => bare({ timeOut: 5 }), want: /did you mean `timeout`\?/ },
    ],
    [
      'a rateLimit typo, Lightfield',
      { given: () => lightfield({ rateLimit: { requestPerSecond: 5 } }), want: perSecond },
    ],
    [
      'a rateLimit typo, LightfieldClient with withRateLimit',
      { given: () => limited({ rateLimit: { requestPerSecond: 5 } }), want: onlyPerSecond },
    ],
  ])('client options: %s', (_, t) => {
    expect(t.given).toThrow(InvalidArgumentError);
    expect(t.given).toThrow(t.want);
  });

  test.each([
    ['Lightfield', { make: lightfield, want: /`timout`; did you mean `timeout`\?/ }],
    [
      'Lightfield after withOptions',
      { make: (o: object) => lightfield(o).withOptions({}), want: /did you mean `timeout`\?/ },
    ],
    [
      'LightfieldClient',
      { make: bare, want: /Unknown request option `timout`; known options: timeout, / },
    ],
  ])('request options: %s', async (_, t) => {
    const { fetch, requests } = recordingFetch(() => json(entity()));
    const client = t.make({ fetch });
    const call = generated['widgetRetrieve']!(client, 'wid_1', { timout: 5 });
    await expect(call).rejects.toThrow(t.want);
    expect(requests).toHaveLength(0);
  });
});
