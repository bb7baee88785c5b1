import { deepStrictEqual } from 'node:assert';
import { Lightfield } from '@lightfield/client';
import { createMockServer } from '@lightfield/fixtures/server';
import { makeEntity } from './factory.js';
import { scenario } from './scenario.js';

async function main(): Promise<void> {
  const mock = await createMockServer({ port: 0 });
  try {
    const client = new Lightfield({ apiKey: 'consumer', baseUrl: mock.url, logLevel: 'off' });
    const calls = [...(await scenario(client)), makeEntity().id ? 'factory' : 'factory-empty'];
    deepStrictEqual(calls, ['create', 'retrieve', 'list', 'not-found', 'factory']);
    console.log(JSON.stringify({ calls }));
  } finally {
    await mock.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
