// Page through a list's members. Iterating a list call's promise fetches page after page (25
// items each at most) until every member has been seen; `limit` sets the page size.
import { makeClient } from './shared.js';

const client = makeClient();
const listId = process.argv[2] ?? 'list_123';

let members = 0;
for await (const account of client.list.listAccounts(listId, { limit: 10 })) {
  members++;
  if (members <= 3) console.log(`member ${account.id}`);
}
console.log(`members ${members}`);

// One page at a time, for a UI with a "next" button:
const first = await client.list.listAccounts(listId, { limit: 10 });
console.log(`first page ${first.data.length} of ${first.totalCount}`);
