// Create an opportunity, change it, and read it back.
import { makeClient, someAccountId } from './shared.js';

const client = makeClient();
const account = await someAccountId(client);

const created = await client.opportunity.create({
  fields: { $name: 'Acme renewal', $stage: 'Lead', amount: 25_000 },
  relationships: { $account: account },
});
console.log(`created ${created.id}`);

await client.opportunity.update(created.id, {
  fields: { $stage: 'Qualified', amount: null }, // null clears a field
});

const again = await client.opportunity.retrieve(created.id);
console.log(`stage ${JSON.stringify(again.fields['$stage']?.value)}`);
console.log(
  `amount cleared: ${again.fields['amount'] === undefined || again.fields['amount'].value === null}`,
);
