import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSpec } from '@lightfield/codegen';
import { roundTrip, type RoundTripReport } from './round-trip.js';

/** A module's export, imported from a path or a package name. */
async function importFrom(specifier: string): Promise<Record<string, unknown>> {
  const url = /^[./]/.test(specifier) ? pathToFileURL(path.resolve(specifier)).href : specifier;
  return (await import(url)) as Record<string, unknown>;
}

/** What {@link roundTripSpec} runs: a spec, a client module, and a server or a mock module. */
export interface RoundTripArgs {
  spec: string;
  baseUrl?: string | undefined;
  client: string;
  mock: string;
  apiKey?: string | undefined;
}

/**
 * Round-trips a spec: through the client module's `Lightfield` class, to `baseUrl` or to the mock
 * module's `createMockServer` on 127.0.0.1.
 */
export async function roundTripSpec(args: RoundTripArgs): Promise<RoundTripReport> {
  const model = await loadSpec(args.spec);
  const { Lightfield } = await importFrom(args.client);
  if (typeof Lightfield !== 'function')
    throw new Error(`${args.client} exports no Lightfield client`);
  const Client = Lightfield as new (o: Record<string, unknown>) => unknown;
  if (args.baseUrl) {
    return roundTrip({
      model,
      Client,
      baseUrl: args.baseUrl,
      apiKey: args.apiKey ?? 'contract-test-key',
      maxRetries: 2,
    });
  }
  const { createMockServer } = await importFrom(args.mock);
  const mock = await (
    createMockServer as (o: object) => Promise<{ url: string; close(): Promise<void> }>
  )({ rateLimit: false, host: '127.0.0.1' });
  try {
    return await roundTrip({ model, Client, baseUrl: mock.url, apiKey: 'contract-test-key' });
  } finally {
    await mock.close();
  }
}
