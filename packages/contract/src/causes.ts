/**
 * Error lines → cause keys: what varies from spec to spec (names, numbers, paths, pointers) is
 * blanked out, so one failure class is one key whichever schema or operation it hit.
 */

type Rule = [RegExp, string | ((match: string, ...groups: string[]) => string)];

/** A JSON string field of a (possibly cut) body: `"message":"…"`. */
function field(body: string, name: string): string | undefined {
  const found = new RegExp(`"${name}":"((?:[^"\\\\]|\\\\.)*)`).exec(body)?.[1];
  return found?.replaceAll('\\"', '"');
}

/** `text` where it stands as a word of its own, not inside a longer name or path. */
function word(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w/{}-])${escaped}(?![\\w/{}-])`, 'g');
}

/** Rewrites applied in order; each says what it blanks. */
const RULES: Rule[] = [
  // A spec problem names the file and the pointer; its message and rule are the class.
  [/^\S+?(:\d+:\d+)? at #\S*: /, 'spec: '],
  // tsc: `client/src/generated/client.ts(12,5): error TS2537: …` keeps the file and the code.
  [/^(\S+?)\(\d+,\d+\): error (TS\d+):/, '$2 in $1:'],
  // The client's errors name the operation: `LightfieldError: orders.getOrders: …`.
  [/(\w+Error): [\w$]+\.[\w$]+: /, '$1: '],
  // A round-trip failure: `✗ operation (404): why (round-trip: 3/9 operations)`; the why may
  // name the operation again.
  [
    /^✗ (.+?)(?: \((\d{3})\))?: (.*)$/,
    (_, name: string, status: string | undefined, why: string) =>
      `${status ? `(${status}) ` : ''}${why.replace(word(name), '…')}`,
  ],
  [/ \(round-trip: \d+\/\d+ operations\)$/, ''],
  [/^timeout after [\d.]+s$/, 'timeout'],
  // What a server answered: the status, the problem, and the body's message (its type when it
  // has none), not the rest of the body.
  [
    /^(\(\d{3}\) status \d{3}(?: \((?:[^()]|\([^()]*\))*\))?): (.*)$/,
    (_, head: string, body: string) =>
      `${head}: ${field(body, 'message') ?? field(body, 'detail') ?? field(body, 'type') ?? '<body>'}`,
  ],
  // The mock's answer for a record it doesn't hold.
  [/\bNo \S+ has id\b.*$/, 'No … has id …'],
  // Names in quotes, but a quote of punctuation only (prettier's `'=' expected`) stays, and so
  // does an apostrophe (`can't`).
  [/(?<!\w)'[^']*'(?!\w)/g, (quote) => (/\w/.test(quote) ? "'…'" : quote)],
  [/"[^"]*"/g, (quote) => (/\w/.test(quote) ? '"…"' : quote)],
  [/`[^`]*`/g, (quote) => (/\w/.test(quote) ? '`…`' : quote)],
  [/\bhttps?:\/\/\S+/g, '<url>'],
  // Paths: absolute files, then wire paths and instance paths (`/data/parent must be string`).
  [/(^|[\s(])\/[^\s:)]*\.(json|ya?ml|[cm]?[jt]s)\b/g, '$1<file>'],
  [/(^|[\s(])\/[^\s,:)]*/g, '$1/…'],
  [/#\/[^\s,:)]*/g, '#/…'],
  [/\b[0-9a-f]{8,}\b/gi, 'N'],
  [/\(\d+:\d+\)/g, '(N:N)'],
  // Numbers, but for what reads as an HTTP status and for TS error codes.
  [/(?<![A-Z\d])(?![1-5]\d\d\b)\d+(\.\d+)?/g, 'N'],
];

/** Error lines are cut at 240 characters (round-trip lines at 300). */
const CUT = 240;
/** In a cut line, a quote opened after an even number of them that nothing closes. */
const CUT_QUOTE = /(?<=^[^']*(?:'[^']*'[^']*)*)'[^']*\w[^']*$/;

/** The longest cause key: the class shows in its start. */
const MAX = 160;

/**
 * The cause key of a failed stage's error line: `type-check: TS2537 in client/src/generated/
 * client.ts: Type '…' has no matching index signature for type '…'.`
 */
export function causeKey(stage: string, line: string): string {
  const cut = line.length >= CUT ? line.replace(CUT_QUOTE, "'…") : line;
  const key = RULES.reduce(
    (text, [re, to]) => (typeof to === 'string' ? text.replace(re, to) : text.replace(re, to)),
    cut.trim(),
  );
  return `${stage}: ${key.length > MAX ? `${key.slice(0, MAX - 1)}…` : key}`;
}

/** Failures grouped by cause, most frequent first. */
export interface CauseGroup<T> {
  cause: string;
  items: T[];
}

/** Groups `items` by the cause `keyOf` gives each, most frequent first, then by key. */
export function groupByCause<T>(items: T[], keyOf: (item: T) => string): CauseGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups]
    .map(([cause, list]) => ({ cause, items: list }))
    .sort((a, b) => b.items.length - a.items.length || a.cause.localeCompare(b.cause));
}
