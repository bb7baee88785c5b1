import { readFileSync } from 'node:fs';
import { Document, isMap, isSeq, parse, visit } from 'yaml';

/**
 * One property of a schema, under its dotted wire path (`fields.*.valueType`; `*` is any key of a
 * map or any item of an array, `''` the schema itself), as the surface sheet writes it.
 */
export interface SheetProperty {
  /** Required in the object that holds it (maps and array items have no required-ness). */
  required?: boolean;
  /** The JSON types it may have: `string`, `number`, `integer`, `boolean`, `null`, `array`, `object`. */
  types: string[];
  /** Its literal values, when it is a union of literals (`"FULL" | "METADATA"`). */
  enum?: (string | number | boolean)[];
  /** `// no other keys`: every object it may be is closed. */
  closed?: boolean;
  /** The sheet's bracketed constraints: `minimum`, `maxLength`, `pattern`, `const`, `default`, … */
  constraints?: Record<string, string | number>;
}

/** A schema of the sheet: its properties by path. */
export type SheetSchema = Record<string, SheetProperty>;

/** One operation of the sheet. */
export interface SheetOperation {
  method: string;
  route: string;
  /** The scopes an API key needs: none, one, or two (`lists:read and accounts:read`). */
  scopes: string[];
  /** The rate-limit category, or null where the sheet gives none. */
  rateLimit: string | null;
  /** Path and query parameters. */
  params: {
    in: string;
    name: string;
    required: boolean;
    type: string;
    constraints?: Record<string, number>;
  }[];
  body?: { required: boolean; schema: SheetSchema };
  /** The name of the 200 response's schema. */
  response: string;
  /** The schema name of each documented error status. */
  errors: Record<string, string>;
}

/** `spec/surface-index.yaml`: what the surface sheet documents. */
export interface SurfaceIndex {
  sheet: string;
  operations: Record<string, SheetOperation>;
  schemas: Record<string, SheetSchema>;
}

/** Reads the index. */
export function readSurfaceIndex(file: string): SurfaceIndex {
  return parse(readFileSync(file, 'utf8')) as SurfaceIndex;
}

const INDEX_HEAD = `# What the provider's published API documents (the surface sheet \`sheet\`), as
# test/surface-sheet.ts reads it: every operation (route, scopes, rate-limit category, path and
# query parameters, body, 200 schema, error schema per status) and every schema, each property
# under its dotted wire path (\`*\` is any key of a map or item of an array, '' the schema itself)
# with its required-ness, JSON types, literals, closedness and constraints. test/surface.test.ts
# checks the spec against it, and it against the sheet when LIGHTFIELD_SURFACE_SHEET names a copy.
# Written by formatIndex (LIGHTFIELD_SURFACE_INDEX_WRITE=1 with the sheet): do not edit by hand.
`;

/** The index as YAML: one line per property, parameter, error map and scope list. */
export function formatIndex(index: SurfaceIndex): string {
  const doc = new Document(index);
  visit(doc, {
    Pair(_, pair, path) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      const keys = path.map((n) => (n as { key?: { value?: unknown } }).key?.value).filter(Boolean);
      const row = keys.includes('schema') || (keys[0] === 'schemas' && keys.length === 2);
      const value = pair.value;
      if (isMap(value) && (row || ['errors', 'constraints'].includes(key))) value.flow = true;
      if (isSeq(value) && key === 'scopes') value.flow = true;
      if (isSeq(value) && key === 'params') value.items.forEach((i) => isMap(i) && (i.flow = true));
    },
  });
  return INDEX_HEAD + doc.toString({ lineWidth: 0 });
}

type TypeNode =
  | { kind: 'prim'; name: string }
  | { kind: 'literal'; value: string }
  | { kind: 'ref'; name: string }
  | { kind: 'array'; items: TypeNode }
  | { kind: 'record'; value: TypeNode }
  | { kind: 'union'; options: TypeNode[] }
  | { kind: 'object'; closed: boolean; members: Member[] };
interface Member {
  key: string;
  optional: boolean;
  type: TypeNode;
  constraints?: Record<string, string | number>;
}

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean', 'null']);

/** A recursive-descent reader of the sheet's TypeScript-like notation. */
class TypeReader {
  #at = 0;
  constructor(readonly text: string) {}

