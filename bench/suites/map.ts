/**
 * The map at national scale (issue 4): with 100,000 clinicians, results and
 * the clustered map appear without a long task freezing the page, and
 * panning and zooming stay smooth.
 *
 * - `<spine-map>` given 10,000 and 100,000 results, against Leaflet with
 *   leaflet.markercluster given the same clinicians on the same size of map;
 * - panning and zooming over 100,000, with the keyboard and the mouse wheel,
 *   against the same on leaflet.markercluster;
 * - the whole finder searching the 100,000-clinician static file within
 *   25 miles, against the same search of the 3,000-clinician file; also with
 *   the CPU throttled, and with the drop-in on another origin (no worker).
 */
import type { Locator, Page } from 'playwright-core';
import { LONGEST_TASK, runComparison, withTimeout } from '../harness.js';
import type { BenchContext, Comparison, Figure, Measurement, RunResult, Side } from '../harness.js';
import { traceMainThread } from '../trace.js';
import type { MainThreadTasks } from '../trace.js';

export const name = 'map';
export const description = 'The map and the finder with 100,000 clinicians in a static directory';

const NATIONAL = 100_000;
const PLACE = 'New York, NY';
const THROTTLED = 4;
/** A throttled page reading 55 MB takes its time; anything slower is a failure, not a figure. */
const WAIT_MS = 300_000;
/** Fewer runs than the other suites: each finder search reads a 56 MB file, so 5 runs would take the bench past 10 minutes. */
const MAP_RUNS = 3;

const LONGEST_TASK_FIGURE: Figure = { id: LONGEST_TASK, label: 'Longest main-thread task', unit: 'ms' };
const BLOCKING_FIGURE: Figure = {
  id: 'blocking-time',
  label: 'Total blocking time (beyond 50 ms per task)',
  unit: 'ms',
};

/**
 * What a person does on the map, the same on both sides: with the pointer on
 * New York (where the US view puts it on both maps), zoom in with the wheel,
 * pan with the arrow keys, zoom in further with the keyboard, pan, and zoom
 * back out. Pauses let each animation run and the map redraw.
 */
const PAN_AND_ZOOM: ReadonlyArray<{ key: string; pauseMs: number } | { wheel: number; pauseMs: number }> = [
  { wheel: -150, pauseMs: 600 },
  { wheel: -150, pauseMs: 600 },
  ...repeat(4, { key: 'ArrowRight', pauseMs: 150 }),
  ...repeat(3, { key: 'ArrowDown', pauseMs: 150 }),
  ...repeat(4, { key: 'ArrowLeft', pauseMs: 150 }),
  ...repeat(3, { key: 'ArrowUp', pauseMs: 150 }),
  { key: '+', pauseMs: 600 },
  { key: '+', pauseMs: 600 },
  ...repeat(4, { key: 'ArrowRight', pauseMs: 150 }),
  ...repeat(4, { key: 'ArrowLeft', pauseMs: 150 }),
  { key: '-', pauseMs: 600 },
  { key: '-', pauseMs: 600 },
  { wheel: 150, pauseMs: 600 },
  { wheel: 150, pauseMs: 600 },
];
const MOVED_FRAMES_AT_LEAST = 20;
/** Where New York is on the US view of both maps, as a share of the map's width and height. */
const NEW_YORK_ON_US_VIEW = { x: 0.75, y: 0.47 };

export async function run(context: BenchContext): Promise<Measurement[]> {
  const comparisons: Comparison[] = [
    ...[10_000, NATIONAL].map((count) => showResults(context, count)),
    panAndZoomComparison(context),
    finderSearch(context, 25),
    finderSearch(context, 25, { cpuThrottling: THROTTLED }),
    finderSearch(context, 25, { crossOrigin: true }),
  ];
  const settings = { ...context, runs: Math.min(context.runs, MAP_RUNS) };
  const measurements: Measurement[] = [];
  for (const comparison of comparisons) measurements.push(...(await runComparison(name, comparison, settings)));
  return measurements;
}

