import { Lightfield, type ClientOptions } from '@lightfield/client';
import { createRetrieveList } from '../../../spec/test/scenarios/browser.js';
import type { Check, PageResult } from './scenario.js';

declare global {
  interface Window {
    /** Set once the page is done; the test reads it with playwright. */
    lightfieldResult?: PageResult;
  }
}

const params = new URLSearchParams(location.search);
const checks: Check[] = [];

function check(step: string, got: unknown, ok: boolean): void {
  checks.push({ step, got: String(got), ok });
  const row = document.createElement('tr');
  for (const [text, cls] of [
    [step, ''],
    [String(got), ''],
    [ok ? 'pass' : 'fail', ok ? 'ok' : 'fail'],
  ] as const) {
    const cell = document.createElement('td');
    cell.textContent = text;
    if (cls) cell.className = cls;
    row.append(cell);
  }
  document.querySelector('#checks')!.append(row);
}

/** `?mode=mock&api=<lightfield-mock URL>` calls the mock across origins; `?mode=msw` runs the msw worker. */
async function clientFor(mode: string | null): Promise<Lightfield> {
  // A test key, and the page is the test: the client's browser guard lets it through.
  const options: ClientOptions & { dangerouslyAllowBrowser: boolean } = {
    apiKey: 'browser-test-key',
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    logLevel: 'off',
  };
  if (mode === 'mock') {
    const api = params.get('api');
    if (!api) throw new Error('?api=<lightfield-mock URL> is missing');
    return new Lightfield({ ...options, baseUrl: api });
  }
  if (mode === 'msw') {
    const [{ setupWorker }, { createHandlers }] = await Promise.all([
      import('msw/browser'),
      import('@lightfield/fixtures/msw'),
    ]);
    // The handlers answer for the client's default base URL, with rate-limit headers on.
    const worker = setupWorker(...createHandlers({ seed: 7, rateLimit: true }));
    await worker.start({ quiet: true, onUnhandledRequest: 'error' });
    return new Lightfield(options);
  }
  throw new Error(`unknown ?mode=${mode}: use mock or msw`);
}

async function run(): Promise<PageResult> {
  const mode = params.get('mode');
  document.querySelector('#where')!.textContent =
    mode === 'mock'
      ? `lightfield-mock at ${params.get('api')}, from ${location.origin}`
      : `msw setupWorker with @lightfield/fixtures/msw, on ${location.origin}`;
  try {
    const client = await clientFor(mode);
    const createdId = await createRetrieveList(client, check);
    return { status: checks.every((c) => c.ok) ? 'pass' : 'fail', checks, createdId };
  } catch (error) {
    const text = `${(error as Error).name}: ${(error as Error).message}`;
    check('no error thrown', text, false);
    return { status: 'fail', checks, error: text };
  }
}

void run().then((result) => {
  document.body.dataset['status'] = result.status;
  window.lightfieldResult = result;
});
