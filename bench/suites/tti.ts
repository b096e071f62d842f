/**
 * Time to interactive, with the CPU throttled 4× as on a mid-range phone:
 * from the host page's navigation to a search box a person can use, and
 * from Enter to the first results, with the drop-in on the demo endpoint
 * (the finder's own protocol, served by the bench server as
 * `npm run serve:dist` does). Baseline: a plain page with an equivalent
 * plain HTML form (field, radius select, button) whose script looks the
 * ZIP up in the same geo shard, asks the same endpoint and lists the names.
 */
import type { Page } from 'playwright-core';
import { withTimeout } from '../harness.js';
import type { BenchContext, Comparison, Measurement, RunResult, Side } from '../harness.js';

export const name = 'tti';
export const description = 'Time to interactive: the search box, then the first results, CPU throttled 4×';

const THROTTLED = 4;
const ZIP = '60614';
const WAIT_MS = 60_000;

/**
 * Runs in the page before any of its scripts, and notes the first frame in
 * which the search box is there and would answer: the finder's field in its
 * shadow roots, or the plain form once its script has set `data-ready`.
 * `performance.now()` counts from the navigation's start.
 */
const WATCH_FOR_SEARCH_BOX = `
  window.benchUsableMs = new Promise((resolve) => {
    const field = () => {
      const finder = document.querySelector('spine-finder');
      if (finder) return finder.shadowRoot?.querySelector('spine-search-box')?.shadowRoot?.querySelector('input');
      return document.querySelector('form[data-ready] input');
    };
    const look = () => {
      const input = field();
      if (input && !input.disabled) resolve(performance.now());
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
`;

export async function run(context: BenchContext): Promise<Measurement[]> {
  return context.compare(name, comparison(context));
}

function comparison(context: BenchContext): Comparison {
  const side = (label: string, path: string, search: (page: Page) => Promise<number>): Side => ({
    label,
    run: () =>
      context.withPage({ cpuThrottling: THROTTLED }, async (page): Promise<RunResult> => {
        await page.addInitScript({ content: WATCH_FOR_SEARCH_BOX });
        await page.goto(`${context.origin}${path}`);
        const usable = await withTimeout(
          'the search box',
          WAIT_MS,
          page.evaluate(() => (window as unknown as { benchUsableMs: Promise<number> }).benchUsableMs),
        );
        // A person reads the page before typing: what it loads on its own (the map) has loaded.
        await page.waitForLoadState('networkidle');
        const input = page.getByRole('textbox', { name: /ZIP/ });
        await input.fill(ZIP);
        const results = await withTimeout('the first results', WAIT_MS, search(page));
        return { values: { usable, results } };
      }),
  });
  return {
    id: 'demo-endpoint',
    title: `Host page on the demo endpoint, a search for ${ZIP}`,
    conditions: `CPU throttled ${THROTTLED}×`,
    figures: [
      { id: 'usable', label: 'Page load → search box usable', unit: 'ms' },
      { id: 'results', label: 'Enter → first results listed', unit: 'ms' },
    ],
    subject: side('spine-finder drop-in', '/bench/pages/finder-demo.html', async (page) => {
      await page.evaluate(() => window.finderProbe.armSearchClock());
      await page.keyboard.press('Enter');
      const times = await page.evaluate(() => window.finderProbe.searchFinished());
      return times.listedMs;
    }),
    baseline: side('plain <form>', '/bench/pages/plain-form.html?geo=shards', async (page) => {
      await page.evaluate(() => window.plainProbe.armSearchClock());
      await page.keyboard.press('Enter');
      const times = await page.evaluate(() => window.plainProbe.searchFinished());
      if (times.results === 0) throw new Error(`the plain form found nobody near ${ZIP}`);
      return times.listedMs;
    }),
  };
}
