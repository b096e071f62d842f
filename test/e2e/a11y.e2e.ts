/**
 * A full-page axe-core scan of the built drop-in on a plain page, after a
 * person has searched and opened a card's details: WCAG 2.0, 2.1 and 2.2
 * A and AA rules, in English and in Spanish. axe descends into the finder's
 * open shadow roots. Run by `npm run test:e2e` after `npm run build`.
 */
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.js';
import type { RunningServer } from '../../scripts/static-server.js';
import { launchChromium, siteWithDropIn } from './browser.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

interface AxeResults {
  violations: AxeViolation[];
  passes: Array<{ id: string }>;
  testEngine: { version: string };
}

/** The words a language's page uses, as a person reads them. */
const LANGUAGES = {
  en: {
    field: 'ZIP code or city',
    found: /clinicians within 25 miles of 60614/,
    moreDetails: 'More details',
    fewerDetails: 'Fewer details',
  },
  es: {
    field: 'Código postal (ZIP) o ciudad',
    found: /profesionales a menos de 25 millas de 60614/,
    moreDetails: 'Más detalles',
    fewerDetails: 'Menos detalles',
  },
} as const;

describe('a full-page axe scan of the drop-in after a search', () => {
  let site: RunningServer;
  let browser: Browser;
  let siteRoot: string;

  before(async () => {
    siteRoot = await siteWithDropIn('a11y');
    for (const lang of Object.keys(LANGUAGES)) {
      await writeFile(
        join(siteRoot, `${lang}.html`),
        `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
         <meta name="viewport" content="width=device-width, initial-scale=1"><title>Clinic</title>
         <script type="module" src="/vendor/spine-finder/spine-finder.js"></script></head>
         <body><main><h1>Our network</h1><spine-finder endpoint="/api/directory"></spine-finder></main></body></html>`,
      );
    }
    site = await startStaticServer({ root: siteRoot, endpoint: true });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await rm(siteRoot, { recursive: true, force: true });
  });

  /** Searches 60614 with the keyboard, waits for the list and the map, and opens the first card's details. */
  async function searchAndOpenDetails(page: Page, lang: keyof typeof LANGUAGES): Promise<void> {
    const words = LANGUAGES[lang];
    await page.goto(`${site.origin}/${lang}.html`);
    const field = page.getByRole('textbox', { name: words.field });
    await field.fill('60614');
    await field.press('Enter');
    await page.getByRole('status').filter({ hasText: words.found }).waitFor();
    await page.locator('.spine-marker[role="button"], .spine-cluster[role="button"]').first().waitFor();
    const details = page.getByRole('button', { name: words.moreDetails, exact: true }).first();
    await details.click();
    await page.getByRole('button', { name: words.fewerDetails, exact: true }).first().waitFor();
  }

  async function scan(page: Page): Promise<AxeResults> {
    await page.addScriptTag({ path: axePath });
    return page.evaluate(
      (tags) =>
        (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(
          document,
          { runOnly: tags },
        ),
      WCAG_AA,
    );
  }

  function report(violations: AxeViolation[]): string {
    return violations
      .map(
        (violation) =>
          `${violation.id}: ${violation.help}\n` +
          violation.nodes.map((node) => `  ${JSON.stringify(node.target)}\n  ${node.failureSummary}`).join('\n'),
      )
      .join('\n');
  }

  for (const lang of Object.keys(LANGUAGES) as Array<keyof typeof LANGUAGES>) {
    it(`finds no WCAG 2.2 A or AA violation in ${lang === 'en' ? 'English' : 'Spanish'}`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await searchAndOpenDetails(page, lang);
      const results = await scan(page);
      assert.deepEqual(results.violations, [], report(results.violations));
      // The scan looked inside the finder: rules passed on what only its shadow roots hold.
      const passed = new Set(results.passes.map((rule) => rule.id));
      for (const rule of ['color-contrast', 'button-name', 'label', 'link-name', 'aria-allowed-attr']) {
        assert.ok(passed.has(rule), `axe checked ${rule}`);
      }
      const insideShadow = await page.evaluate(() => {
        const finder = document.querySelector('spine-finder')!;
        return finder.shadowRoot !== null && finder.shadowRoot.mode === 'open';
      });
      assert.ok(insideShadow, 'the finder’s shadow root is open, so axe reads it');
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
