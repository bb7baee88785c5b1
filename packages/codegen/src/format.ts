import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Generated code is formatted like hand-written code, so `format:check` covers it and diffs stay readable.
/** The line width generated code is printed to. */
export const PRINT_WIDTH = 100;

/** The prettier options generated code is formatted with. */
export const PRETTIER_OPTIONS = {
  parser: 'typescript',
  singleQuote: true,
  printWidth: PRINT_WIDTH,
  trailingComma: 'all',
} as const;

// Prettier runs in a worker thread, started before the CLI loads openapi-typescript (which loads
// the TypeScript compiler): the worker loads and warms up prettier meanwhile, then formats while
// openapi-typescript holds the main thread. The worker is a script rather than a file next to this
// one, so it runs from the sources under vitest too.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const prettier = require(workerData.prettier);
// Formatting a sample first compiles prettier's hot paths, off the clock of the first real job.
const unit = [
  "/**",
  " * Retrieve one A by its id.",
  " */",
  "export class ResourceA {",
  "  readonly #client: { request(op: unknown, input: unknown, options?: unknown): unknown };",
  "  constructor(client: ResourceA['#client']) { this.#client = client; }",
  "  /** Lists them. */",
  "  list(query: { limit?: number; offset?: number; filter?: Record<string, unknown> } = {}, options?: RequestOptions): PagePromise<A> {",
  "    return this.#client.request(operationInfo['a.list'], { query: { ...query } }, options) as never;",
  "  }",
  "}",
  "export const a = { id: 'a.list', method: 'GET', path: '/v1/a', query: { limit: { type: 'integer', minimum: 1 } } } as const;",
  "export type A = components['schemas']['A'];",
].join('\\n');
const sample = Array.from({ length: 30 }, (_, i) => unit.replace(/\\bA\\b|ResourceA/g, (m) => m + i)).join('\\n');
const warm = prettier.format(sample, workerData.options).catch(() => undefined);
parentPort.on('message', async ({ id, source }) => {
  await warm;
  prettier.format(source, workerData.options).then(
    (text) => parentPort.postMessage({ id, text }),
    (error) => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});`;

interface Job {
  resolve(text: string): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
let nextId = 0;
const jobs = new Map<number, Job>();

/**
 * Starts the formatting worker if it is not running. The CLI calls it first thing, so prettier
 * is loaded and warm by the time there is code to format.
 */
export function startFormatter(): void {
  if (worker) return;
  const w = new Worker(WORKER, {
    eval: true,
    workerData: {
      prettier: createRequire(import.meta.url).resolve('prettier'),
      options: PRETTIER_OPTIONS,
    },
  });
  // An idle worker must not keep the process alive. unref() before the thread is online does
  // not hold in Node 20, so it is repeated once it is.
  w.unref();
  w.once('online', () => {
    if (jobs.size === 0) w.unref();
  });
  w.on('message', ({ id, text, error }: { id: number; text?: string; error?: string }) => {
    const job = jobs.get(id);
    jobs.delete(id);
    if (jobs.size === 0) w.unref();
    if (error !== undefined) job?.reject(new Error(`prettier: ${error}`));
    else job?.resolve(text ?? '');
  });
  w.on('error', (error) => {
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
    worker = undefined;
  });
  worker = w;
}

/** Formats TypeScript source with the repository's prettier settings, in the worker. */
export function formatTs(source: string): Promise<string> {
  startFormatter();
  return new Promise((resolve, reject) => {
    const id = nextId++;
    jobs.set(id, { resolve, reject });
    worker!.ref();
    worker!.postMessage({ id, source });
  });
}

// Separates declarations in one prettier batch; a line comment survives formatting as it is.
const SPLIT = '// @@lightfield-codegen-split@@';

/**
 * Top-level declarations, each with its JSDoc: those with a `fast` form (printed as prettier
 * would) are taken as they are, the rest are formatted by prettier in one batch.
 */
export async function formatDeclarations(
  decls: { doc: string; fast: string | undefined; source: string }[],
): Promise<string[]> {
  const slow = decls.filter((d) => d.fast === undefined);
  const formatted = slow.length
    ? (await formatTs(slow.map((d) => d.source).join(`\n${SPLIT}\n`)))
        .split(`${SPLIT}\n`)
        .map((s) => s.trimEnd())
    : [];
  if (formatted.length !== slow.length)
    throw new Error('formatDeclarations: prettier merged or split declarations');
  let next = 0;
  return decls.map((d) => d.doc + (d.fast ?? formatted[next++]!));
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// Strings prettier prints in single quotes with no escapes to decide on.
const PLAIN_STRING = /^[\x20-\x7e]*$/;

function flat(value: unknown): string | undefined {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    // Prettier rewrites exponents (1e+21 → 1e21); plain decimals it keeps.
    const text = String(value);
    return /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
  }
  if (typeof value === 'string')
    return PLAIN_STRING.test(value) && !/['"\\]/.test(value) ? `'${value}'` : undefined;
  if (Array.isArray(value)) {
    // Prettier always breaks a list of several objects (or arrays) that each have several entries.
    const size = (v: unknown) => (typeof v === 'object' && v !== null ? Object.keys(v).length : 0);
    const matrix =
      value.length > 1 &&
      value.every((v) => size(v) > 1 && Array.isArray(v) === Array.isArray(value[0]));
    if (matrix) return undefined;
    const items = value.map(flat);
    return items.includes(undefined) ? undefined : `[${items.join(', ')}]`;
  }
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      const key = propertyKey(k);
      const printed = flat(v);
      if (key === undefined || printed === undefined) return undefined;
      parts.push(`${key}: ${printed}`);
    }
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  }
  return undefined;
}

/** An object key as prettier prints it (quotes only where needed), or undefined when unsure. */
export function propertyKey(key: string): string | undefined {
  if (IDENTIFIER.test(key)) return key;
  return flat(key);
}

/**
 * A JSON value printed as a TypeScript literal the way prettier prints it, or `undefined` where
 * the layout is not certain (prettier then formats it). `column` is where the value starts on its
 * line and `tail` how many characters follow it there. Objects that don't fit are broken one
 * property per line, which prettier keeps as written; arrays are broken only when they must.
 */
export function printLiteral(
  value: unknown,
  indent: string,
  column: number,
  tail: number,
): string | undefined {
  const line = flat(value);
  if (line !== undefined && column + line.length + tail <= PRINT_WIDTH) return line;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    // Prettier fills arrays of numbers several to a line; leave those to it.
    if (value.length === 0 || value.every((v) => typeof v === 'number')) return undefined;
    const items = value.map((v) => printLiteral(v, inner, inner.length, 1));
    if (items.includes(undefined)) return undefined;
    return `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null && Object.keys(value).length > 0) {
    const lines: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      const key = propertyKey(k);
      const printed = key && printLiteral(v, inner, inner.length + key.length + 2, 1);
      if (!printed) return undefined;
      lines.push(`${inner}${key}: ${printed},`);
    }
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  // A primitive too long for its line: prettier may move it to the next one.
  return undefined;
}

