import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientOptions } from '../src/index.js';
import { WidgetClient } from './widget/client.js';

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
      $maker: { cardinality: 'has_one', objectType: 'maker', values: ['mk_1'] },
    },
  };
}

/** A client whose `fetch` is `handler`, recording every request it sends. */
export function fetchClient(
  handler: (request: Request, n: number) => Response | Promise<Response>,
  options: ClientOptions = {},
): { client: WidgetClient; requests: Request[] } {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request.clone());
    return handler(request, requests.length);
  };
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

/** A request as the loopback server saw it. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP server on 127.0.0.1 for timing and connection faults. */
export async function loopback(
  handler: (req: Seen, res: ServerResponse, n: number) => unknown,
): Promise<{ url: string; seen: Seen[]; close: () => Promise<void>; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(entry);
      void handler(entry, res, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON body from the loopback server. */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}
