import { createHash } from 'node:crypto';
import { fileUpload, Lightfield, LightfieldClient, UploadError } from '@lightfield/client';
import { createMockServer, type MockServer } from '@lightfield/fixtures/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The whole upload flow of today's spec, offline: `client.file.upload` against the mock, which
// serves the upload URL itself (the runtime's retries and errors are tested in packages/client on
// a spec of other names; the mock's rules in packages/fixtures).

let mock: MockServer;
let client: Lightfield;
beforeAll(async () => {
  mock = await createMockServer({ rateLimit: false });
  client = new Lightfield({ apiKey: 'k', baseUrl: mock.url, rateLimit: false, logLevel: 'off' });
});
afterAll(() => mock.close());

const transcript = 'Ada: Renewal is on track.\nGrace: Send the quote by Friday.\n';

describe('client.file.upload', () => {
  test('creates the session, PUTs the bytes, completes with the md5: the file is COMPLETED', async () => {
    const file = await client.file.upload(transcript, {
      filename: 'renewal-call.txt',
      mimeType: 'text/plain',
      purpose: 'meeting_transcript',
    });
    expect(file).toMatchObject({
      filename: 'renewal-call.txt',
      mimeType: 'text/plain',
      sizeBytes: Buffer.byteLength(transcript),
      status: 'COMPLETED',
    });
    expect(Date.parse(file.completedAt ?? '')).not.toBeNaN();
    const read = await client.file.retrieve(file.id);
    expect(read).toMatchObject({ status: 'COMPLETED', completedAt: file.completedAt });
    expect(read).not.toHaveProperty('uploadUrl');
    // A completed file has a download URL, which serves the bytes uploaded.
    const { url } = await client.file.url(file.id);
    expect(await (await fetch(url)).text()).toBe(transcript);
  });

  test('the tree-shakable function does the same on a bare client', async () => {
    const bare = new LightfieldClient({ apiKey: 'k', baseUrl: mock.url, rateLimit: false });
    const file = await fileUpload(bare, new TextEncoder().encode(transcript), {
      filename: 'renewal-call.txt',
      mimeType: 'text/plain',
    });
    expect(file.status).toBe('COMPLETED');
  });

  test('url waits for COMPLETED; an md5 of other bytes fails the complete, the file stays PENDING', async () => {
    const session = await client.file.create({
      filename: 'notes.txt',
      mimeType: 'text/plain',
      sizeBytes: 5,
    });
    expect(session.status).toBe('PENDING');
    await expect(client.file.url(session.id)).rejects.toMatchObject({ status: 409 });
    const put = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: session.uploadHeaders,
      body: 'hello',
    });
    expect(put.status).toBe(200);
    const wrong = createHash('md5').update('hellO').digest('hex');
    await expect(client.file.complete(session.id, { md5: wrong })).rejects.toMatchObject({
      status: 400,
      code: 'checksum_mismatch',
    });
    expect((await client.file.retrieve(session.id)).status).toBe('PENDING');
    const right = createHash('md5').update('hello').digest('hex');
    expect((await client.file.complete(session.id, { md5: right })).status).toBe('COMPLETED');
  });

  test('cancel works only on a PENDING file', async () => {
    const body = { filename: 'draft.txt', mimeType: 'text/plain', sizeBytes: 3 };
    const pending = await client.file.create(body);
    expect(Date.parse(pending.expiresAt ?? '')).toBeGreaterThan(Date.now());
    const cancelled = await client.file.cancel(pending.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', expiresAt: null });
    await expect(client.file.cancel(pending.id)).rejects.toMatchObject({ status: 409 });
    const done = await client.file.upload('abc', { filename: 'a.txt', mimeType: 'text/plain' });
    await expect(client.file.cancel(done.id)).rejects.toMatchObject({
      status: 409,
      code: 'upload_closed',
    });
    expect((await client.file.retrieve(done.id)).status).toBe('COMPLETED');
  });

  test('a size the API refuses fails at create, before any bytes are sent', async () => {
    const error = await client.file
      .upload('', { filename: 'empty.txt', mimeType: 'text/plain' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ step: 'create', sessionId: undefined });
  });
});
