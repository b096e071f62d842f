/**
 * How host pages embed the built drop-in: the README's snippet, with its
 * integrity hash, from a CDN on another origin; the one global it adds; and
 * two copies of the script on one page (a CMS block and a theme both
 * include it, or two versions meet). Run by `npm run test:e2e` after
 * `npm run build`.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.js';
import type { RunningServer } from '../../scripts/static-server.js';
import { readmeSnippet } from '../../scripts/sri.js';
import { launchChromium, recordedPage, searchChicago } from './browser.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
/** Another version of the finder, made from this one for the test. */
const OTHER_VERSION = `${version}-other`;

interface Visit {
  page: Page;
  errors: string[];
  messages: ConsoleMessage[];
  requests: string[];
}

describe('embedding the drop-in', () => {
  let site: RunningServer;
  let cdn: RunningServer;
  let browser: Browser;
  let siteRoot: string;
  let cdnRoot: string;

  before(async () => {
    siteRoot = await mkdtemp(join(tmpdir(), 'spine-embed-site-'));
    cdnRoot = await mkdtemp(join(tmpdir(), 'spine-embed-cdn-'));
    // Two copies of this version in two folders, and another version beside them.
    await cp(dist, join(siteRoot, 'cms', 'spine-finder'), { recursive: true });
    await cp(dist, join(siteRoot, 'theme', 'spine-finder'), { recursive: true });
    await cp(dist, join(siteRoot, 'other', 'spine-finder'), { recursive: true });
    const otherEntry = join(siteRoot, 'other', 'spine-finder', 'spine-finder.js');
    const entry = await readFile(otherEntry, 'utf8');
    // The minifier writes the version as a string in whichever quotes it likes.
    const versionLiteral = new RegExp(`(["'\`])${version.replaceAll('.', '\\.')}\\1`, 'g');
    assert.ok(versionLiteral.test(entry), 'the entry holds its version');
    await writeFile(otherEntry, entry.replace(versionLiteral, `$1${OTHER_VERSION}$1`));
    // The CDN serves the folder by version, as the README's snippet has it.
    await cp(dist, join(cdnRoot, 'spine-finder', version), { recursive: true });
    cdn = await startStaticServer({ root: cdnRoot });
    site = await startStaticServer({ root: siteRoot, endpoint: true });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await cdn?.close();
    await rm(siteRoot, { recursive: true, force: true });
    await rm(cdnRoot, { recursive: true, force: true });
  });

  /** A host page with these scripts in its head and a finder in its body. */
  async function visit(name: string, head: string): Promise<Visit> {
    await writeFile(
      join(siteRoot, `${name}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
       <link rel="icon" href="data:,">${head}</head>
       <body><h1>Our network</h1><spine-finder endpoint="/api/directory"></spine-finder></body></html>`,
    );
    const { page, errors, requests } = await recordedPage(browser);
    const messages: ConsoleMessage[] = [];
    page.on('console', (message) => messages.push(message));
    // The page's own globals, before any script of the finder runs.
    await page.addInitScript(() => {
      (window as unknown as { globalsBefore: string[] }).globalsBefore = Object.getOwnPropertyNames(window);
    });
    await page.goto(`${site.origin}/${name}.html`);
    return { page, errors, messages, requests };
  }

  it('works from the README’s snippet: a CDN on another origin, with its integrity hash', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const snippet = readmeSnippet(readme);
    assert.ok(snippet, 'the README has the embed snippet');
    const script = /<script[\s\S]*?<\/script>/.exec(snippet)![0];
    assert.match(script, /integrity="sha384-[A-Za-z0-9+/]+={0,2}"/);
    assert.match(script, /crossorigin="anonymous"/);
    const { page, errors, messages, requests } = await visit(
      'cdn',
      script.replace(/https:\/\/[^/"]+\//, `${cdn.origin}/`),
    );
    assert.ok((await searchChicago(page)) > 10, 'cards');
    assert.ok(requests.some((url) => url.startsWith(`${cdn.origin}/spine-finder/${version}/spine-assets/geo/zip/`)));
    assert.deepEqual(errors, []);
    assert.deepEqual(
      messages.map((message) => message.text()),
      [],
    );
    await page.close();
  });

  it('refuses a script whose bytes are not those of the README’s hash (the check itself)', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const script = /<script[\s\S]*?<\/script>/.exec(readmeSnippet(readme)!)![0];
    const tampered = script.replace(/integrity="sha384-[^"]+"/, `integrity="sha384-${'A'.repeat(64)}"`);
    const { page, messages } = await visit('tampered', tampered.replace(/https:\/\/[^/"]+\//, `${cdn.origin}/`));
    await page.waitForLoadState('load');
    assert.equal(await page.evaluate(() => customElements.get('spine-finder')), undefined);
    assert.ok(messages.some((message) => /integrity/i.test(message.text())));
    await page.close();
  });

  it('adds one global, SpineFinder, besides Lit’s and zod’s own bookkeeping', async () => {
    const { page, errors } = await visit(
      'globals',
      '<script type="module" src="/cms/spine-finder/spine-finder.js"></script>',
    );
    await searchChicago(page);
    const added = await page.evaluate(() => {
      const before = new Set((window as unknown as { globalsBefore: string[] }).globalsBefore);
      return Object.getOwnPropertyNames(window)
        .filter((name) => !before.has(name) && name !== 'globalsBefore')
        .sort();
    });
    // Lit records its versions (to warn about two copies of it); zod keeps its settings in one global.
    assert.deepEqual(added, [
      'SpineFinder',
      '__zod_globalConfig',
      'litElementVersions',
      'litHtmlVersions',
      'litPropertyMetadata',
      'reactiveElementVersions',
    ]);
    const namespace = await page.evaluate(() => ({
      version: SpineFinder!.version,
      elements: SpineFinder!.elements,
      frozen: Object.isFrozen(SpineFinder),
      assets: SpineFinder!.getAssetsPath().pathname,
    }));
    assert.deepEqual(namespace, {
      version,
      elements: [
        'spine-finder',
        'spine-search-box',
        'spine-filters',
        'spine-results',
        'spine-provider-card',
        'spine-map',
        'spine-referral-tray',
      ],
      frozen: true,
      assets: '/cms/spine-finder/spine-assets/',
    });
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const [second, level] of [
    ['theme', 'info'],
    ['other', 'warning'],
  ] as const) {
    const which = second === 'theme' ? 'the same version' : 'another version';
    it(`leaves the first copy in place when ${which} is loaded again, and says so once`, async () => {
      const { page, errors, messages, requests } = await visit(
        `twice-${second}`,
        `<script type="module" src="/cms/spine-finder/spine-finder.js"></script>
         <script type="module" src="/${second}/spine-finder/spine-finder.js"></script>`,
      );
      assert.ok((await searchChicago(page)) > 10, 'cards');
      assert.deepEqual(errors, []);
      const secondVersion = second === 'theme' ? version : OTHER_VERSION;
      assert.deepEqual(
        messages.map((message) => message.type()),
        [level],
      );
      const [said] = messages.map((message) => message.text());
      assert.ok(said.includes(`spine-finder ${secondVersion} is loaded`), said);
      assert.ok(said.includes(`where spine-finder ${version} already is`), said);
      // The first copy's namespace, and its elements read their data from its folder.
      assert.equal(await page.evaluate(() => SpineFinder!.getAssetsPath().pathname), '/cms/spine-finder/spine-assets/');
      assert.deepEqual(
        requests.filter((url) => url.includes(`/${second}/spine-finder/spine-assets/`)),
        [],
      );
      await page.close();
    });
  }
});
