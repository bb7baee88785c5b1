// What the page reports. The calls it makes name today's spec, so they live in
// spec/test/scenarios/browser.ts; this page and its test stay generic.

/** One assertion the page made, as the test reads it back. */
export interface Check {
  step: string;
  got: string;
  ok: boolean;
}

/** What the page reports once it is done. */
export interface PageResult {
  status: 'pass' | 'fail';
  checks: Check[];
  /** The id the page created, so the test can look for it on the server side too. */
  createdId?: string;
  /** The first error thrown, as `name: message`. */
  error?: string;
}
