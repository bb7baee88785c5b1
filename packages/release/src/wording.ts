import { deref, nodeAt, type Json } from '@lightfield/codegen/json';

type Path = (string | number)[];
type Node = Record<string, unknown>;

/** What a raw diff says: where, how, and the value on each side. */
export interface RawDiff {
  path: Path;
  action: string;
  before?: unknown;
  after?: unknown;
}

/**
 * A change reworded from the specs themselves; `at` corrects the path when api-smart-diff's
 * points elsewhere; `drop` when another line already says it.
 */
export type Reworded =
  | { what: string; breaking?: boolean; annotation?: true; at?: Path; drop?: false }
  | { drop: true; what?: undefined; breaking?: undefined; at?: undefined };

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

// The documents are api-smart-diff's input, parsed but unchecked.
const resolve = (doc: unknown, node: unknown): unknown => deref(doc as Json, node);

/** The value at `path` in a raw document, following `$ref`s as api-smart-diff does. */
const walk = (doc: unknown, path: Path): unknown => nodeAt(doc as Json, path, true);

function context(path: Path): string {
  if (path.includes('requestBody')) return 'request body ';
  if (path.includes('responses')) return 'response ';
  return '';
}

interface Parameter {
  name: string;
  in: string;
  label: string;
  required: boolean;
}

function parameter(doc: unknown, node: unknown): Parameter | undefined {
  const p = resolve(doc, node);
  if (!isNode(p) || typeof p.name !== 'string' || typeof p.in !== 'string') return undefined;
  const label = `${p.in} parameter \`${p.name}\``;
  return { name: p.name, in: p.in, label, required: p.required === true };
}

/** Where `p` sits in `doc`'s parameter list at `list`, found by name and location. */
function locate(doc: unknown, list: Path, p: Parameter): Path | undefined {
  const items = walk(doc, list);
  if (!Array.isArray(items)) return undefined;
  const i = items.findIndex((item) => {
    const q = parameter(doc, item);
    return q?.name === p.name && q.in === p.in;
  });
  return i < 0 ? undefined : [...list, i];
}

const optionality = (required: boolean) => (required ? 'required' : 'optional');
const verb = (action: string) => (action === 'remove' ? 'removed' : 'added');

/**
 * A parameter added or removed, or its `required` flag changed. api-smart-diff matches
 * parameters by name, so a path's index is not one into either document: read the diff's own
 * value, and for a flag the parameter at the older document's index (where it points).
 */
function parameterChange(d: RawDiff, before: unknown, after: unknown): Reworded | undefined {
  const { path, action } = d;
  const n = path.length;
  if (path[n - 2] === 'parameters' && typeof path[n - 1] === 'number') {
    if (action !== 'add' && action !== 'remove') return undefined;
    const p = action === 'add' ? parameter(after, d.after) : parameter(before, d.before);
    if (!p) return undefined;
    const what = `${optionality(p.required)} ${p.label} ${verb(action)}`;
    const at = locate(action === 'add' ? after : before, path.slice(0, -1), p);
    return action === 'add' ? { what, at, breaking: p.required } : { what, at };
  }
  if (path[n - 1] === 'required' && path[n - 3] === 'parameters') {
    const p = parameter(before, walk(before, path.slice(0, -1)));
    if (!p) return undefined;
    const required = action !== 'remove' && d.after === true;
    const at = locate(after, path.slice(0, -2), p);
    const what = `${p.label} made ${optionality(required)}`;
    return { what, at: at && [...at, 'required'], breaking: required };
  }
  return undefined;
}

const PROSE = new Set(['example', 'examples', 'description']);

/**
 * The parameters of an operation as api-smart-diff indexes them: the operation's own, then its
 * path item's that the operation doesn't override.
 */
function operationParameters(doc: unknown, pathKey: unknown, method: unknown): Parameter[] {
  const item = walk(doc, ['paths', String(pathKey)]);
  const op = isNode(item) ? resolve(doc, item[String(method)]) : undefined;
  const list = (node: unknown) =>
    (Array.isArray(node) ? node : []).flatMap((raw) => parameter(doc, raw) ?? []);
  const own = list(isNode(op) ? op.parameters : undefined);
  const shared = list(isNode(item) ? item.parameters : undefined);
  return [...own, ...shared.filter((p) => !own.some((q) => q.name === p.name && q.in === p.in))];
}

