import { chromium } from 'playwright-core';
const [url, out, query, width] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: Number(width || 1280), height: 900 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
page.on('request', (r) => { if (!r.url().startsWith('http://localhost')) console.log('EXTERNAL', r.url()); });
await page.goto(url);
await page.waitForTimeout(1500);
if (query) {
  await page.locator('spine-finder').getByLabel('ZIP code or city').fill(query);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(2500);
}
await page.screenshot({ path: out, fullPage: false });
await browser.close();
