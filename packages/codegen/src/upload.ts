import { propertiesOf } from './classify.js';
import { deref, isObject, pathOperations, pointerOf, type Json } from './json.js';
import { operationName } from './naming.js';

/** The extension, on the operation that starts an upload session, that describes the upload. */
export const UPLOAD = 'x-lightfield-upload';

/** The checksum algorithms an upload may declare: what the client computes and the mock checks. */
const ALGORITHMS = ['md5'];

/**
 * `x-lightfield-upload` on the operation that starts an upload session: the bytes go to a URL its
 * response gives, with no credentials, then another operation completes the session. The client
 * writes one method (`method`) that runs the three steps; the mock serves the URL itself, keeps
 * the bytes and checks their size and checksum on completion.
 */
export interface UploadModel {
  /** The client method that uploads, on the session operation's resource. Default `upload`. */
  method: string;
  /** The session body's property that carries the byte count, which the client computes. */
  size: string;
  /** The session response's property holding the URL the bytes are PUT to. */
  url: string;
  /** The session response's property holding the headers the PUT must send, if any. */
  headers?: string;
  /** The session response's property holding its id, the complete operation's path parameter. */
  id: string;
  /** The operation that completes the session: the spec's operationId, the model's in a `SpecModel`. */
  complete: string;
  /** The operation that cancels a pending session, if any: named as `complete` is. */
  cancel?: string;
  /** The operation that answers a completed upload's download URL (named as `complete` is), and its response's property holding it. */
  download?: { operation: string; url: string };
  /** The complete body's property that carries the bytes' digest, and its algorithm. */
  checksum?: { property: string; algorithm: string };
  /**
   * The session's state, for the mock: its property, its values while pending, once completed and
   * once cancelled, and the response's properties of when it completed and when it expires.
   */
  status?: {
    property: string;
    pending: string;
    completed: string;
    cancelled?: string;
    completedAt?: string;
    expiresAt?: string;
  };
}

type Problem = { pointer: string; message: string };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The keys of each part of the extension and whether each is required. */
const SHAPE: Record<string, Record<string, boolean>> = {
  '': {
    method: false,
    size: true,
    url: true,
    headers: false,
    id: false,
    complete: true,
    cancel: false,
  },
  checksum: { property: true, algorithm: true },
  download: { operation: true, url: true },
  status: {
    ...{ property: true, pending: true, completed: true },
    ...{ cancelled: false, completedAt: false, expiresAt: false },
  },
};

/** The shape problems of the extension: each part an object, each key a non-empty string. */
function shapeProblems(ext: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const [part, keys] of Object.entries(SHAPE)) {
    const node = part ? (isObject(ext) ? ext[part] : undefined) : ext;
    if (part && node === undefined) continue;
    if (!isObject(node)) {
      problems.push({ pointer: part, message: 'must be an object' });
      continue;
    }
    for (const [key, required] of Object.entries(keys))
      if (node[key] !== undefined ? !str(node[key]) : required)
        problems.push({
          pointer: part ? `${part}/${key}` : key,
          message: `\`${key}\` ${required ? 'is required and ' : ''}must be a non-empty string`,
        });
  }
  return problems;
}

/** The upload an operation declares, if it declares a well-formed one (see `checkUploads`). */
export function readUpload(op: Json): UploadModel | undefined {
  const ext = op[UPLOAD];
  if (!isObject(ext) || shapeProblems(ext).length) return undefined;
  const { checksum, status, download } = ext as { checksum?: Json; status?: Json; download?: Json };
  const text = (node: Json, keys: string[]) =>
    Object.fromEntries(keys.filter((k) => str(node[k])).map((k) => [k, node[k] as string]));
  return {
    method: str(ext['method']) ?? 'upload',
    id: str(ext['id']) ?? 'id',
    ...(text(ext, ['size', 'url', 'headers', 'complete', 'cancel']) as Pick<
      UploadModel,
      'size' | 'url' | 'headers' | 'complete' | 'cancel'
    >),
    ...(checksum ? { checksum: text(checksum, ['property', 'algorithm']) as never } : {}),
    ...(download ? { download: text(download, ['operation', 'url']) as never } : {}),
    ...(status ? { status: text(status, Object.keys(SHAPE['status']!)) as never } : {}),
  };
}

/** One operation of the document: where it is, and its client name (`resource.method`). */
export interface Located {
  op: Json;
  at: string;
  route: string;
  resource: string;
  method: string;
}