  read(): TypeNode {
    const node = this.#union();
    this.#space();
    if (this.#at < this.text.length)
      throw new Error(`unread: ${this.text.slice(this.#at, this.#at + 40)}`);
    return node;
  }

  #space(newlines = true): void {
    const re = newlines ? /[\s]/ : /[ \t]/;
    while (this.#at < this.text.length && re.test(this.text[this.#at]!)) this.#at++;
  }

  #eat(token: string): boolean {
    this.#space();
    if (!this.text.startsWith(token, this.#at)) return false;
    this.#at += token.length;
    return true;
  }

  #expect(token: string): void {
    if (!this.#eat(token))
      throw new Error(`expected ${token} at ${this.text.slice(this.#at, this.#at + 40)}`);
  }

  /** A token on the same line: a `|` never starts a line, a `[key: string]` member does. */
  #eatInline(token: string): boolean {
    const start = this.#at;
    this.#space(false);
    if (this.text.startsWith(token, this.#at)) {
      this.#at += token.length;
      return true;
    }
    this.#at = start;
    return false;
  }

  #union(): TypeNode {
    const options = [this.#primary()];
    while (this.#eatInline('|')) options.push(this.#primary());
    return options.length === 1 ? options[0]! : { kind: 'union', options };
  }

  #primary(): TypeNode {
    if (this.#eat('(')) {
      const inner = this.#union();
      this.#expect(')');
      return inner;
    }
    if (this.#eat('{')) return this.#object();
    if (this.#eat('Record<string,')) {
      const value = this.#union();
      this.#expect('>');
      return { kind: 'record', value };
    }
    if (this.#eat('Array<')) {
      const items = this.#union();
      this.#expect('>');
      return { kind: 'array', items };
    }
    if (this.#eat('"')) {
      const end = this.text.indexOf('"', this.#at);
      const value = this.text.slice(this.#at, end);
      this.#at = end + 1;
      return { kind: 'literal', value };
    }
    const name = /^[A-Za-z_]\w*/.exec(this.text.slice(this.#at))?.[0];
    if (!name) throw new Error(`no type at ${this.text.slice(this.#at, this.#at + 40)}`);
    this.#at += name.length;
    return PRIMITIVES.has(name) ? { kind: 'prim', name } : { kind: 'ref', name };
  }

  #object(): TypeNode {
    this.#space(false);
    const closed = this.#eat('// no other keys');
    const members: Member[] = [];
    while (!this.#eat('}')) {
      if (this.#eat(';')) continue;
      const key = this.#eat('[key: string]') ? '*' : /^[$\w]+/.exec(this.text.slice(this.#at))?.[0];
      if (!key) throw new Error(`no key at ${this.text.slice(this.#at, this.#at + 40)}`);
      if (key !== '*') this.#at += key.length;
      const optional = this.#eat('?');
      this.#expect(':');
      const type = this.#union();
      const constraints = this.#eatInline('[') ? this.#constraints() : undefined;
      members.push({ key, optional, type, ...(constraints ? { constraints } : {}) });
    }
    return { kind: 'object', closed, members };
  }

  /** `[minimum 0, maximum 25]`, `[pattern …]` (to the end of the line), `[const "x"]`. */
  #constraints(): Record<string, string | number> {
    const end = this.text.indexOf('\n', this.#at);
    const line = this.text.slice(this.#at, end === -1 ? undefined : end).trimEnd();
    this.#at = end === -1 ? this.text.length : end;
    return parseConstraints(line.slice(0, -1));
  }
}

/** The items of a bracketed constraint list, its brackets removed. */
export function parseConstraints(text: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const items = text.startsWith('pattern ') ? [text] : text.split(', ');
  for (const item of items) {
    const space = item.indexOf(' ');
    const key = item.slice(0, space);
    const raw = item.slice(space + 1);
    out[key] = raw.startsWith('"') ? raw.slice(1, -1) : /^-?\d+$/.test(raw) ? Number(raw) : raw;
  }
  return out;
}

/** The JSON types a type node allows; `integer` goes where `number` is allowed too. */
function typesOf(node: TypeNode): string[] {
  const types = new Set<string>();
  const visit = (n: TypeNode): void => {
    if (n.kind === 'union') n.options.forEach(visit);
    else if (n.kind === 'prim') types.add(n.name);
    else if (n.kind === 'literal') types.add('string');
    else if (n.kind === 'array') types.add('array');
    else types.add('object');
  };
  visit(node);
  if (types.has('number')) types.delete('integer');
  return [...types].sort();
}

function literalsOf(node: TypeNode): string[] | undefined {
  const options = node.kind === 'union' ? node.options : [node];
  const nonNull = options.filter((o) => !(o.kind === 'prim' && o.name === 'null'));
  if (nonNull.length === 0 || !nonNull.every((o) => o.kind === 'literal')) return undefined;
  return nonNull.map((o) => (o as { value: string }).value);
}

/** The object and map branches of a type, flattened out of its unions. */
function branches(node: TypeNode): TypeNode[] {
  return node.kind === 'union' ? node.options.flatMap(branches) : [node];
}

/** Flattens a type into its properties by dotted path. */
export function flatten(
  node: TypeNode,
  path = '',
  out: SheetSchema = {},
  member?: Member,
): SheetSchema {
  const objects = branches(node).filter((b) => b.kind === 'object');
  const literals = literalsOf(node);
  const row: SheetProperty = {
    ...(member && path !== '' && !path.endsWith('*') ? { required: !member.optional } : {}),
    types: typesOf(node),
    ...(literals ? { enum: literals } : {}),
    ...(objects.length > 0 && objects.every((o) => o.kind === 'object' && o.closed)
      ? { closed: true }
      : {}),
    ...(member?.constraints ? { constraints: member.constraints } : {}),
  };
  const previous = out[path];
  out[path] = previous
    ? { ...previous, types: [...new Set([...previous.types, ...row.types])].sort() }
    : row;
  const child = (key: string) => (path === '' ? key : `${path}.${key}`);
  for (const b of branches(node)) {
    if (b.kind === 'object') for (const m of b.members) flatten(m.type, child(m.key), out, m);
    else if (b.kind === 'record') flatten(b.value, child('*'), out);
    else if (b.kind === 'array') flatten(b.items, child('*'), out);
  }
  return out;
}

/** Reads the sheet: every operation and schema, as the index records them. */
export function parseSheet(text: string, sheet: string): SurfaceIndex {
  const index: SurfaceIndex = { sheet, operations: {}, schemas: {} };
  const sections = text.split(/^### /m).slice(1);
  for (const section of sections) {
    const [head = '', ...rest] = section.split('\n');
    const body = rest.join('\n');
    const op = /^`([\w.]+)`: (GET|POST|PUT|PATCH|DELETE) (\S+)$/.exec(head);
    const block = /```ts\n([\s\S]*?)\n```/.exec(body)?.[1];
    if (op) index.operations[op[1]!] = readOperation(op[2]!, op[3]!, body, block);
    else if (block) index.schemas[head.trim()] = flatten(new TypeReader(block).read());
  }
  return index;
}

function readOperation(
  method: string,
  route: string,
  text: string,
  block?: string,
): SheetOperation {
  const scope = /^- scope: (.+?); rate limit: (\w+)$/m.exec(text);
  const scopes = !scope || scope[1] === 'None' ? [] : scope[1]!.split(' and ');
  const params = [...text.matchAll(/^- (path|query) `(\w+)`(\?)?: (\w+)(?: \[(.+)\])?$/gm)].map(
    ([, where, name, optional, type, constraints]) => ({
      in: where!,
      name: name!,
      required: optional !== '?',
      type: type!,
      ...(constraints
        ? { constraints: parseConstraints(constraints) as Record<string, number> }
        : {}),
    }),
  );
  const bodyLine = /^- body \(application\/json(, required)?\):$/m.exec(text);
  const response = /^- 200 \(application\/json\): `(\w+)`$/m.exec(text)?.[1] ?? '';
  const errors = Object.fromEntries(
    [...(/^- errors: (.+)$/m.exec(text)?.[1] ?? '').matchAll(/(\d{3}) (\w+)/g)].map(
      ([, status, name]) => [status!, name!],
    ),
  );
  return {
    method,
    route,
    scopes,
    rateLimit: scope?.[2] ?? null,
    params,
    ...(bodyLine && block
      ? { body: { required: Boolean(bodyLine[1]), schema: flatten(new TypeReader(block).read()) } }
      : {}),
    response,
    errors,
  };
}
