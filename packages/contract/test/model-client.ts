import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSpec, type SpecModel } from '@lightfield/codegen';
import { roundTrip, type GeneratedClient } from '../src/round-trip.js';
import { tempDir } from '@lightfield/testkit';

/**
 * A client class of the model's operations, called as the generated one is:
 * `client[resource][method](...pathParams, options)`. It sends each operation's method to its
 * path, follows no redirect, throws `status N` on anything but a 2xx and answers the body (parsed
 * when it is JSON).
 */
export function clientOf(model: SpecModel) {
  return class {
    constructor(options: Record<string, unknown>) {
      const send = options['fetch'] as typeof fetch;
      const client: GeneratedClient = {};
      for (const op of model.operations)
        (client[op.resource] ??= {})[op.method] = async (...args: unknown[]) => {
          let i = 0;
          const url = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(String(args[i++])));
          const method = op.httpMethod.toUpperCase();
          const res = await send(`${String(options['baseUrl'])}${url}`, {
            method,
            redirect: 'manual',
          });
          if (!res.ok) throw new Error(`status ${res.status}`);
          const text = await res.text();
          return res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
        };
      return client;
    }
  };
}

/** The model of a spec made up in a test, loaded from a file as a team's spec would be. */
export async function loadDocument(document: object): Promise<SpecModel> {
  const dir = await tempDir('contract-spec-');
  try {
    const file = path.join(dir, 'spec.json');
    await writeFile(file, JSON.stringify(document));
    return await loadSpec(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The round-trip report of `model`, called through {@link clientOf}, against `baseUrl`. */
export function roundTripOf(model: SpecModel, baseUrl: string) {
  return roundTrip({ model, Client: clientOf(model), baseUrl, apiKey: 'k' });
}
