import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 that answers with `handler`, recording each request's URL. */
export async function loopback(
  handler: (req: { url: string }, res: ServerResponse) => unknown,
): Promise<{ url: string; seen: { url: string }[]; close: () => Promise<void> }> {
  const seen: { url: string }[] = [];
  const server = createServer((req, res) => {
    const entry = { url: req.url ?? '' };
    seen.push(entry);
    req.resume().on('end', () => void handler(entry, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON body. */
export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
