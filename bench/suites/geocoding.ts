/**
 * Geocoding: what resolving a ZIP and a "City, ST" costs, in bytes fetched
 * and in time from Enter to the place found. The finder's offline geocoder
 * fetches one small shard (a 3-digit ZIP prefix, or a city name's first two
 * letters) from spine-assets/geo/ beside the script; the baseline, a plain
 * form, fetches the whole data set (every ZIP, or every place, in one file)
 * and looks the same text up in it. Every run is a fresh page with an empty
 * cache, so every byte is fetched. Bytes are as the bench server sends them,
 * uncompressed; a CDN's gzip shrinks both sides alike.
 */
import type { Page } from 'playwright-core';
import type { BenchContext, Comparison, Measurement, RunResult, Side } from '../harness.js';

export const name = 'geocoding';
export const description = 'Geocoding a ZIP and a "City, ST": bytes fetched and time, against the whole data set';

const QUERIES = [
  { id: 'zip', text: '60614', title: 'A ZIP: 60614' },
  { id: 'city', text: 'Chicago, IL', title: 'A place: "Chicago, IL"' },
] as const;

export async function run(context: BenchContext): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const query of QUERIES) measurements.push(...(await context.compare(name, comparison(context, query))));
  return measurements;
}

function comparison(context: BenchContext, query: (typeof QUERIES)[number]): Comparison {
  /** Opens the page settled (its own loading done), types the query and times Enter → the place found. */
  const side = (label: string, path: string, search: (page: Page) => Promise<RunResult>): Side => ({
    label,
    run: () =>
      context.withPage({}, async (page) => {
        await page.goto(`${context.origin}${path}`);
        await page.waitForLoadState('networkidle');
        await page.getByRole('textbox', { name: /ZIP/ }).fill(query.text);
        return search(page);
      }),
  });
  const whole = new URLSearchParams({ geo: 'whole', zips: context.data.wholeZips, places: context.data.wholePlaces });
  return {
    id: query.id,
    title: query.title,
    figures: [
      { id: 'bytes', label: 'Geo data fetched', unit: 'KiB' },
      { id: 'time', label: 'Enter → place found', unit: 'ms' },
    ],
    subject: side('spine-finder, one shard', '/bench/pages/finder-demo.html', async (page) => {
      await page.evaluate(() => window.finderProbe.armSearchClock());
      await page.keyboard.press('Enter');
      const times = await page.evaluate(() => window.finderProbe.searchFinished());
      if (times.geoFiles === 0) throw new Error(`the finder fetched no geo data for ${query.text}`);
      return { values: { bytes: times.geoBytes / 1024, time: times.geocodedMs } };
    }),
    baseline: side('the whole data set in one file', `/bench/pages/plain-form.html?${whole}`, async (page) => {
      await page.evaluate(() => window.plainProbe.armSearchClock());
      await page.keyboard.press('Enter');
      const times = await page.evaluate(() => window.plainProbe.searchFinished());
      if (times.results === 0) throw new Error(`the plain form found nobody near ${query.text}`);
      return { values: { bytes: times.geoBytes / 1024, time: times.geocodedMs } };
    }),
  };
}
