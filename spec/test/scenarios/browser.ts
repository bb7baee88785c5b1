import { APIError, type Lightfield } from '@lightfield/client';

// The browser test's scenario (packages/browser): the page runs `createRetrieveList` in Chromium,
// and the test checks `STEPS` and reads the created entity back with `createdName`.

/** The steps `createRetrieveList` checks, in order: a page that stops early fails. */
export const STEPS = [
  'list: a seeded opportunity with an account',
  'create: an id, the fields sent',
  'retrieve: what create returned',
  'retrieve: X-RateLimit-Remaining readable',
  'list: the new one first, one more in all',
  'retrieve a missing id: a 404 error',
];

/** The name `createRetrieveList` gives the entity it creates. */
export const CREATED_NAME = 'Browser renewal';

/** The name of entity `id` as the server stores it, read with a client of the test's own. */
export async function createdName(client: Lightfield, id: string): Promise<unknown> {
  const stored = await client.opportunity.retrieve(id);
  return stored.fields['$name']?.value;
}

/**
 * create → retrieve → list through the client, checking each answer against the last one. The
 * list's first page tells which account the new opportunity can belong to.
 */
export async function createRetrieveList(
  client: Lightfield,
  check: (step: string, got: unknown, ok: boolean) => void,
): Promise<string> {
  const before = await client.opportunity.list({ limit: 1 });
  const account = before.data[0]?.relationships['$account']?.values[0];
  check('list: a seeded opportunity with an account', account, typeof account === 'string');

  const created = await client.opportunity.create({
    fields: { $name: CREATED_NAME, $stage: 'Lead', amount: 4200 },
    relationships: { $account: account! },
  });
  check(
    'create: an id, the fields sent',
    created.id,
    created.id.length > 0 &&
      created.fields['$name']?.value === CREATED_NAME &&
      created.fields['amount']?.value === 4200,
  );

  const { data: again, response } = await client.opportunity.retrieve(created.id).withResponse();
  check(
    'retrieve: what create returned',
    again.id,
    JSON.stringify(again) === JSON.stringify(created),
  );
  // Readable only when the server exposes it to the page (Access-Control-Expose-Headers).
  const remaining = response.headers.get('x-ratelimit-remaining');
  check('retrieve: X-RateLimit-Remaining readable', remaining, remaining !== null);

  const after = await client.opportunity.list({ limit: 5 });
  check(
    'list: the new one first, one more in all',
    `${after.data[0]?.id} of ${after.totalCount}`,
    after.data[0]?.id === created.id && after.totalCount === before.totalCount + 1,
  );

  try {
    await client.opportunity.retrieve(`${created.id}_missing`);
    check('retrieve a missing id: a 404 error', 'no error', false);
  } catch (error) {
    const status = error instanceof APIError ? error.status : undefined;
    check(
      'retrieve a missing id: a 404 error',
      `${(error as Error).name} ${status}`,
      status === 404,
    );
  }
  return created.id;
}
