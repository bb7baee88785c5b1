// "Your code": a small module that uses the client, which the tests in test/ show how to test.
import { NotFoundError, type Lightfield } from '@lightfield/client';
import type { Opportunity } from '@lightfield/types';

/** The summed `amount` of every opportunity whose name starts with `prefix`. */
export async function pipelineTotal(client: Lightfield, prefix: string): Promise<number> {
  let total = 0;
  for await (const opp of client.opportunity.list({ filter: { $name: { startsWith: prefix } } })) {
    const amount = opp.fields['amount']?.value;
    if (typeof amount === 'number') total += amount;
  }
  return total;
}

/** The opportunity, or `null` when it does not exist (any other error is thrown). */
export async function findOpportunity(client: Lightfield, id: string): Promise<Opportunity | null> {
  try {
    return await client.opportunity.retrieve(id);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