function showResults(context: BenchContext, count: number): Comparison {
  const figures: Figure[] = [
    { id: 'time-to-clusters', label: 'Results given → clusters on screen', unit: 'ms' },
    LONGEST_TASK_FIGURE,
    BLOCKING_FIGURE,
  ];
  const measure = async (page: Page, show: () => Promise<number>): Promise<RunResult> => {
    const { value, tasks } = await traceMainThread(context.browser, page, () =>
      withTimeout('drawing the clusters', WAIT_MS, show()),
    );
    return { values: { 'time-to-clusters': value, ...taskValues(tasks) }, longestTaskParts: tasks.longestTaskParts };
  };
  return {
    id: `show-${count / 1000}k`,
    title: `${count.toLocaleString('en-US')} results onto the map`,
    figures,
    subject: {
      label: 'spine-map',
      run: () =>
        context.withPage({}, async (page) => {
          await openSpineMap(context, page, count);
          return measure(page, () => page.evaluate(() => window.benchProbe.showOnSpineMap()));
        }),
    },
    baseline: {
      label: 'leaflet.markercluster',
      run: () =>
        context.withPage({}, async (page) => {
          await openMarkerCluster(context, page, count);
          return measure(page, () => page.evaluate(() => window.benchProbe.showOnMarkerCluster()));
        }),
    },
  };
}

function panAndZoomComparison(context: BenchContext): Comparison {
  const side = (label: string, open: (page: Page) => Promise<Locator>): Side => ({
    label,
    run: () =>
      context.withPage({}, async (page) => {
        const map = await open(page);
        const { value: frames, tasks } = await traceMainThread(context.browser, page, () => panAndZoom(page, map));
        context.log(`  the map moved in ${frames.moved} of ${frames.frames} frames`);
        return {
          values: {
            'longest-frame': frames.longestFrameMs,
            'slow-frames': frames.slowFrameShare,
            ...taskValues(tasks),
          },
          longestTaskParts: tasks.longestTaskParts,
        };
      }),
  });
  return {
    id: 'pan-zoom-100k',
    title: `Panning and zooming over ${NATIONAL.toLocaleString('en-US')} results`,
    figures: [
      { id: 'longest-frame', label: 'Longest frame', unit: 'ms' },
      { id: 'slow-frames', label: 'Frames over 33 ms', unit: '%' },
      LONGEST_TASK_FIGURE,
      BLOCKING_FIGURE,
    ],
    subject: side('spine-map', async (page) => {
      await openSpineMap(context, page, NATIONAL);
      await page.evaluate(() => window.benchProbe.showOnSpineMap());
      await settle(page);
      return page.locator('spine-map .leaflet-container');
    }),
    baseline: side('leaflet.markercluster', async (page) => {
      await openMarkerCluster(context, page, NATIONAL);
      await page.evaluate(() => window.benchProbe.showOnMarkerCluster());
      await settle(page);
      return page.locator('#map');
    }),
  };
}

interface FinderSetup {
  /** Slows the page's CPU this many times. */
  cpuThrottling?: number;
  /**
   * The drop-in comes from another origin, as from a CDN: browsers start no
   * worker from a cross-origin script, so the finder reads the file and
   * clusters on the main thread.
   */
  crossOrigin?: boolean;
}

