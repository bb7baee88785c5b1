import { deepStrictEqual } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { createMockServer } from '@lightfield/fixtures/server';

const bundle = await readFile('dist/app.js', 'utf8');
if (/from\s*['"](node:|@lightfield|openapi-fetch)/.test(bundle)) {
  throw new Error('the bundle left an import unbundled');
}
const { run } = await import('./dist/app.js');
const mock = await createMockServer({ port: 0 });
try {
  const calls = await run(mock.url);
  deepStrictEqual(calls, ['create', 'retrieve', 'list', 'not-found']);
  console.log(JSON.stringify({ calls }));
} finally {
  await mock.close();
}
