/**
 * Whether the client runs in a browser page, where an API key in the code is visible to anyone
 * using the page. Like Stainless's check: Node, Deno, Bun and edge runtimes define no `window`
 * with a `document`; a jsdom test environment does, and counts as a browser.
 */
export function isBrowser(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window !== 'undefined' && typeof g.document !== 'undefined';
}
