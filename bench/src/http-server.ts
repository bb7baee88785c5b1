import { createServer } from 'node:http';

// A minimal node:http JSON server, run in its own process so it does not share the clients' event loop.
const BODY = JSON.stringify({
  id: 'opp_1',
  createdAt: '2026-01-01T00:00:00.000Z',
  fields: { $name: { value: 'Acme', valueType: 'TEXT' } },
  relationships: { $account: { cardinality: 'has_one', objectType: 'account', values: ['acc_1'] } },
});
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(BODY),
    });
    res.end(BODY);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', () => server.close(() => process.exit(0)));
