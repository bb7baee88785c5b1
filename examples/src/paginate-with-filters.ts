// Walk every page of a filtered list, or take one page at a time.
import { makeClient } from './shared.js';

const client = makeClient();

// Async iteration fetches the next page only when it needs it.
let matches = 0;
for await (const opp of client.opportunity.list({
  limit: 10,
  filter: {
    amount: { greaterThan: 50_000 }, // sent as amount[greaterThan]=50000
    $name: { not: { startsWith: 'Zz' } }, // negated: $name[-startsWith]=Zz
  },
})) {
  matches += 1;
  if (matches <= 3) console.log(`${opp.id} ${JSON.stringify(opp.fields['amount']?.value)}`);
}
console.log(`matches ${matches}`);

// Or page by page, with the total the API reports.
let page = await client.opportunity.list({ limit: 25 });
let pages = 1;
while (page.hasNextPage()) {
  page = await page.getNextPage();
  pages += 1;
}
console.log(`pages ${pages} of ${page.totalCount} opportunities`);
