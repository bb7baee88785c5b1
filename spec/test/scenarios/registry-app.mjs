// The registry test's app (packages/release/e2e/registry-release.e2e.test.ts): a fresh npm project
// runs it against the mock, and the test reads the JSON line it prints.
import { Lightfield, VERSION } from '@lightfield/client';
import { createMockServer } from '@lightfield/fixtures/server';

const mock = await createMockServer({ port: 0 });
try {
  const client = new Lightfield({ apiKey: 'registry-test', baseUrl: mock.url, logLevel: 'off' });
  const account = mock.store.all('opportunity')[0].relationships['$account'].values[0];
  const created = await client.opportunity.create({
    fields: { $name: 'From the registry', $stage: 'Lead' },
    relationships: { $account: account },
  });
  const got = await client.opportunity.retrieve(created.id);
  let listed = false;
  for await (const o of client.opportunity.list({ limit: 25 })) listed ||= o.id === created.id;
  console.log(
    JSON.stringify({
      version: VERSION,
      created: created.id,
      retrieved: got.id,
      name: got.fields.$name?.value,
      listed,
    }),
  );
} finally {
  await mock.close();
}
