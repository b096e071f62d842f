/**
 * What a whole visit gives away, on a plain page with the built drop-in and
 * a directory on another origin: a person searches, filters, opens a card's
 * details, zooms and pans the map and searches that area, prints a referral
 * sheet, and last uses "Use my location". Every request is recorded. The
 * page asks for the leakiest referrer policy (`unsafe-url`) and carries a
 * query a patient's page might have, and both origins hold a cookie, so a
 * request that sends more than it should shows it.
 *
 * Run by `npm run test:e2e` after `npm run build`.
 */
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.js';
import type { RunningServer } from '../../scripts/static-server.js';
import { roundPoint } from '../../src/geo/coordinate-precision.js';
import { launchChromium, siteWithDropIn } from './browser.js';

/** Where the browser says the person is: precise, as a phone's GPS would. */
const POSITION = { latitude: 41.923456, longitude: -87.654321 };

interface Recorded {
  url: URL;
  type: string;
  headers: Record<string, string>;
}

declare global {
  interface Window {
    /** Each call the page made to the Geolocation API. */
    spinePositionAsked: string[];
  }
}

/**
 * Runs before the page's scripts: counts calls to the Geolocation API, and
 * stands in for the print dialog a headless browser does not have (each
 * frame's `print()` says `afterprint` at once, as a closed dialog would).
 */
function installWatchers(): void {
  window.spinePositionAsked = [];
  const geolocation = navigator.geolocation;
  for (const name of ['getCurrentPosition', 'watchPosition'] as const) {
    const real = geolocation[name].bind(geolocation) as (...args: unknown[]) => number | void;
    Object.defineProperty(geolocation, name, {
      value: (...args: unknown[]) => {
        window.spinePositionAsked.push(name);
        return real(...args);
      },
    });
  }
  const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      const frameWindow = contentWindow.get!.call(this) as Window | null;
      if (frameWindow) frameWindow.print = () => void frameWindow.dispatchEvent(new Event('afterprint'));
      return frameWindow;
    },
  });
}

