import { createServer } from 'node:http';
import { ENTITY } from './entity.js';

// A minimal node:http JSON server, run in its own process so it does not share the clients' event
// loop. It answers every request with one fixed body; the parent can swap the body (and status).
let body = ENTITY;
let status = 200;

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (m: 'stop' | { body: string; status: number }) => {
  if (m === 'stop') return server.close(() => process.exit(0));
  ({ body, status } = m);
  process.send?.('ok');
});
