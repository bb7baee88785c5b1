// The CommonJS consumer's scenario: the same calls as `scenario.ts`, in plain JavaScript loaded
// with require().
/* eslint-disable @typescript-eslint/no-require-imports -- the point: a CommonJS consumer */
const { LightfieldError, NotFoundError } = require('@lightfield/client');
const { makeOpportunity } = require('@lightfield/fixtures');

/**
 * Create → retrieve → list → a 404 that is also a LightfieldError.
 * @param {import('@lightfield/client').Lightfield} client
 */
async function scenario(client) {
  const calls = [];
  let account;
  for await (const o of client.opportunity.list({ limit: 1 })) {
    account = o.relationships.$account.values[0];
    break;
  }
  const created = await client.opportunity.create({
    fields: { $name: 'Consumer', $stage: 'Lead' },
    relationships: { $account: account },
  });
  calls.push('create');
  calls.push(
    (await client.opportunity.retrieve(created.id)).id === created.id
      ? 'retrieve'
      : 'retrieve-mismatch',
  );
  let found = false;
  for await (const o of client.opportunity.list({ limit: 25 }))
    if (o.id === created.id) found = true;
  calls.push(found ? 'list' : 'list-missing');
  const e = await client.opportunity.retrieve('opp_missing').catch((x) => x);
  calls.push(
    e instanceof NotFoundError && e instanceof LightfieldError ? 'not-found' : 'wrong-error',
  );
  return calls;
}

/** One entity from a generated factory, the same on every call. */
const makeEntity = () => makeOpportunity({}, { seed: 1 });

module.exports = { scenario, makeEntity };
