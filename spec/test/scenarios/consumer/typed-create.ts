import type { Lightfield } from '@lightfield/client';
import type { MyOrg } from './org.js';

/** A create checked against the organization's fields. */
export function createTyped(client: Lightfield<MyOrg>, account: string) {
  void client.opportunity.create({
    // @ts-expect-error a misspelt field does not compile
    fields: { $name: 'Typed', $stage: 'Lead', amuont: 5 },
    relationships: { $account: account },
  });
  void client.opportunity.create({
    // @ts-expect-error amount is a CURRENCY: a number
    fields: { $name: 'Typed', $stage: 'Lead', amount: 'abc' },
    relationships: { $account: account },
  });
  void client.opportunity.create({
    fields: { $name: 'Typed', $stage: 'Lead' },
    // @ts-expect-error $task is read-only
    relationships: { $account: account, $task: 'task_1' },
  });
  return client.opportunity.create({
    fields: { $name: 'Typed', $stage: 'opt_lead', amount: 5 },
    relationships: { $account: account },
  });
}
