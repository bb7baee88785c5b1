import type { SpecModel } from '@lightfield/codegen';
import { callOrder, specOperations, type SpecOperation } from './operations.js';
import {
  adaptBody,
  bodyMediaType,
  checkBody,
  isJson,
  paramValue,
  pathSegment,
  sampleBody,
  sentHeaders,
  sentParams,
  wireBody,
} from './request.js';
import { checkRequest, checkResponse, responseKey, type Seen } from './checks.js';
import { recordingClient, type Wire } from './recording.js';
import { collectionOf, State } from './state.js';
import { openSession } from './upload-session.js';
import { SpecValidator } from '@lightfield/codegen/validator';
import type { Json } from '@lightfield/codegen/json';

export { State } from './state.js';

/** A generated client: one property per resource, one method per operation. */
export type GeneratedClient = Record<string, Record<string, (...args: unknown[]) => unknown>>;

/** Options of {@link roundTrip}. */
export interface RoundTripOptions {
  model: SpecModel;
  /** The generated client class (`Lightfield`). */
  Client: new (options: Record<string, unknown>) => unknown;
  /** The server under test. */
  baseUrl: string;
  /** The API key the client sends. */
  apiKey: string;
  /** Retries the client may make (0 against our mock, so a flaky answer is seen). */
  maxRetries?: number;
  /**
   * A validator of `model`'s document to share, so that round-tripping one spec again (against
   * another server, say) needn't compile its schemas again. A fresh one by default.
   */
  validator?: SpecValidator;
}

/** The outcome of one operation. */
export interface OperationResult {
  name: string;
  ok: boolean;
  /** The status the server answered, when it answered. */
  status?: number;
  /** Why it failed, in one line. */
  error?: string;
}

/** The outcome of a round-trip: one result per operation of the spec. */
export interface RoundTripReport {
  results: OperationResult[];
  passed: number;
  total: number;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0]!.slice(0, 300);
}

/** The arguments of a generated method, in its order: path params, body, query, then options. */
interface Call {
  args: unknown[];
  /** Index of the body argument, so a retry can swap it. */
  bodyAt?: number;
  mediaType?: string;
  sample?: unknown;
}

function buildCall(
  model: SpecModel,
  validator: SpecValidator,
  op: SpecOperation,
  state: State,
): Call | string {
  const doc = model.document;
  const m = op.model!;
  const args: unknown[] = [];
  for (const p of m.pathParams) {
    const param = op.params.find((x) => x['in'] === 'path' && x['name'] === p.name) ?? {};
    // An id the server showed, else the value the model says a caller following the spec sends.
    const value = pathSegment(doc, param, validator, p.pathValue);
    args.push(state.pathValue(op.path, p.name) ?? value);
  }
  const call: Call = { args };
  if (m.requestBody) {
    const mediaType = bodyMediaType(doc, op);
    if (!mediaType) return 'the model has a request body the spec does not declare';
    const sample = sampleBody(doc, op, mediaType, validator);
    const problem = checkBody(validator, doc, op, mediaType, sample);
    if (problem) return `could not build a schema-valid request body: ${problem}`;
    call.bodyAt = args.length;
    call.mediaType = mediaType;
    call.sample = sample;
    args.push(wireBody(doc, op, mediaType, sample));
  }
  if (m.queryParams.length > 0 || m.filter) {
    const query: Json = {};
    for (const p of sentParams(doc, op, 'query'))
      query[String(p['name'])] = paramValue(doc, p, validator);
    args.push(query);
  }
  const headers = sentHeaders(model, op, validator);
  args.push(Object.keys(headers).length ? { headers } : {});
  return call;
}

/** What one round-trip shares across its operations: the client, what it learns, the wire. */
interface Run {
  model: SpecModel;
  validator: SpecValidator;
  state: State;
  client: GeneratedClient;
  wire: Wire;
  /** Every operation of the spec. */
  all: SpecOperation[];
}

