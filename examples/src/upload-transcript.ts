// Upload a meeting transcript, then record the meeting it belongs to. `file.upload` runs the three
// steps of an upload (start the session, PUT the bytes where it says, complete it with their
// md5); a failure names its step, and no step ever sends the bytes twice. A meeting takes the
// uploaded file as its `$transcript`, the one relationship a meeting create may set.
import { readFile } from 'node:fs/promises';
import { UploadError } from '@lightfield/client';
import { makeClient } from './shared.js';

const client = makeClient();

// A transcript file given on the command line, else a short one.
const path = process.argv[2];
const transcript = path
  ? await readFile(path)
  : 'Ada: The renewal is on track.\nGrace: I will send the quote by Friday.\n';

try {
  const file = await client.file.upload(transcript, {
    filename: path ? path.split('/').pop()! : 'renewal-call.txt',
    mimeType: 'text/plain',
    purpose: 'meeting_transcript',
  });
  console.log(`uploaded ${file.filename}: ${file.status}, ${file.sizeBytes} bytes`);

  // Only past meetings can be recorded: this one ended an hour ago, after half an hour.
  const ended = Date.now() - 60 * 60 * 1000;
  const meeting = await client.meeting.create({
    fields: {
      $title: 'Renewal call',
      $startDate: new Date(ended - 30 * 60 * 1000).toISOString(),
      $endDate: new Date(ended).toISOString(),
    },
    relationships: { $transcript: file.id },
  });
  const [linked] = meeting.relationships.$transcript?.values ?? [];
  console.log(
    `meeting ${meeting.id}: transcript ${linked}, the uploaded file: ${linked === file.id}`,
  );
} catch (error) {
  if (!(error instanceof UploadError)) throw error;
  // `create`: nothing was stored. `put` or `complete`: the session `sessionId` stays PENDING
  // until it expires; after a failed complete, call `client.file.complete(sessionId, …)` again.
  console.error(`upload failed at ${error.step}: ${error.message}`);
  process.exitCode = 1;
}
