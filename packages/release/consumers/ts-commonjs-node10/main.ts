import assert from 'node:assert';
import { Lightfield } from '@lightfield/client';
import { createRawClient } from '@lightfield/client/raw';
import { createHandlers } from '@lightfield/fixtures/msw';
import { createMockServer } from '@lightfield/fixtures/server';
import { makeEntity } from './factory';
import { scenario } from './scenario';

/** The subpaths `/raw`, `/msw` and `/server`, each typed through `typesVersions`. */
async function run(baseUrl: string): Promise<string[]> {
  const client = new Lightfield({ apiKey: 'consumer', baseUrl, logLevel: 'off' });
  const calls = await scenario(client);
  calls.push(makeEntity().id ? 'factory' : 'factory-empty');
  calls.push(typeof createRawClient(client).GET === 'function' ? 'raw' : 'raw-missing');
  calls.push(createHandlers().length > 0 ? 'msw-handlers' : 'msw-empty');
  return calls;
}

createMockServer({ port: 0 })
  .then(async (mock) => {
    const calls = await run(mock.url).finally(() => mock.close());
    assert.deepStrictEqual(calls, [
      ...['create', 'retrieve', 'list', 'not-found'],
      ...['factory', 'raw', 'msw-handlers'],
    ]);
    console.log(JSON.stringify({ calls }));
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
