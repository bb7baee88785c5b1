// The soak's traffic (packages/fixtures/scripts/soak.mjs): the calls it mixes name today's spec,
// so they live here and the soak script stays generic.

/** @typedef {import('@lightfield/client').Lightfield} Lightfield */
/** @typedef {import('@lightfield/fixtures/server').MockServer['store']} Store */
/** @typedef {{ account: string, ids: string[] }} Seed */

/** The resource whose stored entities the soak counts. */
export const RESOURCE = 'opportunity';

/**
 * What the traffic needs from the seeded mock: an account to link to and the ids to read.
 * @param {Store} store
 * @returns {Seed}
 */
export function seedOf(store) {
  return {
    account: store.all(RESOURCE)[0].relationships.$account.values[0],
    ids: store.all(RESOURCE).map((o) => o.id),
  };
}

/**
 * Call `i` of the mix: list with a filter, retrieve, create, update or definitions.
 * @param {Lightfield} client
 * @param {number} i
 * @param {Seed} seed
 */
export async function call(client, i, { account, ids }) {
  const pick = i % 10;
  if (pick < 3) {
    const seen = [];
    for await (const opportunity of client.opportunity.list({
      limit: 25,
      filter: { amount: { greaterThan: 1000 } },
    }))
      if (seen.push(opportunity.id) >= 30) break;
  } else if (pick < 6) await client.opportunity.retrieve(ids[i % ids.length]);
  else if (pick < 8)
    await client.opportunity.create({
      fields: { $name: `soak ${i}`, $stage: 'Lead' },
      relationships: { $account: account },
    });
  else if (pick < 9)
    await client.opportunity.update(ids[i % ids.length], { fields: { amount: i } });
  else await client.opportunity.definitions();
}
