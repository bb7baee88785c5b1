import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { loopback, send } from '@lightfield/testkit/loopback';

// The published ESM and CommonJS builds are two copies of every class. An app can load both (an
// ESM app whose CommonJS dependency uses the client), so `instanceof` must hold across them.
// Both come from the built package, as an app resolves it.
type Client = typeof import('@lightfield/client');
const esm = await import('@lightfield/client');
const require = createRequire(import.meta.url);
const cjs = require('@lightfield/client') as Client;
const cjsRaw = require('@lightfield/client/raw') as typeof import('@lightfield/client/raw');

const errorClasses = Object.entries(esm).filter(
  ([, value]) =>
    typeof value === 'function' &&
    (value === esm.LightfieldError || value.prototype instanceof esm.LightfieldError),
) as [string, Client['LightfieldError']][];

describe('errors across the ESM and CommonJS builds', () => {
  test('the two builds are distinct copies', () => {
    expect(cjs.NotFoundError).not.toBe(esm.NotFoundError);
    expect(errorClasses.length).toBeGreaterThanOrEqual(15);
  });

  test('an error thrown by the CommonJS client is an instance of the ESM classes', async () => {
    const server = await loopback((_req, res) =>
      send(res, 404, { error: { type: 'not_found', message: 'No such opportunity' } }),
    );
    try {
      const client = new cjs.Lightfield({
        apiKey: 'k',
        baseUrl: server.url,
        logLevel: 'off',
        maxRetries: 0,
      });
      const error = await client.opportunity.retrieve('opp_x').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(cjs.NotFoundError);
      expect(error instanceof esm.NotFoundError).toBe(true);
      expect(error instanceof esm.APIError).toBe(true);
      expect(error instanceof esm.LightfieldError).toBe(true);
      expect(error instanceof esm.RateLimitError).toBe(false);
      expect(error instanceof esm.APIConnectionError).toBe(false);
    } finally {
      await server.close();
    }
  });

  test.each(errorClasses)('%s matches across builds both ways, and only its own kind', (name) => {
    const Esm = esm[name as keyof Client] as Client['LightfieldError'];
    const Cjs = cjs[name as keyof Client] as Client['LightfieldError'];
    const make = (Class: Client['LightfieldError']) =>
      Object.create(Class.prototype) as InstanceType<Client['LightfieldError']>;
    expect(make(Cjs) instanceof Esm).toBe(true);
    expect(make(Esm) instanceof Cjs).toBe(true);
    expect(make(Cjs) instanceof esm.LightfieldError).toBe(true);
    for (const [other, Other] of errorClasses) {
      const related = Object.create(Esm.prototype) instanceof Other;
      expect(make(Cjs) instanceof Other, `${name} instanceof ${other}`).toBe(related);
    }
  });

  test('plain errors and a user subclass do not match', () => {
    class MyError extends cjs.APIError {}
    expect(new Error('x') instanceof esm.LightfieldError).toBe(false);
    expect((null as unknown) instanceof esm.LightfieldError).toBe(false);
    expect(new cjs.NotFoundError(404, {}, new Headers()) instanceof MyError).toBe(false);
    expect(new MyError(400, {}, new Headers()) instanceof esm.APIError).toBe(true);
  });
});

// openapi-fetch is CommonJS to the CommonJS build, whose default import is then its `exports`.
test('the raw client of the CommonJS build sends requests', async () => {
  const server = await loopback((_req, res) => send(res, 200, { id: 'opp_1' }));
  try {
    const client = new cjs.Lightfield({ apiKey: 'k', baseUrl: server.url, logLevel: 'off' });
    const raw = cjsRaw.createRawClient(client);
    const { data } = await raw.GET('/v1/opportunities/{id}', {
      params: { path: { id: 'opp_1' }, header: { 'Lightfield-Version': '2026-03-01' } },
    });
    expect(data).toEqual({ id: 'opp_1' });
    expect(server.seen[0]?.url).toBe('/v1/opportunities/opp_1');
  } finally {
    await server.close();
  }
});
