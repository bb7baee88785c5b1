// The client generated from the test specs' shapes.yaml (test/generated/shapes), typed by its
// media types and parameters: checked by the package's tsc (`pnpm typecheck`), never run.
import type { File as FileSchema, ListResource } from './generated/shapes/types/src/index.js';
import { Lightfield } from './generated/shapes/client/src/generated/client.js';
const client = new Lightfield({ apiKey: 'k' });
export const uploaded: Promise<FileSchema> = client.file
  .upload({ file: new Blob(['x']), purpose: 'import' })
  .then((x) => x);
void client.file.upload({
  file: new Uint8Array([1]),
  attachments: [new Blob([])],
  purpose: 'attachment',
});
// @ts-expect-error purpose is one of the enum's values
void client.file.upload({ file: new Blob(['x']), purpose: 'other' });
// @ts-expect-error file is required
void client.file.upload({ purpose: 'import' });
// @ts-expect-error a file part is not a number
void client.file.upload({ file: 1, purpose: 'import' });
export const csv: Promise<string> = client.file.export('f1', { columns: ['a'] }).then((x) => x);
export const bytes: Promise<Response> = client.file.content('f1').then((x) => x);
export const gone: Promise<void> = client.list.delete('l1', 1).then((x) => x);
// @ts-expect-error two path parameters
void client.list.delete('l1');
// @ts-expect-error item-id is an integer
void client.list.delete('l1', 'i1');
void client.file.replace('f1', new Uint8Array([1]));
void client.file.replace('f1', new Blob([]).stream());
// @ts-expect-error a binary body is not a string
void client.file.replace('f1', 'x');
void client.list.list({ ids: ['a'], where: { name: 'A' } }, { headers: { 'X-Trace-Id': 't' } });
// @ts-expect-error the X-Trace-Id header is required
void client.list.list({}, {});
// @ts-expect-error X-Mode is fast or full
void client.list.list(undefined, { headers: { 'X-Trace-Id': 't', 'X-Mode': 'slow' } });
// @ts-expect-error ids is an array
void client.list.list({ ids: 'a' }, { headers: { 'X-Trace-Id': 't' } });
export const renamed: Promise<ListResource> = client.list
  .rename('l1', { name: 'B' })
  .then((x) => x);
void client.file.getV1FilesFileId('f1', { fields: ['a'] });
export const removed: Promise<void> = client.file.removeFile('f1').then((x) => x);
