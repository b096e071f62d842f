/**
 * What the benchmark does inside the finder's own pages (finder-demo.html,
 * mount.html), as `window.finderProbe`: time a search from the Enter key to
 * the place found (`spine-search`) and to the first cards, count the geo
 * data it fetched, and mount and remove finders. Compiled to
 * bench/tmp/pages/finder-probe.js by bench/site.ts.
 */
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineMap } from '../../src/components/map/map.js';

export interface FinderTimes {
  /** The finder understood the place and asks the directory (`spine-search`). */
  geocodedMs: number;
  /** The first cards are in the list. */
  listedMs: number;
  /** Bytes of geo data (spine-assets/geo/) the search fetched. */
  geoBytes: number;
  /** Geo data files it fetched. */
  geoFiles: number;
}

/** A finder (or its baseline) that took longer than this to mount is a failure, not a figure. */
const MOUNT_WAIT_MS = 30_000;

let finished: Promise<FinderTimes> | undefined;

function finder(): SpineFinder {
  const element = document.querySelector('spine-finder');
  if (!element) throw new Error('the page has no <spine-finder>');
  return element;
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * Starts the clock on the next Enter (in the capture phase, before the finder
 * hears it), and watches for `spine-search` and, frame by frame, the first cards.
 */
function armSearchClock(): void {
  finished = new Promise((resolve) => {
    addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Enter') return;
        performance.mark('bench:start');
        resolve(watchSearch(performance.now()));
      },
      { capture: true, once: true },
    );
  });
}

async function watchSearch(start: number): Promise<FinderTimes> {
  let geocoded: number | undefined;
  document.addEventListener('spine-search', () => (geocoded ??= performance.now()), { once: true });
  const cards = () =>
    finder().renderRoot.querySelector('spine-results')?.renderRoot.querySelectorAll('spine-provider-card').length ?? 0;
  while (cards() === 0) await nextFrame();
  const listed = performance.now();
  performance.mark('bench:end');
  const geoData = performance
    .getEntriesByType('resource')
    .filter((entry): entry is PerformanceResourceTiming => entry.name.includes('/spine-assets/geo/'))
    .filter((entry) => entry.startTime >= start);
  return {
    geocodedMs: (geocoded ?? listed) - start,
    listedMs: listed - start,
    geoBytes: geoData.reduce((total, entry) => total + entry.encodedBodySize, 0),
    geoFiles: geoData.length,
  };
}

function searchFinished(): Promise<FinderTimes> {
  if (!finished) throw new Error('armSearchClock() first');
  return finished;
}

/**
 * Mounts a `<spine-finder>` on the demo endpoint (or, as the baseline, a plain
 * search form with a submit handler) and removes it, `count` times. Each
 * finder is removed once it has drawn and its map has loaded, so every
 * part (the search box, the filters, Leaflet, the basemap, the clustering
 * worker) has been set up and must be taken down.
 */
async function mountAndRemove(count: number, kind: 'finder' | 'form'): Promise<void> {
  const host = document.querySelector('#host')!;
  for (let i = 0; i < count; i++) {
    if (kind === 'finder') {
      const element = document.createElement('spine-finder');
      element.endpoint = '/api/directory';
      host.append(element);
      await element.updateComplete;
      const map = element.renderRoot.querySelector<SpineMap>('spine-map');
      if (!map) throw new Error('the finder drew no map');
      await Promise.race([
        map.mapReady,
        new Promise((_, reject) => setTimeout(() => reject(new Error('the map did not load')), MOUNT_WAIT_MS)),
      ]);
      element.remove();
    } else {
      const form = document.createElement('form');
      const input = document.createElement('input');
      const select = document.createElement('select');
      select.append(new Option('25 miles', '25', true, true));
      const button = document.createElement('button');
      button.textContent = 'Search';
      form.append(input, select, button);
      form.addEventListener('submit', (event) => event.preventDefault());
      host.append(form);
      await nextFrame();
      form.remove();
    }
  }
  // One more frame, so whatever a removal scheduled has run.
  await nextFrame();
}

const finderProbe = { armSearchClock, searchFinished, mountAndRemove };

export type FinderProbe = typeof finderProbe;

declare global {
  interface Window {
    finderProbe: FinderProbe;
  }
}

window.finderProbe = finderProbe;
