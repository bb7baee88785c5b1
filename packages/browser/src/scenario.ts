import { APIError, type Lightfield } from '@lightfield/client';

/** One assertion the page made, as the test reads it back. */
export interface Check {
  step: string;
  got: string;
  ok: boolean;
}

/** What the page reports once it is done. */
export interface PageResult {
  status: 'pass' | 'fail';
  checks: Check[];
  /** The id the page created, so the test can look for it on the server side too. */
  createdId?: string;
  /** The first error thrown, as `name: message`. */
  error?: string;
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
    fields: { $name: 'Browser renewal', $stage: 'Lead', amount: 4200 },
    relationships: { $account: account! },
  });
  check(
    'create: an id, the fields sent',
    created.id,
    created.id.length > 0 &&
      created.fields['$name']?.value === 'Browser renewal' &&
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
