import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the loopback server saw it. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A running {@link loopback} server. */
export interface Loopback {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Every request so far, in order. */
  seen: Seen[];
  /** Ends open connections and stops the server. */
  close: () => Promise<void>;
  server: Server;
}

/**
 * A real HTTP server on 127.0.0.1 (an ephemeral port) that records each request, body read, and
 * answers it with `handler`; `n` counts the requests from 1.
 */
export async function loopback(
  handler: (req: Seen, res: ServerResponse, n: number) => unknown,
): Promise<Loopback> {
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

/** Answers with a body: JSON unless it is a string already, typed `application/json`. */
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
