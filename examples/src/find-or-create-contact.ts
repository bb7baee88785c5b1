// Find a contact by email, or create one, then add it to a list. A filter finds the contact in
// one request; a list's members go under the one relationship key that matches its `$objectType`.
import { makeClient } from './shared.js';

const client = makeClient();
const email = process.argv[2] ?? 'grace@acme.example';
const listId = process.argv[3] ?? 'list_123';

const found = await client.contact.list({ limit: 1, filter: { $email: { contains: email } } });
const contact =
  found.data[0] ??
  (await client.contact.create({
    fields: { $name: { firstName: 'Grace', lastName: 'Hopper' }, $email: [email] },
    relationships: { $account: 'acc_123' },
  }));
console.log(`${found.data[0] ? 'found' : 'created'} ${contact.id}`);

const list = await client.list.update(listId, {
  relationships: { $contacts: { add: [contact.id] } },
});
console.log(`added to ${list.id}`);
