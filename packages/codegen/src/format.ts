import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Generated code is formatted like hand-written code, so `format:check` covers it and diffs stay readable.
/** The prettier options generated code is formatted with. */
export const PRETTIER_OPTIONS = {
  parser: 'typescript',
  singleQuote: true,
  printWidth: 100,
  trailingComma: 'all',
} as const;

// Prettier runs in a worker thread: formatting is most of a large spec's generation, and there it
// runs beside the rest (openapi-typescript, the fixtures' data) on a second core. The worker's
// code is a module of its own, so it runs the same from `dist/` and from the sources under test.
const WORKER = `
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
const { format } = createRequire(workerData.prettier)(workerData.prettier);
parentPort.on('message', ({ id, source, options }) =>
  format(source, options).then(
    (code) => parentPort.postMessage({ id, code }),
    (error) => parentPort.postMessage({ id, error: String(error?.message ?? error) }),
  ),
);`;

type Reply = { id: number; code: string } | { id: number; error: string };
type Pending = { resolve: (code: string) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

/** Rejects every waiting call and drops the worker, so that the next call starts a new one. */
function fail(error: Error): void {
  worker = undefined;
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

/** The formatting worker, started on first use. It keeps the process alive only while it works. */
function formatter(): Worker {
  if (worker) return worker;
  const prettier = createRequire(import.meta.url).resolve('prettier');
  const started = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER)}`), {
    workerData: { prettier },
  });
  started.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    if ('code' in reply) p?.resolve(reply.code);
    else p?.reject(new Error(`prettier: ${reply.error}`));
  });
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the formatting worker exited (${code})`)));
  return (worker = started);
}

/** Formats `source` with prettier's `parser` and the repository's settings. */
export function formatWith(source: string, parser: 'typescript' | 'markdown'): Promise<string> {
  const w = formatter();
  const id = nextId++;
  w.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, source, options: { ...PRETTIER_OPTIONS, parser } });
  });
}

/**
 * Formats a generated TypeScript file with the repository's prettier settings. Generators print
 * their source loosely (values as `JSON.stringify` prints them) and leave the layout to prettier.
 */
export function formatTs(source: string): Promise<string> {
  return formatWith(source, 'typescript');
}

/** A JSDoc block from spec text; empty when there is none. */
export function jsdoc(...paragraphs: (string | undefined)[]): string {
  const text = paragraphs.filter((p): p is string => Boolean(p && p.trim())).map((p) => p.trim());
  if (text.length === 0) return '';
  const lines = text.join('\n\n').replace(/\*\//g, '*\\/').split('\n');
  return `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\n`;
}
