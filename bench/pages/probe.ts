/**
 * What the benchmark does inside its pages, as `window.benchProbe`: load the
 * clinicians, hand them to a map, watch for what a person would see, time
 * frames. Compiled to bench/tmp/pages/probe.js by bench/site.ts (the pages
 * load it as a module) so that nothing here depends on how Node transpiles
 * functions handed to `page.evaluate`.
 *
 * Each measured window is marked with `performance.mark('bench:start')` and
 * `performance.mark('bench:end')`, which bench/trace.ts looks for.
 */
import type * as Leaflet from 'leaflet';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineMap } from '../../src/components/map/map.js';
import type { Match } from '../../src/directory/adapter.js';
import type { Provider } from '../../src/directory/schema.js';

/** Leaflet and leaflet.markercluster as their UMD scripts leave them on the baseline page. */
declare const L: typeof Leaflet & {
  markerClusterGroup(options: { chunkedLoading: boolean }): Leaflet.FeatureGroup & {
    addLayers(layers: Leaflet.Layer[]): unknown;
  };
};

/** The view `<spine-map>` shows before a search: the contiguous United States. */
const US_BOUNDS: [[number, number], [number, number]] = [
  [24.4, -125],
  [49.5, -66.9],
];
/** Distances only label markers here; measured from the middle of the country. */
const US_CENTER = { lat: 39.5, lng: -98.35 };
const EARTH_RADIUS_KM = 6371;
const BASELINE_MAX_ZOOM = 18;

/** What a person sees after pressing Enter, in ms from the key press. */
export interface SearchTimes {
  /** Cards are in the list. */
  listedMs: number;
  /** Markers (clusters or clinicians) are on the map. */
  mappedMs: number;
  /** Clinicians found. */
  results: number;
  /** Cluster markers drawn. */
  clusters: number;
}

export interface FrameTimes {
  frames: number;
  /** Frames in which the map had moved (its pane's transform changed): proof that the script reached it. */
  moved: number;
  longestFrameMs: number;
  /** Share of frames that took longer than two frames at 60 Hz (a visible stutter), in %. */
  slowFrameShare: number;
}

let matches: Match[] = [];
let baselineMap: Leaflet.Map | undefined;
let frameTimes: number[] | undefined;
let movedFrames = 0;
let searchTimes: Promise<SearchTimes> | undefined;

/** Fetches a directory file and keeps its first `count` clinicians as matches, untimed. */
async function loadMatches(url: string, count: number): Promise<number> {
  const response = await fetch(url);
  const providers = ((await response.json()) as Provider[]).slice(0, count);
  if (providers.length < count) throw new Error(`${url} has ${providers.length} clinicians, not ${count}`);
  matches = providers.map((provider) => ({ provider, distanceKm: greatCircleKm(US_CENTER, provider.location) }));
  return matches.length;
}

/** The page's `<spine-map>` once it has loaded and drawn its (empty) first state. */
async function spineMapReady(): Promise<void> {
  await customElements.whenDefined('spine-map');
  await spineMap().mapReady;
}

/** Gives `<spine-map>` the loaded matches; ms until clusters are on screen. */
async function showOnSpineMap(): Promise<number> {
  const map = spineMap();
  await nextFrame();
  performance.mark('bench:start');
  const start = performance.now();
  map.results = matches;
  await frameWhen(() => map.clusterElements().length > 0);
  const elapsed = performance.now() - start;
  performance.mark('bench:end');
  return elapsed;
}

/**
 * A plain Leaflet map showing what `<spine-map>` shows before a search. It
 * has no tile layer to take a zoom range from, and markercluster needs one:
 * Leaflet's usual 18.
 */
function createBaselineMap(): void {
  baselineMap = L.map('map', { keyboard: true, maxZoom: BASELINE_MAX_ZOOM }).fitBounds(US_BOUNDS);
}

/**
 * The baseline: the loaded matches as leaflet.markercluster markers (one per
 * clinician, a default divIcon each), added the way its README advises for
 * many markers (`chunkedLoading`); ms until clusters are on screen.
 */
async function showOnMarkerCluster(): Promise<number> {
  const map = baselineMap;
  if (!map) throw new Error('createBaselineMap() first');
  await nextFrame();
  performance.mark('bench:start');
  const start = performance.now();
  const group = L.markerClusterGroup({ chunkedLoading: true }).addTo(map);
  group.addLayers(
    matches.map(({ provider }) =>
      L.marker([provider.location.lat, provider.location.lng], {
        icon: L.divIcon(),
        keyboard: true,
        title: provider.name,
      }),
    ),
  );
  await frameWhen(() => map.getContainer().querySelector('.marker-cluster') !== null);
  const elapsed = performance.now() - start;
  performance.mark('bench:end');
  return elapsed;
}