/** Calls the operation's client method; what the wire carried, and what the client threw. */
async function send(
  run: Run,
  op: SpecOperation,
  args: unknown[],
): Promise<{ seen: Seen | undefined; thrown: unknown }> {
  const m = op.model!;
  let thrown: unknown;
  run.wire.last = undefined;
  try {
    await run.client[m.resource]![m.method]!(...args);
  } catch (error) {
    thrown = error;
  }
  // The fetch wrapper set it meanwhile (TypeScript narrows it to the `undefined` above).
  return { seen: run.wire.last as Seen | undefined, thrown };
}

/**
 * Sends the call. A body built from the schema alone may name ids or options the server doesn't
 * know: on a 4xx, try once more with the values of an item the server itself returned.
 */
async function sendWithRetry(
  run: Run,
  op: SpecOperation,
  call: Call,
): Promise<{ seen: Seen | undefined; thrown: unknown }> {
  const { model, validator, state } = run;
  const first = await send(run, op, call.args);
  const { seen } = first;
  if (!seen || seen.status < 400 || seen.status >= 500 || call.bodyAt === undefined) return first;
  const observed = state.item(collectionOf(op.path));
  const adapted = [true, false]
    .map((drop) => observed && adaptBody(call.sample, observed, drop))
    .find((body) => body && !checkBody(validator, model.document, op, call.mediaType!, body));
  if (!adapted) return first;
  call.args[call.bodyAt] = wireBody(model.document, op, call.mediaType!, adapted);
  return send(run, op, call.args);
}

/**
 * Whether an operation documents no success, no 2xx and no `default`: the classic petstore's
 * `addPet` documents only `405`, an OAuth `authorize` only `302`. The server may then only
 * answer one of those.
 */
function documentsNoSuccess(op: SpecOperation): boolean {
  const keys = Object.keys(op.raw['responses'] ?? {});
  return keys.length > 0 && !keys.some((k) => /^2/.test(k) || k === 'default');
}

/**
 * Judges what the wire carried: the request as the spec asks, a 2xx whose body matches its
 * schema (or, for an operation that documents no success, one of its redirects or errors), and no error thrown by
 * the client. `undefined` where all hold.
 */
function judge(
  run: Run,
  op: SpecOperation,
  seen: Seen,
  thrown: unknown,
): Omit<OperationResult, 'name'> | undefined {
  const sent = checkRequest(run.model, op, seen);
  if (sent) return { ok: false, status: seen.status, error: sent };
  const problem = checkResponse(run.model, run.validator, op, seen);
  // An operation that documents no success passes with a redirect or error it documents (the
  // client, which follows no redirect, throws on either).
  if (documentsNoSuccess(op) && seen.status >= 300 && !problem) return undefined;
  if (seen.status < 200 || seen.status > 299) {
    const body = seen.text.replace(/\s+/g, ' ').slice(0, 200);
    return {
      ok: false,
      status: seen.status,
      error: `status ${seen.status}${problem ? ` (${problem})` : ''}: ${body}`,
    };
  }
  if (problem) return { ok: false, status: seen.status, error: problem };
  if (thrown)
    return {
      ok: false,
      status: seen.status,
      error: `the client threw on a ${seen.status}: ${oneLine(thrown)}`,
    };
  return undefined;
}

/** Runs one operation: builds its call, sends it, judges the answer, learns from it. */
async function runOne(run: Run, op: SpecOperation): Promise<Omit<OperationResult, 'name'>> {
  if (!op.model) {
    // The model says why it left an operation out (a TRACE, say, which fetch can't send).
    const why = run.model.notes.find((n) =>
      n.startsWith(`${op.httpMethod.toUpperCase()} ${op.path}:`),
    );
    return { ok: false, error: `not in the spec model${why ? `: ${why}` : ''}` };
  }
  const method = run.client[op.model.resource]?.[op.model.method];
  if (typeof method !== 'function')
    return { ok: false, error: `the client has no ${op.model.resource}.${op.model.method}()` };
  const call = buildCall(run.model, run.validator, op, run.state);
  if (typeof call === 'string') return { ok: false, error: call };
  const session = await openSession(run, op);
  if (typeof session === 'string') return { ok: false, error: session };
  if (session) {
    // The session's id fills the last path parameter; its digest, a complete body's checksum.
    call.args[op.model.pathParams.length - 1] = session.id;
    const body = call.bodyAt === undefined ? undefined : call.args[call.bodyAt];
    if (session.checksum && body && typeof body === 'object')
      call.args[call.bodyAt!] = { ...body, [session.checksum[0]]: session.checksum[1] };
  }
  const { seen, thrown } = await sendWithRetry(run, op, call);
  if (!seen) return { ok: false, error: `no response: ${oneLine(thrown)}` };
  const failed = judge(run, op, seen, thrown);
  if (failed) return failed;
  if (isJson(seen.contentType) && seen.text) run.state.learn(op, JSON.parse(seen.text));
  const gone = await notFound(run, op, call.args, seen.status);
  if (gone) return { ok: false, status: seen.status, error: gone };
  return { ok: true, status: seen.status };
}

