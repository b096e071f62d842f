/**
 * The built drop-in on a plain HTML page, served by a plain static server,
 * reading a directory on another origin: what a health system's page does.
 * Run by `npm run test:e2e` after `npm run build`.
 */
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.js';
import type { RunningServer } from '../../scripts/static-server.js';
import { launchChromium, recordedPage, searchChicago, siteWithDropIn } from './browser.js';

/** A transparent 1×1 PNG: a tile. */
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('the drop-in script on a plain page', () => {
  let site: RunningServer;
  let directory: RunningServer;
  let browser: Browser;
  let siteRoot: string;

  before(async () => {
    // The host site keeps the script in a folder of its own choosing.
    siteRoot = await siteWithDropIn('site');
    directory = await startStaticServer({ root: siteRoot, endpoint: true });
    await writeFile(
      join(siteRoot, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
       <script type="module" src="/vendor/spine-finder/spine-finder.js"></script></head>
       <body><h1>Our network</h1><spine-finder endpoint="${directory.origin}/api/directory"></spine-finder></body></html>`,
    );
    // A Spanish page: the Spanish words are a chunk of their own, loaded from the script's folder.
    await writeFile(
      join(siteRoot, 'es.html'),
      `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Clínica</title>
       <script type="module" src="/vendor/spine-finder/spine-finder.js"></script></head>
       <body><h1>Nuestra red</h1><spine-finder endpoint="${directory.origin}/api/directory"></spine-finder></body></html>`,
    );
    // A host's own raster tiles (answered by the test, below): Leaflet's tile layers load only for them.
    await writeFile(
      join(siteRoot, 'tiles.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
       <script type="module" src="/vendor/spine-finder/spine-finder.js"></script></head>
       <body><h1>Our network</h1><spine-finder endpoint="${directory.origin}/api/directory"
         tile-url="/tiles/{z}/{x}/{y}.png" tile-attribution="Our tiles"></spine-finder></body></html>`,
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

  it('finds clinicians near 60614 and shows them as cards and markers', async () => {
    const { page, errors, requests } = await recordedPage(browser);

    await page.goto(`${site.origin}/`);
    assert.ok((await searchChicago(page)) > 10, 'expected more than ten cards');
    const cards = page.locator('spine-provider-card');
    // Markers and clusters together account for every clinician listed.
    const markers = page.locator('.spine-marker[role="button"], .spine-cluster[role="button"]');
    await markers.first().waitFor();
    const labels = await markers.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('aria-label')),
    );
    const onMap = labels.reduce((sum, label) => {
      const cluster = /^Cluster of ([\d,]+) providers?$/.exec(label ?? '');
      const site = /^([\d,]+) clinicians at /.exec(label ?? '');
      return sum + Number((cluster ?? site)?.[1].replace(/,/g, '') ?? 1);
    }, 0);
    assert.equal(onMap, await cards.count());
    assert.ok(
      labels.every((label) => /, [\d.]+ miles?$|^Cluster of /.test(label ?? '')),
      labels.join(' | '),
    );

    // Data and chunks came from the script's folder; only the endpoint is elsewhere.
    const foreign = requests.filter(
      (url) => !url.startsWith(`${site.origin}/`) && !url.startsWith(`${directory.origin}/api/directory`),
    );
    assert.deepEqual(foreign, []);
    assert.ok(requests.some((url) => url.startsWith(`${site.origin}/vendor/spine-finder/spine-assets/geo/zip/606`)));
    // No tiles configured: Leaflet's tile layers are never downloaded.
    assert.deepEqual(
      requests.filter((url) => /\/leaflet-tiles-[\w-]+\.js$/.test(url)),
      [],
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("draws a host's raster tiles, loading Leaflet's tile layers from the script's folder only then", async () => {
    const { page, errors, requests } = await recordedPage(browser);
    await page.route('**/tiles/**', (route) => route.fulfill({ body: ONE_PIXEL_PNG, contentType: 'image/png' }));

    await page.goto(`${site.origin}/tiles.html`);
    await searchChicago(page);
    await page.locator('img.leaflet-tile.leaflet-tile-loaded').first().waitFor();
    assert.ok(requests.some((url) => /\/vendor\/spine-finder\/leaflet-tiles-[\w-]+\.js$/.test(url)));
    assert.ok(requests.some((url) => url.startsWith(`${site.origin}/tiles/`)));
    assert.equal(await page.getByText('Our tiles').count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('speaks Spanish on a Spanish page, with its words loaded from the script’s folder', async () => {
    const { page, errors, requests } = await recordedPage(browser);

    await page.goto(`${site.origin}/es.html`);
    const input = page.getByRole('textbox', { name: 'Código postal (ZIP) o ciudad' });
    await input.fill('60614');
    await input.press('Enter');
    await page.getByRole('status').filter({ hasText: /60614/ }).waitFor();
    assert.ok((await page.locator('spine-provider-card').count()) > 10, 'expected more than ten cards');
    assert.equal(await page.getByRole('button', { name: 'Buscar', exact: true }).count(), 1);
    assert.deepEqual(
      requests.filter(
        (url) => !url.startsWith(`${site.origin}/`) && !url.startsWith(`${directory.origin}/api/directory`),
      ),
      [],
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
