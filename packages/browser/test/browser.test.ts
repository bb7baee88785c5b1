import { spawn } from 'node:child_process';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Lightfield } from '@lightfield/client';
import { chromiumPath, CHROMIUM_FLAGS } from '@lightfield/testkit/chromium';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CREATED_NAME, createdName, STEPS } from '../../../spec/test/scenarios/browser.js';
import type { PageResult } from '../src/scenario.js';
import { tempDir } from '@lightfield/testkit';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
/** Where to write a screenshot of each page, when set. */
const SCREENSHOTS = process.env['BROWSER_TEST_SCREENSHOTS'];

let outDir: string;
let site: PreviewServer;
let pageUrl: string;
let browser: Browser;

/** Starts `lightfield-mock` as a user would, and resolves to the URL it prints. */
async function startMock(args: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const bin = path.join(
    path.dirname(require.resolve('@lightfield/fixtures/package.json')),
    'bin/lightfield-mock.js',
  );
  const child = spawn(process.execPath, [bin, '--port', '0', ...args]);
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('close', (code) => reject(new Error(`lightfield-mock exited ${code}: ${err}`)));
    child.stdout.on('data', (d: Buffer) => {
      const m = /listening on (http:\/\/\S+)/.exec(d.toString());
      if (m?.[1]) resolve(m[1]);
    });
  });
  child.removeAllListeners('close');
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('close', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Opens the page in a fresh context and reads back what it reports. */
async function runPage(
  name: string,
  query: Record<string, string>,
): Promise<{ result: PageResult; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 900, height: 420 } });
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // The 404 the page asks for on purpose is logged by Chromium as a failed load.
      if (m.type() === 'error' && !m.location().url.endsWith('_missing'))
        problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    await page.goto(`${pageUrl}?${new URLSearchParams(query)}`);
    await page.waitForFunction(() => window.lightfieldResult !== undefined, undefined, {
      timeout: 60_000,
    });
    const result = (await page.evaluate(() => window.lightfieldResult))!;
    expect(await page.getAttribute('body', 'data-status')).toBe(result.status);
    if (SCREENSHOTS) {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    }
    return { result, problems };
  } finally {
    await context.close();
  }
}

function expectAllPassed({ result, problems }: { result: PageResult; problems: string[] }) {
  const summary = JSON.stringify({ result, problems }, null, 2);
  expect(
    result.checks.map((c) => c.step),
    summary,
  ).toEqual(STEPS);
  expect(
    result.checks.filter((c) => !c.ok),
    summary,
  ).toEqual([]);
  expect(result.status, summary).toBe('pass');
  expect(problems, summary).toEqual([]);
}

beforeAll(async () => {
  const executablePath = chromiumPath();
  outDir = await tempDir('lightfield-browser-');
  const configFile = path.join(root, 'vite.config.ts');
  await build({ configFile, build: { outDir, emptyOutDir: true } });
  // msw's worker script, served beside the page as `npx msw init` would place it.
  await copyFile(
    require.resolve('msw/mockServiceWorker.js'),
    path.join(outDir, 'mockServiceWorker.js'),
  );
  site = await preview({
    configFile,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  pageUrl = site.resolvedUrls!.local[0]!;
  browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('@lightfield/client in Chromium', () => {
  test('calls lightfield-mock on another origin: create → retrieve → list', async () => {
    const pageOrigin = new URL(pageUrl).origin;
    const mock = await startMock(['--cors', pageOrigin]);
    try {
      expect(new URL(mock.url).origin).not.toBe(pageOrigin);
      const run = await runPage('client-and-mock', { mode: 'mock', api: mock.url });
      expectAllPassed(run);
      // The write landed on the mock itself, not in some page-side stand-in.
      const node = new Lightfield({ apiKey: 'k', baseUrl: mock.url, logLevel: 'off' });
      expect(await createdName(node, run.result.createdId!)).toBe(CREATED_NAME);
    } finally {
      await mock.stop();
    }
  });

  test('is blocked by the browser when the mock allows another origin only', async () => {
    const mock = await startMock(['--cors', 'http://127.0.0.1:9']);
    try {
      const { result } = await runPage('client-blocked', { mode: 'mock', api: mock.url });
      expect(result.status).toBe('fail');
      expect(result.error).toMatch(/^APIConnectionError: /);
    } finally {
      await mock.stop();
    }
  });
});

describe('@lightfield/fixtures/msw in Chromium', () => {
  test("setupWorker answers the client's calls: create → retrieve → list", async () => {
    expectAllPassed(await runPage('msw-worker', { mode: 'msw' }));
  });
});
