import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumPath, CHROMIUM_FLAGS } from '@lightfield/testkit/chromium';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SITE } from '../src/build.js';
import { siteOperations, type SampleOperation } from './site.js';

// The reference page as a reader sees it: Debian's Chromium renders it (offline: any request that
// is not for a local file is aborted), and every operation must show its TypeScript sample.
/** The screenshot the test leaves for a human to look at. */
const SCREENSHOT = path.join(SITE, 'reference.png');

let profile: string;
let context: BrowserContext;
let page: Page;
let operations: SampleOperation[];

beforeAll(async () => {
  operations = await siteOperations();
  // A fresh profile per run (playwright passes it as --user-data-dir).
  profile = await mkdtemp(path.join(tmpdir(), 'lightfield-docs-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1440, height: 900 },
  });
  page = await context.newPage();
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  await page.goto(pathToFileURL(path.join(SITE, 'reference', 'index.html')).href);
});

afterAll(async () => {
  await context?.close();
  await rm(profile, { recursive: true, force: true });
});

/** Visible text with runs of white space made one space, as code blocks and samples compare. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The operation's entry in the tag's operation list (not the sidebar's, which shows the summary):
 * a link to the operation's own view that shows its path.
 */
function entry(op: SampleOperation) {
  // Redoc lower-cases the operation id in its links (`#/list/list.listaccounts`).
  return page.locator(`a[href$="/${op.operationId}" i]`).filter({ hasText: op.path }).first();
}

/**
 * Shows the operation's tag, the way a reader clicks it in the sidebar: Redoc renders the sections
 * near the viewport only, so an entry far down the page is not there until its tag is shown.
 */
async function showTag(op: SampleOperation): Promise<void> {
  if (op.tag) await page.getByRole('link', { name: op.tag, exact: true }).first().click();
}

/** Opens one operation's view, the way a reader clicks it in its tag's list. */
async function open(op: SampleOperation): Promise<void> {
  await showTag(op);
  await entry(op).click();
  await expect
    .poll(
      () =>
        page
          .locator('h1, h2')
          .filter({ hasText: op.summary ?? op.path })
          .count(),
      {
        timeout: 20_000,
      },
    )
    .toBeGreaterThan(0);
}

/** The visible code blocks that call the client. */
function visibleSamples() {
  return page.locator('pre:visible, code:visible').filter({ hasText: 'client.' });
}

describe('the API reference page', () => {
  test('lists every operation with its method and path', async () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      await showTag(op);
      await expect.poll(() => entry(op).isVisible(), { timeout: 20_000 }).toBe(true);
      // The entry's text fills in once Redoc lays it out, which can trail its first paint.
      await expect
        .poll(
          async () =>
            squash(await entry(op).innerText())
              .replace(/ /g, '')
              .toLowerCase(),
          {
            message: op.operationId,
            timeout: 20_000,
          },
        )
        .toBe(`${op.method}${op.path}`.toLowerCase());
    }
  });

  test('shows each operation with its TypeScript sample', async () => {
    for (const op of operations) {
      await open(op);
      await expect
        .poll(async () => (await visibleSamples().allInnerTexts()).map(squash), {
          message: op.operationId,
          timeout: 20_000,
        })
        .toContain(squash(op.sample!));
    }
  });

  test('leaves a screenshot of an operation with its sample', async () => {
    const shot = operations.find((op) => op.method === 'post') ?? operations[0]!;
    await open(shot);
    // Shot once this operation's own sample (the page holds every operation's) is laid out inside
    // the viewport and the fonts are in.
    const sample = visibleSamples().filter({ hasText: `client.${shot.operationId}(` });
    await expect
      .poll(async () => (await sample.first().boundingBox())?.y ?? -1, {
        timeout: 20_000,
      })
      .toBeGreaterThanOrEqual(0);
    // …and once the sidebar lists the open operation among its tag's (it fills in after the
    // page's first paint; other tags stay folded).
    for (const op of operations.filter((o) => o.summary && o.tag === shot.tag)) {
      await expect
        .poll(() => page.getByText(op.summary!, { exact: true }).first().isVisible(), {
          message: `sidebar entry of ${op.operationId}`,
          timeout: 20_000,
        })
        .toBe(true);
    }
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: SCREENSHOT });
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(10_000);
  });
});