/**
 * Where the spec documents a 404, the server must give it: a read of an id nobody created, and
 * a read of the item a delete just removed (not of a collection it emptied). Checked through the same client method.
 */
async function notFound(
  run: Run,
  op: SpecOperation,
  args: unknown[],
  status: number,
): Promise<string | undefined> {
  const m = op.model!;
  const read =
    op.httpMethod === 'get'
      ? op
      : // A delete that answered an error (one it documents) removed nothing.
        op.httpMethod === 'delete' && status < 300 && namesItem(op.path)
        ? run.all.find((o) => o.model && o.path === op.path && o.httpMethod === 'get')
        : undefined;
  if (!read?.model || !m.pathParams.length || !responseKey(read, 404)?.startsWith('404'))
    return undefined;
  const readArgs =
    read === op
      ? [...m.pathParams.map(() => 'contract-unknown-id'), ...args.slice(m.pathParams.length)]
      : [...args.slice(0, m.pathParams.length), ...buildReadRest(run, read)];
  const { seen } = await send(run, read, readArgs);
  if (seen?.status === 404) return checkResponse(run.model, run.validator, read, seen);
  const what = read === op ? 'an id nobody created' : `the item ${op.name} removed`;
  return `${read.name} of ${what} answered ${seen?.status ?? 'nothing'}, not the documented 404`;
}

/**
 * Whether a path names one item (its last segment is a parameter: `/rooms/{id}`), not a
 * collection (`/rooms/{id}/users`), which a delete may empty but not remove.
 */
function namesItem(path: string): boolean {
  return /\}\/?$/.test(path);
}

/** A read's arguments after its path parameters: its query, then options. */
function buildReadRest(run: Run, read: SpecOperation): unknown[] {
  const call = buildCall(run.model, run.validator, read, run.state);
  return typeof call === 'string' ? [{}] : call.args.slice(read.model!.pathParams.length);
}

/**
 * Sends every operation of the spec through the generated client to `baseUrl` and checks each
 * response against the spec's schema for the status it came with. Where an operation documents
 * a 404, it must answer one for an unknown id, and a read must after a delete. Requests come from the spec's
 * examples, else from its schemas; ids and values the server must know come from its own answers
 * to earlier calls (lists and creates first, deletes last).
 */
export async function roundTrip(options: RoundTripOptions): Promise<RoundTripReport> {
  const { model } = options;
  const wire: Wire = {};
  const run: Run = {
    model,
    validator: options.validator ?? new SpecValidator(model.document),
    state: new State(),
    client: recordingClient(options, wire),
    wire,
    all: specOperations(model),
  };
  const results: OperationResult[] = [];
  for (const op of callOrder(run.all)) {
    const result = await runOne(run, op);
    results.push({ name: op.name, ...result });
  }
  return {
    results: results.sort((a, b) => a.name.localeCompare(b.name)),
    passed: results.filter((r) => r.ok).length,
    total: results.length,
  };
}

/** The report as text: `round-trip: N/N operations`, then one line per failure. */
export function formatReport(report: RoundTripReport): string {
  const lines = [`round-trip: ${report.passed}/${report.total} operations`];
  for (const r of report.results)
    if (!r.ok) lines.push(`  ✗ ${r.name}${r.status ? ` (${r.status})` : ''}: ${r.error}`);
  return lines.join('\n');
}
