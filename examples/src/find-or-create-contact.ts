// Find a contact by email, or create one, then add it to a list of contacts. A filter finds the
// contact in one request; a list's members go under the one relationship key that matches its
// `$objectType` (`$contacts` here), so the contact goes to a list whose `$objectType` is contact.
import { makeClient } from './shared.js';

const client = makeClient();
const email = process.argv[2] ?? 'grace@acme.example';

const found = await client.contact.list({ limit: 1, filter: { $email: { contains: email } } });
const contact =
  found.data[0] ??
  (await client.contact.create({
    fields: { $name: { firstName: 'Grace', lastName: 'Hopper' }, $email: [email] },
    relationships: { $account: 'acc_123' },
  }));
console.log(`${found.data[0] ? 'found' : 'created'} ${contact.id}`);

// The list given on the command line, else the first list of contacts, else a new one.
let listId = process.argv[3];
if (!listId)
  for await (const list of client.list.list())
    if (list.fields.$objectType?.value === 'contact') {
      listId = list.id;
      break;
    }
const list = listId
  ? await client.list.update(listId, { relationships: { $contacts: { add: [contact.id] } } })
  : await client.list.create({
      fields: { $name: 'Prospects', $objectType: 'contact' },
      relationships: { $contacts: [contact.id] },
    });
const members = await client.list.listContacts(list.id, { limit: 1 });
console.log(`added to ${list.id}: ${members.totalCount} contacts`);
