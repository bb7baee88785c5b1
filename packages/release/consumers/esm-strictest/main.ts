import { deepStrictEqual } from 'node:assert';
import { createRequire } from 'node:module';
import { Lightfield, LightfieldError, NotFoundError } from '@lightfield/client';
import type * as Client from '@lightfield/client';
import { createRawClient } from '@lightfield/client/raw';
import { createHandlers } from '@lightfield/fixtures/msw';
import { createMockServer } from '@lightfield/fixtures/server';
import { makeEntity } from './factory.js';
import { missing, scenario } from './scenario.js';

// The client's CommonJS build beside its ESM build: an app gets both when a CommonJS dependency
// of it uses the client too.
const cjs = createRequire(import.meta.url)('@lightfield/client') as typeof Client;

const mock = await createMockServer({ port: 0 });
try {
  const client = new Lightfield({ apiKey: 'consumer', baseUrl: mock.url, logLevel: 'off' });
  const calls = await scenario(client);
  calls.push(makeEntity().id ? 'factory' : 'factory-empty');
  const cjsClient = new cjs.Lightfield({ apiKey: 'consumer', baseUrl: mock.url, logLevel: 'off' });
  const e = await missing(cjsClient);
  const hazard =
    cjs.NotFoundError !== NotFoundError &&
    e instanceof NotFoundError &&
    e instanceof LightfieldError;
  calls.push(hazard ? 'cjs-error-is-esm-instance' : 'hazard');
  calls.push(typeof createRawClient(client).GET === 'function' ? 'raw' : 'raw-missing');
  calls.push(createHandlers().length > 0 ? 'msw-handlers' : 'msw-empty');
  deepStrictEqual(calls, [
    ...['create', 'retrieve', 'list', 'not-found', 'factory'],
    ...['cjs-error-is-esm-instance', 'raw', 'msw-handlers'],
  ]);
  console.log(JSON.stringify({ calls }));
} finally {
  await mock.close();
}
