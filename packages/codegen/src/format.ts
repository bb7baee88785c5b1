import { format } from 'prettier';

// Generated code is formatted like hand-written code, so `format:check` covers it and diffs stay readable.
/** The prettier options generated code is formatted with. */
export const PRETTIER_OPTIONS = {
  parser: 'typescript',
  singleQuote: true,
  printWidth: 100,
  trailingComma: 'all',
} as const;

/**
 * Formats a generated TypeScript file with the repository's prettier settings. Generators print
 * their source loosely (values as `JSON.stringify` prints them) and leave the layout to prettier.
 */
export function formatTs(source: string): Promise<string> {
  return format(source, PRETTIER_OPTIONS);
}

/** A JSDoc block from spec text; empty when there is none. */
export function jsdoc(...paragraphs: (string | undefined)[]): string {
  const text = paragraphs.filter((p): p is string => Boolean(p && p.trim())).map((p) => p.trim());
  if (text.length === 0) return '';
  const lines = text.join('\n\n').replace(/\*\//g, '*\\/').split('\n');
  return `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n */\n`;
}
