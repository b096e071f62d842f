/**
 * The built drop-in on demo/csp.html, served with the strict policy of
 * scripts/static-server.ts (STRICT_CSP): no inline script or style, no eval,
 * data and workers from the page's origin only, and Trusted Types required
 * for every HTML string, with only the policies `lit-html` and
 * `spine-finder` allowed. A recorder of `securitypolicyviolation` events is
 * in the page (and in the frame the referral sheet prints from) before any
 * script runs; a person's whole visit must leave it empty. Run by
 * `npm run test:e2e` after `npm run build`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Worker } from 'playwright-core';
import { DEMO_PMTILES_PATH } from '../../scripts/basemap-routes.js';
import { startStaticServer, STRICT_CSP, STRICT_CSP_PAGES } from '../../scripts/static-server.js';
import type { RunningServer } from '../../scripts/static-server.js';
import { launchChromium, searchChicago } from './browser.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

interface Printed {
  text: string;
}

declare global {
  interface Window {
    /** Every `securitypolicyviolation` in the page and its frames, from before the first script. */
    spineViolations: Violation[];
    /** What the referral sheet's frame held when it was sent to the printer. */
    spinePrinted: Printed[];
  }
}

/**
 * Runs in the page before its own scripts (Playwright's init scripts are
 * not subject to the page's policy). Also watches each frame the page
 * reaches into, as test/referral/print-frames.ts does: a headless browser
 * has no print dialog, so the frame's `print()` records the sheet and says
 * `afterprint` as a closed dialog would.
 */
function installRecorder(): void {
  window.spineViolations = [];
  window.spinePrinted = [];
  const watch = (target: Document) =>
    target.addEventListener(
      'securitypolicyviolation',
      (event) =>
        window.spineViolations.push({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
          source: `${event.sourceFile}:${event.lineNumber}`,
        }),
      true,
    );
  watch(document);
  const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
  const seen = new WeakSet<Window>();
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      const frameWindow = contentWindow.get!.call(this) as Window | null;
      if (frameWindow && !seen.has(frameWindow)) {
        seen.add(frameWindow);
        watch(frameWindow.document);
        frameWindow.print = () => {
          window.spinePrinted.push({ text: frameWindow.document.body.innerText });
          frameWindow.dispatchEvent(new Event('afterprint'));
        };
      }
      return frameWindow;
    },
  });
}

/** Lets violation reports, which are queued as tasks, arrive. */
async function reportsArrived(page: Page): Promise<Violation[]> {
  await page.waitForTimeout(200);
  return page.evaluate(() => window.spineViolations);
}

describe('the drop-in under a strict Content-Security-Policy with Trusted Types', () => {
  let site: RunningServer;
  let browser: Browser;

  before(async () => {
    site = await startStaticServer({ root: projectRoot, endpoint: true, pageHeaders: STRICT_CSP_PAGES });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The demo page, with the recorder in place and every error and console complaint kept. */
  async function openCspPage(): Promise<{ page: Page; errors: string[]; workers: Worker[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    const workers: Worker[] = [];
    page.on('worker', (worker) => workers.push(worker));
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`console: ${message.text()}`);
    });
    // tsx compiles with esbuild's keepNames, whose `__name` helper the page does not have.
    await page.addInitScript({ content: `(() => { const __name = (target) => target; (${installRecorder})(); })();` });
    const response = await page.goto(`${site.origin}/demo/csp.html`);
    assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);
    return { page, errors, workers };
  }

  /** Clicks into clusters until a group practice's marker is in view (the demo has one every few miles). */
  async function zoomToGroupPractice(page: Page): Promise<void> {
    const sites = page.locator('.spine-site[role="button"]');
    for (let i = 0; i < 8 && (await sites.count()) === 0; i++) {
      const cluster = await page.locator('.spine-cluster[role="button"]').first().elementHandle();
      assert.ok(cluster, 'a cluster to zoom into');
      await cluster.click();
      // The cluster's marker goes once the map has zoomed in past it.
      await cluster.waitForElementState('hidden');
      await page.locator('.spine-marker[role="button"], .spine-cluster[role="button"]').first().waitFor();
    }
    assert.ok((await sites.count()) > 0, 'a group practice’s marker came into view');
  }

  it('searches, shows details, opens a group practice on the map, zooms, pans, prints and speaks Spanish with no violation', async () => {
    const { page, errors, workers } = await openCspPage();
    await searchChicago(page);
    // The map's clustering runs in its worker, started through the spine-finder policy,
    // and still running: one whose script or chunks could not load is ended.
    const clusterWorker = workers.find((worker) => /\/dist\/cluster-worker-[\w-]+\.js$/.test(worker.url()));
    assert.ok(clusterWorker, workers.map((worker) => worker.url()).join('\n'));
    assert.equal(await clusterWorker.evaluate(() => 'running'), 'running');

    await page.getByRole('button', { name: 'More details', exact: true }).first().click();
    await page.getByRole('button', { name: 'Fewer details', exact: true }).first().waitFor();

    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await zoomIn.click();
    await page.getByRole('button', { name: 'Move the map right' }).click();
    await page.getByRole('button', { name: 'Search this area' }).waitFor();

    await zoomToGroupPractice(page);
    await page.locator('.spine-site[role="button"]').first().click();
    await page.locator('.spine-site-member').first().waitFor();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.locator('.spine-site-member').first().waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Add to referral sheet' }).first().click();
    await page.getByRole('button', { name: 'Print referral sheet' }).click();
    await page.waitForFunction(() => window.spinePrinted.length === 1);
    const [printed] = await page.evaluate(() => window.spinePrinted);
    assert.match(printed.text, /Referral: Primary Spine Practitioners/);

    await page.evaluate(() => document.documentElement.setAttribute('lang', 'es'));
    await page.getByRole('button', { name: 'Acercar' }).waitFor();
    await page.getByRole('button', { name: 'Buscar', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Más detalles', exact: true }).first().waitFor();

    assert.deepEqual(await reportsArrived(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('draws a self-hosted vector basemap with no violation', async () => {
    const { page, errors } = await openCspPage();
    await page
      .locator('spine-finder')
      .evaluate((finder, url) => finder.setAttribute('basemap', url), DEMO_PMTILES_PATH);
    await searchChicago(page);
    await page.locator('.spine-vector-basemap canvas.leaflet-tile-loaded').first().waitFor();
    assert.match(await page.locator('.leaflet-control-attribution').innerText(), /U\.S\. Census Bureau, via us-atlas/);
    assert.deepEqual(await reportsArrived(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('records what the policy refuses (the check itself)', async () => {
    const { page, errors } = await openCspPage();
    await page.locator('spine-finder').waitFor();
    const refused = await page.evaluate(() => {
      let thrown = '';
      try {
        document.createElement('div').innerHTML = '<b>bold</b>';
      } catch (error) {
        thrown = (error as Error).name;
      }
      document.body.append(Object.assign(document.createElement('p'), { id: 'styled' }));
      document.getElementById('styled')!.setAttribute('style', 'color: red');
      return thrown;
    });
    assert.equal(refused, 'TypeError');
    const directives = (await reportsArrived(page)).map((violation) => violation.directive).sort();
    assert.deepEqual(directives, ['require-trusted-types-for', 'style-src-attr']);
    assert.ok(errors.length >= 2, errors.join('\n'));
    await page.close();
  });
});
