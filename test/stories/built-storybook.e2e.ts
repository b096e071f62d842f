/**
 * The static Storybook as CI builds it (`npm run build-storybook`, then
 * `npm run test:storybook`): storybook-static served by a plain static file
 * server, as any host would, with no demo endpoint. Every story and every
 * docs page of storybook-static/index.json is opened in Chromium; each must
 * render, run its play function and finish with no page error, no console
 * error, no failed request (but the 404s a story is about) and no failed
 * accessibility report, and show its elements with something in them.
 * Not part of `npm test`, which runs before the Storybook is built.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.js';
import type { RunningServer } from '../../scripts/static-server.js';
import { launchChromium } from '../e2e/browser.js';

const STATIC = fileURLToPath(new URL('../../storybook-static/', import.meta.url));

interface Entry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

/** The requests a story is about: a directory or tiles that are not there. */
const EXPECTED_MISSING: Readonly<Record<string, RegExp>> = {
  'elements-spine-finder--error-with-retry': /\/demo-data\/no-such-directory\.json$/,
  'elements-spine-map--tiles-fail': /\/no-such-tiles\//,
};

/** Stories about a failure: the finder's alert, with Retry. Anywhere else an alert means a broken story. */
const EXPECTED_ALERT = new Set(['elements-spine-finder--error-with-retry']);

/** Stories that stay searching on purpose. */
const STILL_SEARCHING = new Set(['elements-spine-finder--loading']);

/** How long one story may take, search and map included. */
const STORY_TIMEOUT = 20_000;

interface Finished {
  status: 'success' | 'error';
  reporters: { type: string; status: string; result?: { violations?: { id: string }[] } }[];
}

declare global {
  interface Window {
    /** What Storybook's channel said when the story finished, or that the docs page rendered. */
    spineStoryFinished?: Finished;
    spineDocsRendered?: boolean;
  }
}

/**
 * Runs in the page before Storybook: when Storybook sets up its channel,
 * listens on it for the end of the story (after its play function and the
 * accessibility addon's check) or of the docs page. A string, not a
 * function: tsx would wrap a function's inner functions in a helper the
 * page does not have.
 */
const LISTEN_TO_STORYBOOK = `
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      value.on('storyFinished', (payload) => { window.spineStoryFinished = payload; });
      value.on('docsRendered', () => { window.spineDocsRendered = true; });
    },
  });
`;

