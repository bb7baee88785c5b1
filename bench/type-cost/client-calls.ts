// Every operation through @lightfield/client: the type-check cost a consumer pays.
import { Lightfield } from '@lightfield/client';

const client = new Lightfield({ apiKey: 'k' });

export async function everyCall() {
  const definitions = await client.opportunity.definitions();
  const created = await client.opportunity.create({
    fields: { $name: 'Acme', $stage: 'Lead', amount: 1000 },
    relationships: { $account: 'acc_1' },
  });
  const retrieved = await client.opportunity.retrieve(created.id);
  const updated = await client.opportunity.update(retrieved.id, {
    fields: { amount: null },
    relationships: { $owner: { replace: 'mem_1' } },
  });
  const page = await client.opportunity.list({ limit: 25, offset: 0 });
  return [definitions.objectType, updated.id, page.totalCount] as const;
}

/**
 * Never run. A wrong call must be an error, or the types measured above are `any` and cost
 * nothing: tsc then reports this directive unused (TS2578), which the budget test refuses.
 */
export function wrongCall() {
  // @ts-expect-error an id is a string
  return client.opportunity.retrieve(42);
}
