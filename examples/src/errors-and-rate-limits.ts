// Every failure is a typed error; rate limits are handled for you unless you turn that off.
import {
  APIError,
  BadRequestError,
  LightfieldError,
  NotFoundError,
  RateLimitError,
} from '@lightfield/client';
import { makeClient } from './shared.js';

const client = makeClient();

try {
  await client.opportunity.retrieve('opp_does_not_exist');
} catch (error) {
  if (error instanceof NotFoundError) console.log(`not found: ${error.status} ${error.type}`);
  else throw error;
}

try {
  await client.opportunity.update('opp_does_not_exist', { fields: {} });
} catch (error) {
  // Branch on the class, or read status/type/code/param on any APIError.
  if (error instanceof APIError) console.log(`api error: ${error.status} ${error.type}`);
  else throw error;
}

try {
  // `limit` must be 1–25: the client refuses before anything is sent.
  await client.opportunity.list({ limit: 500 });
} catch (error) {
  if (error instanceof LightfieldError && !(error instanceof APIError))
    console.log(`refused locally: ${error.message}`);
  else throw error;
}

// Without the client's rate limiter and retries, a burst above 25 reads/second gets 429s. The
// limit counts per one-second window, and 60 reads can't all fit in two windows.
const BURST = 60;
const raw = makeClient({ rateLimit: false, maxRetries: 0 });
const [first] = (await raw.opportunity.list({ limit: 1 })).data;
const burst = await Promise.allSettled(
  Array.from({ length: BURST }, () => raw.opportunity.retrieve(first!.id)),
);
const limited = burst.filter(
  (r): r is PromiseRejectedResult => r.status === 'rejected' && r.reason instanceof RateLimitError,
);
console.log(`without the limiter: ${limited.length} of ${BURST} got 429`);
if (limited[0]) {
  const error = limited[0].reason as RateLimitError;
  console.log(`retry after ${error.retryAfter} s, remaining ${error.rateLimit?.remaining}`);
}

// The default client spaces the same burst out (25 per second per category): no 429 reaches you.
const paced = makeClient();
const ok = await Promise.all(
  Array.from({ length: BURST }, () => paced.opportunity.retrieve(first!.id)),
);
console.log(`with the limiter: ${ok.length} of ${BURST} succeeded`);

// A bad body is a 400 with the reason and the place.
try {
  await paced.opportunity.create({
    fields: { $name: 'x', $stage: 'Lead', notAField: 1 },
    relationships: { $account: 'acc_missing' },
  });
} catch (error) {
  if (error instanceof BadRequestError) console.log(`bad request: ${error.code} at ${error.param}`);
  else throw error;
}
