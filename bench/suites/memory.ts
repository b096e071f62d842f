/**
 * Memory, read through the DevTools protocol after a forced garbage
 * collection (`HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage` and
 * `Memory.getDOMCounters`):
 *
 * - the page's JS heap once the finder has read, validated and indexed the
 *   100,000-clinician static file and answered a search, against a plain
 *   page holding the same file as parsed JSON (the data's own weight). The
 *   drop-in comes from another origin, so no worker runs and everything is
 *   in the page's heap;
 * - what mounting and removing the finder 100 times leaves behind (heap,
 *   DOM nodes, event listeners), against doing the same with a plain form.
 *   Each finder is removed once its map has loaded. Measured from after a
 *   first mount and removal, which loads the lazy chunks and fills caches.
 */
import type { CDPSession, Page } from 'playwright-core';
import { runComparison, withTimeout } from '../harness.js';
import type { BenchContext, Comparison, Measurement, RunResult } from '../harness.js';

export const name = 'memory';
export const description = 'Memory: the JS heap with 100,000 clinicians, and what 100 mounts and removals leave';

const PLACE = 'New York, NY';
const MOUNTS = 100;
const WAIT_MS = 300_000;
const MB = 1024 * 1024;
/** Fewer runs than the other suites: each reads a 56 MB file, or mounts the finder 100 times. */
const MEMORY_RUNS = 3;

interface Counters {
  heapMb: number;
  nodes: number;
  listeners: number;
}

export async function run(context: BenchContext): Promise<Measurement[]> {
  const settings = { ...context, runs: Math.min(context.runs, MEMORY_RUNS) };
  return [
    ...(await runComparison(name, nationalHeap(context), settings)),
    ...(await runComparison(name, mountAndRemove(context), settings)),
  ];
}

function nationalHeap(context: BenchContext): Comparison {
  return {
    id: 'heap-100k',
    title: 'The 100,000-clinician static file read, then one search',
    conditions: 'script from another origin, so no worker',
    figures: [{ id: 'heap', label: 'JS heap after garbage collection', unit: 'MB' }],
    subject: {
      label: 'spine-finder',
      run: () =>
        context.withPage({}, async (page) => {
          const url = `${context.origin}/bench/pages/finder-cross-origin.html?script-origin=${encodeURIComponent(context.otherOrigin)}`;
          await page.goto(url);
          await page.evaluate((endpoint) => window.benchProbe.finderReady(endpoint), context.data.national);
          const input = page.getByRole('textbox', { name: /ZIP/ });
          await input.fill(PLACE);
          await page.evaluate(() => window.benchProbe.armSearchClock());
          await input.press('Enter');
          const times = await withTimeout(
            'the search',
            WAIT_MS,
            page.evaluate(() => window.benchProbe.searchFinished()),
          );
          if (times.results === 0) throw new Error(`no clinicians near ${PLACE}`);
          return { values: { heap: (await counters(page)).heapMb } };
        }),
    },
    baseline: {
      label: 'the same file as parsed JSON',
      run: () =>
        context.withPage({}, async (page) => {
          await page.goto(`${context.origin}/bench/pages/plain-data.html`);
          const count = await page.evaluate((url) => window.plainProbe.holdFile(url), context.data.national);
          if (count === 0) throw new Error('the directory file is empty');
          return { values: { heap: (await counters(page)).heapMb } };
        }),
    },
  };
}

function mountAndRemove(context: BenchContext): Comparison {
  const side = (label: string, kind: 'finder' | 'form') => ({
    label,
    run: () =>
      context.withPage({}, async (page): Promise<RunResult> => {
        await page.goto(`${context.origin}/bench/pages/mount.html`);
        await page.evaluate(() => customElements.whenDefined('spine-finder'));
        await page.evaluate((which) => window.finderProbe.mountAndRemove(1, which), kind);
        const before = await counters(page);
        await withTimeout(
          `${MOUNTS} mounts`,
          WAIT_MS,
          page.evaluate(([count, which]) => window.finderProbe.mountAndRemove(count, which), [MOUNTS, kind] as const),
        );
        const after = await counters(page);
        return {
          values: {
            heap: after.heapMb - before.heapMb,
            nodes: after.nodes - before.nodes,
            listeners: after.listeners - before.listeners,
          },
        };
      }),
  });
  return {
    id: `mount-${MOUNTS}`,
    title: `Mounting and removing ${MOUNTS} times, after a first time`,
    figures: [
      { id: 'heap', label: 'JS heap growth', unit: 'MB' },
      { id: 'nodes', label: 'DOM nodes left', unit: 'count' },
      { id: 'listeners', label: 'Event listeners left', unit: 'count' },
    ],
    subject: side('<spine-finder> with its map', 'finder'),
    baseline: side('plain <form>', 'form'),
  };
}

/** The page's heap and DOM after two forced garbage collections (one can leave objects awaiting finalizers). */
async function counters(page: Page): Promise<Counters> {
  const devtools: CDPSession = await page.context().newCDPSession(page);
  try {
    await devtools.send('HeapProfiler.collectGarbage');
    await devtools.send('HeapProfiler.collectGarbage');
    const { usedSize } = await devtools.send('Runtime.getHeapUsage');
    const dom = await devtools.send('Memory.getDOMCounters');
    return { heapMb: usedSize / MB, nodes: dom.nodes, listeners: dom.jsEventListeners };
  } finally {
    await devtools.detach();
  }
}
