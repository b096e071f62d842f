/**
 * The README's "Publish a clinic list as a static directory", done as it
 * says: its three commands run in a new folder on examples/clinics.csv, its
 * page written beside them, the folder served by a plain static server, and
 * a search on that page in Chromium. `npm install spine-finder` installs
 * the package as `npm pack` makes it from this build (its dependencies from
 * npm's cache, or the registry), so the command runs on plain Node from the
 * installed package: no tsx, no sources. Run by `npm run test:e2e` after
 * `npm run build`.
 */
import assert from 'node:assert/strict';
import { execFileSync, execSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.js';
import type { RunningServer } from '../../scripts/static-server.js';
import { launchChromium } from './browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INSTALL = 'npm install spine-finder';

/** The code blocks of a README section, by language, in order. */
function sectionBlocks(readme: string, heading: string): Array<{ language: string; code: string }> {
  const start = readme.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `the README has a section "${heading}"`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, language, code]) => ({ language, code }));
}

describe("the README's clinic list to published directory", () => {
  const blocks = sectionBlocks(
    readFileSync(join(ROOT, 'README.md'), 'utf8'),
    'Publish a clinic list as a static directory',
  );
  const commands = blocks
    .find((block) => block.language === 'sh')!
    .code.trim()
    .split('\n');
  const page = blocks.find((block) => block.language === 'html')!.code;
  let folder: string;
  let site: RunningServer;
  let browser: Browser;
  const outputs: string[] = [];

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'spine-readme-'));
    const packed = mkdtempSync(join(tmpdir(), 'spine-pack-'));
    after(() => rmSync(packed, { recursive: true, force: true }));
    const [tarball] = (
      JSON.parse(
        execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packed], {
          cwd: ROOT,
          encoding: 'utf8',
        }),
      ) as Array<{ filename: string }>
    ).map((entry) => join(packed, entry.filename));
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'clinic-site', private: true }));
    copyFileSync(join(ROOT, 'examples', 'clinics.csv'), join(folder, 'clinics.csv'));
    for (const command of commands) {
      const run =
        command === INSTALL
          ? `npm install --no-audit --no-fund --prefer-offline --ignore-scripts ${JSON.stringify(tarball)}`
          : command;
      outputs.push(execSync(run, { cwd: folder, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '' } }));
    }
    writeFileSync(join(folder, 'site', 'index.html'), page);
    site = await startStaticServer({ root: join(folder, 'site') });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('has the three commands: install, build, copy the drop-in', () => {
    assert.equal(commands.length, 3);
    assert.equal(commands[0], INSTALL);
    assert.match(commands[1], /^npx spine-finder directory build clinics\.csv --out site\/directory$/);
    assert.match(page, /<spine-finder adapter="static" endpoint="directory\/manifest\.json"><\/spine-finder>/);
  });

  it('builds the example clinic list, placing the rows without coordinates at their ZIP', () => {
    const report = outputs[1];
    assert.match(report, /clinics\.csv \(CSV\): 12 rows read\./);
    assert.match(report, /line 4: placed at the centre of ZIP 60657 \(no coordinates\)/);
    assert.match(report, /Kept 12 of 12: 0 rejected, 3 placed at their ZIP's centre\./);
    const check = execSync('npx spine-finder directory check site/directory', { cwd: folder, encoding: 'utf8' });
    assert.match(check, /site\/directory: sound\. 12 clinicians in \d+ shards/);
  });

  it('finds the clinicians near 60614 on the page, reading only the shards near it', async () => {
    const tab = await browser.newPage();
    const errors: string[] = [];
    const shards: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('request', (request) => {
      if (request.url().includes('/directory/shards/')) shards.push(request.url());
    });
    await tab.goto(`${site.origin}/`);
    const input = tab.getByRole('textbox', { name: /ZIP/ });
    await input.fill('60614');
    await input.press('Enter');
    await tab
      .getByRole('status')
      .filter({ hasText: /8 clinicians within 25 miles of 60614/ })
      .waitFor();
    const names = await tab.locator('spine-provider-card [part~="title"]').allTextContents();
    assert.deepEqual(names.map((name) => name.trim().split(',')[0]).sort(), [
      'Ana Lopez',
      'Ben Okafor',
      'Carla Kim',
      'David Moreau',
      'Elena Haddad',
      'Farid Singh',
      'Grace Núñez',
      'Hector Reyes',
    ]);
    assert.equal(shards.length, 1, 'Chicago is one shard; Milwaukee and Denver are not read');
    assert.deepEqual(errors, []);
  });
});