/**
 * An example or description of a parameter added, changed or removed: prose, whatever
 * api-smart-diff calls it (it words an example added to a shared parameter as "[Added] required
 * path parameter"). The parameter is found at its index in the document the change is in.
 */
function parameterProse(d: RawDiff, before: unknown, after: unknown): Reworded | undefined {
  const { path, action } = d;
  const k = path.lastIndexOf('parameters');
  const key = path[k + 2];
  if (k < 0 || path.length !== k + 3 || typeof key !== 'string' || !PROSE.has(key))
    return undefined;
  const doc = action === 'remove' ? before : after;
  const at = path[k + 1]!;
  const p =
    path[0] === 'paths' && k === 3 && typeof at === 'number'
      ? operationParameters(doc, path[1], path[2])[at]
      : parameter(doc, walk(doc, path.slice(0, k + 2)));
  return { what: `${key} of ${p?.label ?? 'a parameter'} ${past(action)}`, annotation: true };
}

const past = (action: string) =>
  action === 'add' ? 'added' : action === 'remove' ? 'removed' : 'changed';

/**
 * An example of a request or response body added, changed or removed (or a change inside one):
 * prose. api-smart-diff words a response example as "annotation (example) to Request Body".
 */
function mediaProse(d: RawDiff): Reworded | undefined {
  const { path, action } = d;
  const c = path.lastIndexOf('content');
  const key = path[c + 2];
  if (c < 1 || path.length < c + 3 || (key !== 'example' && key !== 'examples')) return undefined;
  const holder = path[c - 1];
  const body =
    path[c - 2] === 'responses'
      ? `the ${String(holder)} response`
      : holder === 'requestBody' || path[c - 2] === 'requestBodies'
        ? 'the request body'
        : 'a body';
  const done = path.length === c + 3 ? past(action) : 'changed';
  return { what: `${key} of ${body} (${String(path[c + 1])}) ${done}`, annotation: true };
}

/** A schema property added or removed, or entered in or taken out of `required`. */
function propertyChange(d: RawDiff, before: unknown, after: unknown): Reworded | undefined {
  const { path, action } = d;
  const n = path.length;
  if (action !== 'add' && action !== 'remove') return undefined;
  const doc = action === 'remove' ? before : after;
  if (path[n - 2] === 'properties' && typeof path[n - 1] === 'string') {
    const parent = walk(doc, path.slice(0, -2));
    const required = isNode(parent) && Array.isArray(parent.required);
    const req = required && (parent.required as unknown[]).includes(path[n - 1]);
    const what = `${optionality(req)} ${context(path)}property \`${path[n - 1]}\` ${verb(action)}`;
    return path.includes('requestBody') && action === 'add' ? { what, breaking: req } : { what };
  }
  if (path[n - 2] === 'required' && typeof path[n - 1] === 'number') {
    const name = action === 'remove' ? d.before : d.after;
    if (typeof name !== 'string') return undefined;
    const schema = path.slice(0, -2);
    // A property added as required is one change, already told by its `properties` entry.
    const existed = (doc: unknown) => walk(doc, [...schema, 'properties', name]) !== undefined;
    if (!existed(before) || !existed(after)) return { drop: true };
    const state = action === 'add' ? 'required' : 'optional';
    return { what: `${context(path)}property \`${name}\` made ${state}` };
  }
  return undefined;
}

/** An operationId changed: the generated client names its method `resource.method` after it. */
function operationIdChange(d: RawDiff): Reworded | undefined {
  const { path, action } = d;
  if (path[0] !== 'paths' || path[path.length - 1] !== 'operationId' || action !== 'replace')
    return undefined;
  const what = `operationId \`${String(d.before)}\` renamed to \`${String(d.after)}\` (the client method is renamed)`;
  return { what, breaking: true };
}

/**
 * Words parameter and property changes from the specs themselves: api-smart-diff calls a
 * parameter with `required: false` "required", misses a required parameter behind a `$ref`,
 * and leaves some property additions unworded ("[Added] annotation"). `breaking` is set when
 * the spec alone decides the class (a required parameter or request property added, an
 * operationId renamed: api-smart-diff calls that an annotation).
 */
export function reword(d: RawDiff, before: unknown, after: unknown): Reworded | undefined {
  return (
    parameterProse(d, before, after) ??
    mediaProse(d) ??
    parameterChange(d, before, after) ??
    propertyChange(d, before, after) ??
    operationIdChange(d)
  );
}
