import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * A host site's folder, fresh in the system's temporary folder, with the
 * built drop-in copied where a host keeps its scripts (`/vendor/spine-finder/`).
 * The caller writes its pages there and removes the folder afterwards.
 */
export async function siteWithDropIn(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `spine-${name}-`));
  await cp(DIST, join(root, 'vendor', 'spine-finder'), { recursive: true });
  return root;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A new page that records its uncaught errors and the URL of every request it makes. */
export async function recordedPage(browser: Browser): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  return { page, errors, requests };
}

/**
 * Searches 60614 (Chicago, where the demo directory has clinicians) in the
 * finder on `page`, and waits until the count is announced and the map shows
 * its first marker or cluster. Returns how many cards the list shows.
 */
export async function searchChicago(page: Page): Promise<number> {
  const field = page.getByRole('textbox', { name: 'ZIP code or city' });
  await field.fill('60614');
  await field.press('Enter');
  await page
    .getByRole('status')
    .filter({ hasText: /clinicians within 25 miles of 60614/ })
    .waitFor();
  await page.locator('.spine-marker[role="button"], .spine-cluster[role="button"]').first().waitFor();
  return page.locator('spine-provider-card').count();
}
