import type { ClientOptions } from '../src/index.js';
import { WidgetClient } from './widget/client.js';

import { recordingFetch } from '@lightfield/testkit/recording-fetch';

export { loopback, send, type Seen } from '@lightfield/testkit/loopback';

/** A recognisable key: tests search every output for it. */
export const API_KEY = 'lf_test_SECRET_9f8e7d6c5b4a';

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** An entity as the API returns it. */
export function entity(id = 'wid_1', name = 'Acme'): Record<string, unknown> {
  return {
    id,
    createdAt: '2026-01-01T00:00:00.000Z',
    fields: { $name: { value: name, valueType: 'TEXT' } },
    relationships: {
      $team: { cardinality: 'has_one', objectType: 'team', values: ['team_1'] },
    },
  };
}

/** A client whose `fetch` is `handler`, recording every request it sends. */
export function fetchClient(
  handler: (request: Request, n: number) => Response | Promise<Response>,
  options: ClientOptions = {},
): { client: WidgetClient; requests: Request[] } {
  const { fetch, requests } = recordingFetch(handler);
  const client = new WidgetClient({
    apiKey: API_KEY,
    baseUrl: 'http://api.test',
    fetch,
    rateLimit: false,
    logLevel: 'off',
    ...options,
  });
  return { client, requests };
}
