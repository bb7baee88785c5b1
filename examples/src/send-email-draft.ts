// Save an email as a draft, then send one. A draft needs `from` and at least one more field; a
// send needs `to` as well. `from` must be a mailbox connected to your workspace.
import { BadRequestError } from '@lightfield/client';
import { makeClient } from './shared.js';

const client = makeClient();
const from = process.env['LIGHTFIELD_MAILBOX'] ?? 'ada@acme.example';
const message = {
  subject: 'Renewal quote',
  messageBody: { contentType: 'TEXT' as const, content: 'Hi Grace, the quote is attached.' },
};

const draft = await client.email.draft({ from, to: ['grace@acme.example'], ...message });
console.log(`drafted at ${draft.draftedAt}`);

try {
  await client.email.draft({ from }); // only `from`: refused
} catch (error) {
  if (!(error instanceof BadRequestError)) throw error;
  console.log(`draft refused: ${error.status} ${error.code}`);
}

const sent = await client.email.send({ from, to: ['grace@acme.example'], ...message });
console.log(`sent: ${JSON.stringify(sent)}`);
