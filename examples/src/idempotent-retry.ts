// Retry a create safely with your own Idempotency-Key: the API runs it once, whatever happens
// to the connection, and a repeat returns the first response.
import { randomUUID } from 'node:crypto';
import { makeClient, someAccountId } from './shared.js';

// Retries on dropped connections and 5xx reuse the key; allow a few for a flaky network.
const client = makeClient({ maxRetries: 5 });
const account = await someAccountId(client);

// Derive the key from your own record (an import row, a job id) so that a rerun of the whole
// job reuses it too. Keys are kept for 24 hours, at most 255 characters.
const name = `Import ${randomUUID()}`;
const key = `import-${name}`;
const body = { fields: { $name: name, $stage: 'Lead' }, relationships: { $account: account } };

const first = await client.opportunity.create(body, { idempotencyKey: key });
// Your process crashed before it saved first.id? Send the same request with the same key:
const second = await client.opportunity.create(body, { idempotencyKey: key });
console.log(`same opportunity: ${first.id === second.id}`);

let copies = 0;
for await (const opp of client.opportunity.list({ filter: { $name: { equal: name } } })) {
  if (opp.fields['$name']?.value === name) copies += 1;
}
console.log(`copies created: ${copies}`);