describe('privacy of a whole visit to the drop-in on a plain page', () => {
  let site: RunningServer;
  let directory: RunningServer;
  let browser: Browser;
  let siteRoot: string;

  before(async () => {
    siteRoot = await siteWithDropIn('privacy');
    directory = await startStaticServer({ root: siteRoot, endpoint: true });
    await writeFile(
      join(siteRoot, 'find.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Find a clinician</title>
       <meta name="referrer" content="unsafe-url">
       <script type="module" src="/vendor/spine-finder/spine-finder.js"></script></head>
       <body><h1>Find a clinician</h1><spine-finder endpoint="${directory.origin}/api/directory"></spine-finder></body></html>`,
    );
    site = await startStaticServer({ root: siteRoot });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await directory?.close();
    await rm(siteRoot, { recursive: true, force: true });
  });

  async function openPage(): Promise<{ context: BrowserContext; page: Page; requests: Recorded[]; errors: string[] }> {
    const context = await browser.newContext();
    await context.grantPermissions(['geolocation'], { origin: site.origin });
    await context.setGeolocation(POSITION);
    // Cookies go by host, not port: both servers are on 127.0.0.1, so this one would reach the directory too.
    await context.addCookies([{ name: 'host-session', value: 'secret', domain: '127.0.0.1', path: '/' }]);
    const page = await context.newPage();
    const requests: Recorded[] = [];
    const errors: string[] = [];
    const record = (request: Request) =>
      void request
        .allHeaders()
        .then((headers) => requests.push({ url: new URL(request.url()), type: request.resourceType(), headers }));
    context.on('request', record);
    page.on('pageerror', (error) => errors.push(error.message));
    // tsx compiles with esbuild's keepNames, whose `__name` helper the page does not have.
    await page.addInitScript({ content: `(() => { const __name = (target) => target; (${installWatchers})(); })();` });
    return { context, page, requests, errors };
  }

  it('asks only the directory and the script’s folder, with no cookie or page address, and stores nothing', async () => {
    const { context, page, requests, errors } = await openPage();
    const address = `${site.origin}/find.html?patient=jane-doe&condition=sciatica`;
    await page.goto(address);

    // Search, filter, details.
    const field = page.getByRole('textbox', { name: 'ZIP code or city' });
    await field.fill('60614');
    await field.press('Enter');
    const status = page.getByRole('status').filter({ hasText: /clinicians within 25 miles of 60614/ });
    await status.waitFor();
    const filtered = page.waitForRequest((request) => request.url().includes('accepting=true'));
    await page.getByRole('checkbox', { name: 'Accepting new patients' }).check();
    await filtered;
    await status.waitFor();
    await page.getByRole('button', { name: 'More details', exact: true }).first().click();
    await page.getByRole('button', { name: 'Fewer details', exact: true }).first().waitFor();

    // The map: zoom, pan, and search the area now in view.
    await page.locator('.spine-marker[role="button"], .spine-cluster[role="button"]').first().waitFor();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Move the map right' }).click();
    const areaSearch = page.waitForRequest((request) => request.url().startsWith(`${directory.origin}/api/directory`));
    await page.getByRole('button', { name: 'Search this area' }).click();
    await areaSearch;
    await page
      .getByRole('status')
      .filter({ hasText: /clinicians within/ })
      .waitFor();

    // The referral sheet, printed.
    await page.getByRole('button', { name: 'Add to referral sheet' }).first().click();
    await page.getByRole('button', { name: 'Print referral sheet' }).click();
    await page.locator('iframe').waitFor({ state: 'detached' });

    // Nothing so far has asked for the position, or put the search in the address.
    assert.deepEqual(await page.evaluate(() => window.spinePositionAsked), []);
    assert.equal(page.url(), address);

    // "Use my location": asked once, and the point goes to the directory rounded.
    const located = page.waitForRequest((request) => request.url().startsWith(`${directory.origin}/api/directory`));
    await page.getByRole('button', { name: 'Use my location' }).click();
    const sent = new URL((await located).url());
    await page
      .getByRole('status')
      .filter({ hasText: /of your location/ })
      .waitFor();
    assert.deepEqual(await page.evaluate(() => window.spinePositionAsked), ['getCurrentPosition']);
    // "Use my location" rounds to two decimals; the request then snaps that to the 1 km grid.
    const expected = roundPoint(
      { lat: Math.round(POSITION.latitude * 100) / 100, lng: Math.round(POSITION.longitude * 100) / 100 },
      1,
    );
    assert.equal(sent.searchParams.get('lat'), expected.lat.toFixed(5));
    assert.equal(sent.searchParams.get('lng'), expected.lng.toFixed(5));
    assert.equal(page.url(), address);

    // Every request: the page, the script's folder, and the directory; nothing else.
    const scriptFolder = `${site.origin}/vendor/spine-finder/`;
    const foreign = requests.filter(
      ({ url }) =>
        url.href !== address &&
        !url.href.startsWith(scriptFolder) &&
        url.href !== `${site.origin}/favicon.ico` &&
        !url.href.startsWith(`${directory.origin}/api/directory?`),
    );
    assert.deepEqual(
      foreign.map(({ url }) => url.href),
      [],
    );
    const toDirectory = requests.filter(({ url }) => url.origin === directory.origin);
    assert.ok(toDirectory.length >= 4, `searches: ${toDirectory.length}`);
    for (const { url, headers } of toDirectory) {
      assert.equal(headers.cookie, undefined, `a cookie went to ${url.href}`);
      // The origin, as CORS tells the directory anyway; never the page's path or query.
      assert.equal(headers.referer, `${site.origin}/`, url.href);
    }
    const data = requests.filter(({ url, type }) => type === 'fetch' && url.href.startsWith(scriptFolder));
    assert.ok(data.some(({ url }) => url.pathname.includes('/spine-assets/geo/')));
    for (const { url, headers } of data) {
      assert.equal(headers.cookie, undefined, `a cookie went with ${url.href}`);
      assert.equal(headers.referer, undefined, `the page's address went with ${url.href}`);
    }

    // Nothing kept: no cookie beyond the host's own, no storage of any kind.
    assert.deepEqual(
      (await context.cookies()).map((cookie) => cookie.name),
      ['host-session'],
    );
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      indexedDB: (await indexedDB.databases()).map((database) => database.name),
      caches: await caches.keys(),
    }));
    assert.deepEqual(stored, {
      cookie: 'host-session=secret',
      localStorage: 0,
      sessionStorage: 0,
      indexedDB: [],
      caches: [],
    });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
