import { Lightfield } from '@lightfield/client';

/**
 * The client every example uses. It reads `LIGHTFIELD_API_KEY` and `LIGHTFIELD_BASE_URL` from
 * the environment (point the latter at `npx lightfield-mock` to try the examples offline).
 */
export function makeClient(options: ConstructorParameters<typeof Lightfield>[0] = {}): Lightfield {
  return new Lightfield(options);
}

/**
 * An account to attach new opportunities to: `LIGHTFIELD_ACCOUNT_ID`, else the account of the
 * newest opportunity.
 */
export async function someAccountId(client: Lightfield): Promise<string> {
  const fromEnv = process.env['LIGHTFIELD_ACCOUNT_ID'];
  if (fromEnv) return fromEnv;
  const page = await client.opportunity.list({ limit: 1 });
  const id = page.data[0]?.relationships['$account']?.values[0];
  if (!id) throw new Error('Set LIGHTFIELD_ACCOUNT_ID: no opportunity has an account to reuse.');
  return id;
}