/** A `const` declaration of a JSON value: `start` + value + `end`, after its JSDoc. */
export interface ConstantDeclaration {
  doc: string;
  start: string;
  value: unknown;
  end: string;
}

/**
 * A file of `const` declarations of JSON values after `prelude`, one blank line apart: printed
 * directly when every value's layout is certain, else formatted by prettier.
 */
export async function constantsFile(
  prelude: string,
  decls: ConstantDeclaration[],
): Promise<string> {
  const printed = decls.map((d) => printLiteral(d.value, '', d.start.length, d.end.length));
  const body = (values: (string | undefined)[]) =>
    decls.map((d, i) => `${d.doc}${d.start}${values[i]}${d.end}`).join('\n\n');
  if (printed.every((p) => p !== undefined)) return `${prelude}${body(printed)}\n`;
  return formatTs(`${prelude}${body(decls.map((d) => JSON.stringify(d.value)))}\n`);
}

/** A JSDoc block indented as prettier indents it inside a block. */
export function indentDoc(doc: string, indent: string): string {
  return doc.replace(/^(?=.)/gm, indent);
}

/** A JSDoc block from spec text; empty when there is none. */
export function jsdoc(...paragraphs: (string | undefined)[]): string {
  const text = paragraphs.filter((p): p is string => Boolean(p && p.trim())).map((p) => p.trim());
  if (text.length === 0) return '';
  const lines = text.join('\n\n').replace(/\*\//g, '*\\/').split('\n');
  return `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\n`;
}
