import { Lightfield, NotFoundError } from '@lightfield/client';
import type { Opportunity, OpportunityCreateParams } from '@lightfield/types';

/** A call the mock answers with a 404, and what it threw. */
export function missing(client: Lightfield): Promise<unknown> {
  return client.opportunity.retrieve('opp_missing').catch((e: unknown) => e);
}

/** Create → retrieve → list → a 404, against whatever mock `client` points at. */
export async function scenario(client: Lightfield): Promise<string[]> {
  const calls: string[] = [];
  let account: string | undefined;
  for await (const o of client.opportunity.list({ limit: 1 })) {
    account = o.relationships['$account']?.values[0];
    break;
  }
  if (!account) throw new Error('the mock has no opportunity with an account');
  const body: OpportunityCreateParams = {
    fields: { $name: 'Consumer', $stage: 'Lead' },
    relationships: { $account: account },
  };
  const created: Opportunity = await client.opportunity.create(body);
  calls.push('create');
  const got = await client.opportunity.retrieve(created.id);
  calls.push(got.id === created.id ? 'retrieve' : 'retrieve-mismatch');
  let found = false;
  for await (const o of client.opportunity.list({ limit: 25 }))
    if (o.id === created.id) found = true;
  calls.push(found ? 'list' : 'list-missing');
  const error = await missing(client);
  calls.push(error instanceof NotFoundError ? 'not-found' : 'wrong-error');
  return calls;
}