function finderSearch(
  context: BenchContext,
  radius: number,
  { cpuThrottling, crossOrigin }: FinderSetup = {},
): Comparison {
  const pageUrl = crossOrigin
    ? `${context.origin}/bench/pages/finder-cross-origin.html?script-origin=${encodeURIComponent(context.otherOrigin)}`
    : `${context.origin}/bench/pages/finder.html`;
  const conditions = [
    ...(cpuThrottling ? [`CPU throttled ${cpuThrottling}×`] : []),
    ...(crossOrigin ? ['script from another origin, so no worker'] : []),
  ].join(', ');
  const side = (label: string, endpoint: string): Side => ({
    label,
    run: () =>
      context.withPage({ cpuThrottling }, async (page) => {
        await page.goto(pageUrl);
        await page.evaluate((url) => window.benchProbe.finderReady(url), endpoint);
        await page.locator('spine-search-box select').selectOption(String(radius));
        const input = page.getByRole('textbox', { name: /ZIP/ });
        await input.fill(PLACE);
        await settle(page);
        await page.evaluate(() => window.benchProbe.armSearchClock());
        const { value: times, tasks } = await traceMainThread(context.browser, page, async () => {
          await input.press('Enter');
          return withTimeout(
            'the search',
            WAIT_MS,
            page.evaluate(() => window.benchProbe.searchFinished()),
          );
        });
        if (times.results === 0) throw new Error(`${label}: no clinicians within ${radius} mi of ${PLACE}`);
        context.log(`  ${times.results.toLocaleString('en-US')} clinicians, ${times.clusters} clusters drawn`);
        return {
          values: { listed: times.listedMs, mapped: times.mappedMs, ...taskValues(tasks) },
          longestTaskParts: tasks.longestTaskParts,
        };
      }),
  });
  return {
    id: `search-${radius}mi${cpuThrottling ? `-cpu${cpuThrottling}x` : ''}${crossOrigin ? '-cross-origin' : ''}`,
    title: `Finder: "${PLACE}" within ${radius} mi, first search`,
    ...(conditions ? { conditions } : {}),
    figures: [
      { id: 'listed', label: 'Enter → first cards listed', unit: 'ms' },
      { id: 'mapped', label: 'Enter → markers on the map', unit: 'ms' },
      LONGEST_TASK_FIGURE,
      BLOCKING_FIGURE,
    ],
    subject: side(`${NATIONAL.toLocaleString('en-US')}-clinician file`, context.data.national),
    baseline: side('3,000-clinician file', context.data.providers),
  };
}

/** The `<spine-map>` page with `count` clinicians loaded (not yet given to the map) and the map drawn. */
async function openSpineMap(context: BenchContext, page: Page, count: number): Promise<void> {
  await page.goto(`${context.origin}/bench/pages/spine-map.html`);
  await page.evaluate(([url, size]) => window.benchProbe.loadMatches(url, size), [
    context.data.national,
    count,
  ] as const);
  await page.evaluate(() => window.benchProbe.spineMapReady());
  await settle(page);
}

/** The baseline page: a Leaflet map of the US, `count` clinicians loaded, no markers yet. */
async function openMarkerCluster(context: BenchContext, page: Page, count: number): Promise<void> {
  await page.goto(`${context.origin}/bench/pages/markercluster.html`);
  await page.evaluate(() => window.benchProbe.createBaselineMap());
  await page.evaluate(([url, size]) => window.benchProbe.loadMatches(url, size), [
    context.data.national,
    count,
  ] as const);
  await settle(page);
}

/** Like a person on the map, with keys on the focused map and the wheel under the pointer. */
async function panAndZoom(page: Page, map: Locator) {
  await map.focus();
  const box = await map.boundingBox();
  if (!box) throw new Error('the map is not on screen');
  await page.mouse.move(box.x + box.width * NEW_YORK_ON_US_VIEW.x, box.y + box.height * NEW_YORK_ON_US_VIEW.y);
  await page.evaluate(() => window.benchProbe.startFrames());
  for (const step of PAN_AND_ZOOM) {
    if ('key' in step) await page.keyboard.press(step.key);
    else await page.mouse.wheel(0, step.wheel);
    await page.waitForTimeout(step.pauseMs);
  }
  const frames = await page.evaluate(() => window.benchProbe.stopFrames());
  // Far fewer than the script's pans and zooms would mean keys or wheel never reached the map.
  if (frames.moved < MOVED_FRAMES_AT_LEAST) throw new Error(`the map moved in only ${frames.moved} frames`);
  return frames;
}

/** Lets the page finish loading what it loads on its own (chunks, basemap) before a measure. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

function taskValues(tasks: MainThreadTasks): Record<string, number> {
  return { [LONGEST_TASK]: tasks.longestTaskMs, 'blocking-time': tasks.blockingTimeMs };
}

function repeat<T>(times: number, item: T): T[] {
  return Array.from({ length: times }, () => item);
}
