const assert = require('node:assert');
const { Lightfield } = require('@lightfield/client');
const { createRawClient } = require('@lightfield/client/raw');
const { createMockServer } = require('@lightfield/fixtures/server');
const { scenario, makeEntity } = require('./scenario.cjs');

const ENTRIES = [
  '@lightfield/client',
  '@lightfield/client/raw',
  '@lightfield/fixtures',
  '@lightfield/fixtures/server',
  '@lightfield/types',
];

async function main() {
  // require() gets the CommonJS build, not Node's require(esm).
  for (const id of ENTRIES) assert.match(require.resolve(id), /\.cjs$/, id);
  const mock = await createMockServer({ port: 0 });
  try {
    const client = new Lightfield({ apiKey: 'consumer', baseUrl: mock.url, logLevel: 'off' });
    const calls = await scenario(client);
    calls.push(makeEntity().id ? 'factory' : 'factory-empty');
    calls.push(typeof createRawClient(client).GET === 'function' ? 'raw' : 'raw-missing');
    assert.deepStrictEqual(calls, ['create', 'retrieve', 'list', 'not-found', 'factory', 'raw']);
    console.log(JSON.stringify({ calls }));
  } finally {
    await mock.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
