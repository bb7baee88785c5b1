import { createServer } from 'node:http';
import { ENTITY } from './entity.js';

// A minimal node:http JSON server, run in its own process so it does not share the clients' event loop.

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(ENTITY),
    });
    res.end(ENTITY);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', () => server.close(() => process.exit(0)));