/** What is wrong on the page once the story or docs page has finished. */
async function problemsOnPage(page: Page, entry: Entry): Promise<string[]> {
  if (entry.type === 'docs') {
    await page.waitForFunction(() => window.spineDocsRendered === true, undefined, { timeout: STORY_TIMEOUT });
    // Each story of the docs page, rendered inline: the same check as the stories themselves.
    return page.evaluate(() => {
      const shown = [...document.querySelectorAll('#storybook-docs .docs-story')];
      const empty = shown.filter((story) => story.getBoundingClientRect().height < 10);
      return [
        ...(shown.length === 0 ? ['no story on the docs page'] : []),
        ...empty.map((_, index) => `docs story ${index + 1} is empty`),
      ];
    });
  }
  const finished = await page.waitForFunction(() => window.spineStoryFinished, undefined, {
    timeout: STORY_TIMEOUT,
  });
  const { status, reporters } = (await finished.jsonValue()) as Finished;
  const problems: string[] = [];
  if (status !== 'success') {
    const failed = reporters.filter((report) => report.status !== 'passed');
    const rules = failed.flatMap((report) => report.result?.violations?.map((violation) => violation.id) ?? []);
    problems.push(
      `Storybook says the story failed: ${failed.map((report) => report.type).join(', ')} ${rules.join(', ')}`,
    );
  }
  if (!STILL_SEARCHING.has(entry.id)) {
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#storybook-root spine-finder')].every(
          (finder) =>
            !/Searching|Buscando/.test(finder.shadowRoot?.querySelector('[role="status"]')?.textContent ?? ''),
        ),
      undefined,
      { timeout: STORY_TIMEOUT },
    );
  }
  const alert = await page.evaluate(() =>
    [...document.querySelectorAll('#storybook-root spine-finder')]
      .map((finder) => {
        const shown = finder.shadowRoot?.querySelector('[part~="alert"]');
        const retry = finder.shadowRoot?.querySelector('[part~="retry-button"]') ? ' [Retry]' : '';
        const text = shown?.textContent?.replace(/\s+/g, ' ').trim();
        return text ? `${text}${retry}` : '';
      })
      .join(''),
  );
  if (EXPECTED_ALERT.has(entry.id)) {
    if (!alert.endsWith('[Retry]')) problems.push(`no alert with Retry: "${alert}"`);
  } else if (alert) {
    problems.push(`the finder says: ${alert}`);
  }
  problems.push(
    ...(await page.evaluate(() => {
      const found: string[] = [];
      if (document.body.classList.contains('sb-show-errordisplay')) found.push('Storybook shows an error');
      const elements = [...document.querySelectorAll('#storybook-root *')].filter(
        (element) => element.localName.startsWith('spine-') && element.parentElement?.closest('[id="storybook-root"]'),
      );
      const outermost = elements.filter(
        (element) => !elements.some((other) => other !== element && other.contains(element)),
      );
      if (outermost.length === 0) found.push('no spine-finder element in the story');
      for (const element of outermost) {
        const box = element.getBoundingClientRect();
        if (!element.shadowRoot || element.shadowRoot.childElementCount === 0 || box.height < 10 || box.width < 10) {
          found.push(`<${element.localName}> is empty (${Math.round(box.width)}×${Math.round(box.height)})`);
        }
      }
      return found;
    })),
  );
  return problems;
}

describe('the built Storybook (storybook-static)', { concurrency: 2 }, () => {
  let server: RunningServer;
  let browser: Browser;

  assert.ok(
    existsSync(join(STATIC, 'index.json')),
    'no storybook-static/index.json: run `npm run build-storybook` first',
  );
  const index = JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8')) as { entries: Record<string, Entry> };
  const entries = Object.values(index.entries);

  before(async () => {
    server = await startStaticServer({ root: STATIC });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a story for every element, and a docs page for each', () => {
    const titles = new Set(entries.map((entry) => entry.title));
    for (const tag of ['finder', 'search-box', 'filters', 'results', 'provider-card', 'map', 'referral-tray']) {
      assert.ok(titles.has(`Elements/spine-${tag}`), `no stories of <spine-${tag}>`);
      assert.ok(
        entries.some((entry) => entry.title === `Elements/spine-${tag}` && entry.type === 'docs'),
        `no docs page of <spine-${tag}>`,
      );
    }
  });

  for (const entry of entries) {
    it(`${entry.title} › ${entry.name}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      const problems: string[] = [];
      const expectedMissing = EXPECTED_MISSING[entry.id];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const url = message.location().url;
        // The browser asks for a favicon of its own accord; Storybook's is an SVG.
        if (url.endsWith('/favicon.ico')) return;
        if (expectedMissing?.test(url) && message.text().startsWith('Failed to load resource')) return;
        problems.push(`console error: ${message.text()} ${url}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && !expectedMissing?.test(response.url())) {
          problems.push(`${response.status()} for ${response.url()}`);
        }
      });
      await page.addInitScript({ content: LISTEN_TO_STORYBOOK });
      try {
        const viewMode = entry.type === 'docs' ? 'docs' : 'story';
        await page.goto(`${server.origin}/iframe.html?id=${entry.id}&viewMode=${viewMode}`);
        problems.push(...(await problemsOnPage(page, entry)));
      } finally {
        await context.close();
      }
      assert.deepEqual(problems, []);
    });
  }
});