/** Every operation of the document with its pointer and client name. */
export function operations(doc: Json): Located[] {
  return pathOperations(doc).map(({ route, method, op }) => ({
    op,
    at: pointerOf('paths', route, method),
    route,
    ...operationName(op, route, method),
  }));
}

/** The JSON schema of a request body or response. */
function jsonSchema(doc: Json, node: unknown): unknown {
  const content = deref(doc, node);
  const media = isObject(content) && isObject(content['content']) ? content['content'] : {};
  const json = Object.entries(media).find(([type]) => /json/i.test(type))?.[1];
  return isObject(json) ? json['schema'] : undefined;
}

/** The properties of an operation's first 2xx response. */
function responseProperties(doc: Json, op: Json): Json {
  const responses = isObject(op['responses']) ? op['responses'] : {};
  const status = Object.keys(responses).find((s) => /^2\d\d$/.test(s));
  return propertiesOf(doc, status ? jsonSchema(doc, responses[status]) : undefined);
}

/** Whether an operation's path template has a parameter, the one the session id fills. */
const hasPathParam = (path: string) => /\{[^}]+\}/.test(path);

/** The problems of one well-formed declaration: each name must be in the schema it points into. */
function referenceProblems(doc: Json, self: Located, all: Located[], upload: UploadModel) {
  const problems: Problem[] = [];
  const fail = (pointer: string, message: string) => problems.push({ pointer, message });
  const body = propertiesOf(doc, jsonSchema(doc, self.op['requestBody']));
  const response = responseProperties(doc, self.op);
  if (!(upload.size in body)) fail('size', `the request body has no property \`${upload.size}\``);
  const names = [
    ['url', upload.url],
    ['headers', upload.headers],
    ['id', upload.id],
    ['status/property', upload.status?.property],
    ['status/completedAt', upload.status?.completedAt],
    ['status/expiresAt', upload.status?.expiresAt],
  ] as const;
  for (const [key, name] of names)
    if (name && !(name in response)) fail(key, `the response has no property \`${name}\``);
  const find = (key: string, id: string) => {
    const found = all.find((o) => o.op['operationId'] === id);
    if (!found) fail(key, `no operation has the operationId \`${id}\``);
    else if (!hasPathParam(found.route))
      fail(key, `\`${id}\` has no path parameter to take the session's id`);
    return found;
  };
  const complete = find('complete', upload.complete);
  if (upload.cancel) find('cancel', upload.cancel);
  const download = upload.download && find('download/operation', upload.download.operation);
  if (download && !(upload.download!.url in responseProperties(doc, download.op)))
    fail(
      'download/url',
      `\`${upload.download!.operation}\`'s response has no property \`${upload.download!.url}\``,
    );
  if (upload.cancel && upload.status && !upload.status.cancelled)
    fail('status', '`cancelled` is required where the upload names a `cancel`');
  if (upload.checksum) {
    if (!ALGORITHMS.includes(upload.checksum.algorithm))
      fail('checksum/algorithm', `the algorithm must be one of ${ALGORITHMS.join(', ')}`);
    const completeBody = propertiesOf(doc, jsonSchema(doc, complete?.op['requestBody']));
    if (complete && !(upload.checksum.property in completeBody))
      fail(
        'checksum/property',
        `\`${upload.complete}\`'s body has no property \`${upload.checksum.property}\``,
      );
  }
  if (!/^[A-Za-z_$][\w$]*$/.test(upload.method)) fail('method', 'must be an identifier');
  else if (all.some((o) => o.resource === self.resource && o.method === upload.method))
    fail('method', `\`${self.resource}.${upload.method}\` is an operation already`);
  return problems;
}

/** The problems of each `x-lightfield-upload` of the document, as JSON pointers and messages. */
export function checkUploads(doc: Json): Problem[] {
  const all = operations(doc);
  return all
    .filter(({ op }) => op[UPLOAD] !== undefined)
    .flatMap((self) => {
      const shape = shapeProblems(self.op[UPLOAD]);
      const problems = shape.length
        ? shape
        : referenceProblems(doc, self, all, readUpload(self.op)!);
      return problems.map(({ pointer, message }) => ({
        pointer: `${self.at}/${UPLOAD}${pointer ? `/${pointer}` : ''}`,
        message: `${UPLOAD}: ${message}`,
      }));
    });
}