/** Starts noting the time of every frame, and whether the map moved in it, and the measured window. */
function startFrames(): void {
  const times: number[] = [];
  frameTimes = times;
  movedFrames = 0;
  const root = document.querySelector('spine-map')?.renderRoot ?? document;
  const pane = root.querySelector<HTMLElement>('.leaflet-map-pane');
  if (!pane) throw new Error('no Leaflet map on the page');
  let transform = pane.style.transform;
  const note = (time: number) => {
    if (frameTimes !== times) return;
    times.push(time);
    if (pane.style.transform !== transform) movedFrames++;
    transform = pane.style.transform;
    requestAnimationFrame(note);
  };
  requestAnimationFrame(note);
  performance.mark('bench:start');
}

function stopFrames(): FrameTimes {
  performance.mark('bench:end');
  const times = frameTimes ?? [];
  frameTimes = undefined;
  const intervals = times.slice(1).map((time, i) => time - times[i]);
  if (intervals.length === 0) throw new Error('no frame was drawn');
  const slow = intervals.filter((interval) => interval > 2 * (1000 / 60)).length;
  return {
    frames: intervals.length,
    moved: movedFrames,
    longestFrameMs: Math.max(...intervals),
    slowFrameShare: (100 * slow) / intervals.length,
  };
}

/** Points the finder at a directory file, and resolves once it is drawn. */
async function finderReady(endpoint: string): Promise<void> {
  await customElements.whenDefined('spine-finder');
  const finder = spineFinder();
  finder.endpoint = endpoint;
  await finder.updateComplete;
}

/**
 * Starts the clock on the next Enter (in the capture phase, before the finder
 * hears it) and watches, frame by frame, for the first cards in the list and
 * the first markers on the map. `searchFinished()` gives the times.
 */
function armSearchClock(): void {
  searchTimes = new Promise((resolve) => {
    addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Enter') return;
        performance.mark('bench:start');
        const start = performance.now();
        resolve(watchSearch(start));
      },
      { capture: true, once: true },
    );
  });
}

async function watchSearch(start: number): Promise<SearchTimes> {
  const root = spineFinder().renderRoot;
  const cards = () =>
    root.querySelector('spine-results')?.renderRoot.querySelectorAll('spine-provider-card').length ?? 0;
  const map = () => root.querySelector('spine-map');
  const markers = () => map()?.renderRoot.querySelectorAll('.leaflet-marker-icon').length ?? 0;
  let listedMs: number | undefined;
  let mappedMs: number | undefined;
  await frameWhen(() => {
    const now = performance.now() - start;
    if (listedMs === undefined && cards() > 0) listedMs = now;
    if (mappedMs === undefined && markers() > 0) mappedMs = now;
    return listedMs !== undefined && mappedMs !== undefined;
  });
  performance.mark('bench:end');
  const results = spineFinder().renderRoot.querySelector('spine-map')?.results.length ?? 0;
  return { listedMs: listedMs!, mappedMs: mappedMs!, results, clusters: map()?.clusterElements().length ?? 0 };
}

function searchFinished(): Promise<SearchTimes> {
  if (!searchTimes) throw new Error('armSearchClock() first');
  return searchTimes;
}

function spineMap(): SpineMap {
  const map = document.querySelector('spine-map');
  if (!map) throw new Error('the page has no <spine-map>');
  return map;
}

function spineFinder(): SpineFinder {
  const finder = document.querySelector('spine-finder');
  if (!finder) throw new Error('the page has no <spine-finder>');
  return finder;
}

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Resolves in the first animation frame where `condition` holds: what that frame paints. */
async function frameWhen(condition: () => boolean): Promise<void> {
  while (!condition()) await nextFrame();
}

function greatCircleKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const radians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * radians;
  const dLng = (b.lng - a.lng) * radians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * radians) * Math.cos(b.lat * radians) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

const benchProbe = {
  loadMatches,
  spineMapReady,
  showOnSpineMap,
  createBaselineMap,
  showOnMarkerCluster,
  startFrames,
  stopFrames,
  finderReady,
  armSearchClock,
  searchFinished,
};

export type BenchProbe = typeof benchProbe;

declare global {
  interface Window {
    benchProbe: BenchProbe;
  }
}

window.benchProbe = benchProbe;
