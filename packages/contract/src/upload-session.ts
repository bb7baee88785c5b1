import { createHash } from 'node:crypto';
import type { OperationModel, SpecModel } from '@lightfield/codegen';
import { isObject, type Json } from '@lightfield/codegen/json';
import type { SpecValidator } from '@lightfield/codegen/validator';
import type { SpecOperation } from './operations.js';
import { sampleBody } from './request.js';

// An operation that completes an upload session (`x-lightfield-upload`) needs a session whose
// bytes were PUT, and the one that answers its download URL a completed one: the round-trip
// opens one through the client's create and PUTs the bytes (then completes it for a download),
// as a caller would.

const BYTES = 'round-trip contract upload';

/** The session the complete finishes, and its body's checksum property with the bytes' digest. */
export interface OpenedSession {
  id: string;
  checksum?: [property: string, digest: string];
}

type Client = Record<string, Record<string, (...args: unknown[]) => unknown>>;

/** What a session is opened with: the spec, its validator, its operations, the client. */
export interface SessionContext {
  model: SpecModel;
  validator: SpecValidator;
  all: SpecOperation[];
  client: Client;
}

/**
 * The session `op` needs, if it completes an upload (its create through `client`, then the PUT of
 * the bytes to the URL it answered, with its headers and no credentials) or answers a completed
 * upload's download URL (completed too). A string says why there is none.
 */
export async function openSession(
  ctx: SessionContext,
  op: SpecOperation,
): Promise<OpenedSession | string | undefined> {
  const { model, client } = ctx;
  const id = op.model?.operationId;
  const create = model.operations.find((o) => o.upload?.complete === id);
  if (create) return uploaded(ctx, create);
  // A download needs a completed upload: the round-trip uploads one first, as a caller would.
  const downloaded = model.operations.find((o) => o.upload?.download?.operation === id);
  const complete = model.operations.find((o) => o.operationId === downloaded?.upload?.complete);
  if (!downloaded || !complete) return undefined;
  const session = await uploaded(ctx, downloaded);
  if (typeof session !== 'object') return session;
  const body = session.checksum ? { [session.checksum[0]]: session.checksum[1] } : {};
  try {
    await client[complete.resource]![complete.method]!(session.id, body, {});
  } catch (error) {
    return `${complete.operationId} could not complete a session: ${(error as Error).message}`;
  }
  return { id: session.id };
}

/** A session of `create`'s upload with its bytes PUT, not completed yet. */
async function uploaded(
  { model, validator, all, client }: SessionContext,
  create: OperationModel,
): Promise<OpenedSession | string | undefined> {
  const upload = create.upload;
  const raw = all.find((o) => o.model === create);
  if (!upload || !raw) return undefined;
  const sample = sampleBody(model.document, raw, 'application/json', validator);
  const body = { ...(isObject(sample) ? sample : {}), [upload.size]: BYTES.length };
  let session: Json;
  try {
    session = (await client[create.resource]![create.method]!(body, {})) as Json;
  } catch (error) {
    return `${create.operationId} could not open a session: ${(error as Error).message}`;
  }
  const url = session[upload.url];
  const headers = upload.headers ? session[upload.headers] : {};
  if (typeof url !== 'string' || !isObject(headers))
    return `${create.operationId} answered no ${upload.url} to PUT the bytes to`;
  const put = await fetch(url, {
    method: 'PUT',
    headers: headers as Record<string, string>,
    body: BYTES,
  });
  if (!put.ok) return `the PUT to ${create.operationId}'s ${upload.url} answered ${put.status}`;
  const digest = createHash('md5').update(BYTES).digest('hex');
  return {
    id: String(session[upload.id]),
    ...(upload.checksum
      ? { checksum: [upload.checksum.property, digest] as [string, string] }
      : {}),
  };
}
