/** The opportunity every benchmark serves: the same bytes for the stub, the bare server and the peers. */
export const ENTITY = JSON.stringify({
  id: 'opp_1',
  createdAt: '2026-01-01T00:00:00.000Z',
  fields: { $name: { value: 'Acme', valueType: 'TEXT' } },
  relationships: { $account: { cardinality: 'has_one', objectType: 'account', values: ['acc_1'] } },
});
