import type { SpecModel } from '@lightfield/codegen';
import type { GeneratedClient } from '../src/round-trip.js';

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
