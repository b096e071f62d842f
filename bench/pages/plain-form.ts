/**
 * The baselines' own pages (plain-form.html, plain-data.html), as
 * `window.plainProbe`: a plain HTML form doing what the finder does for a
 * search, with no framework and no component, and a page that only holds a
 * directory file as parsed JSON. Compiled to bench/tmp/pages/plain-form.js
 * by bench/site.ts.
 *
 * The form looks a ZIP or "City, ST" up either in the finder's own geo
 * shards (`?geo=shards`, the same requests the finder makes) or in the
 * whole data set, one file for ZIPs and one for places (`?geo=whole&zips=…&places=…`),
 * then asks the demo directory and lists the names.
 */

/** What a person sees after pressing Enter, in ms from the key press. */
export interface PlainTimes {
  /** The place was found. */
  geocodedMs: number;
  /** The first names are in the list. */
  listedMs: number;
  /** Clinicians listed. */
  results: number;
  /** Bytes of geo data (shards or the whole data set) the search fetched. */
  geoBytes: number;
}

type Point = { lat: number; lng: number };
type ZipTable = Record<string, [number, number, string, string]>;
type PlaceTable = Record<string, Array<[string, string, number, number]>>;

const MILE_KM = 1.609344;
const params = new URLSearchParams(location.search);
const geo = params.get('geo') ?? 'shards';
const ASSETS = '/dist/spine-assets/geo/';

let clock: { start: number; geocoded?: number; resolve: (times: PlainTimes) => void } | undefined;
let finished: Promise<PlainTimes> | undefined;
let held: unknown;

/** Lower case, no accents or punctuation: the geo data's keys for the cities searched here. */
function placeKey(city: string): string {
  return city
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

async function geocode(text: string): Promise<Point | undefined> {
  const zip = /^\d{5}$/.exec(text.trim())?.[0];
  if (zip) {
    const table = await fetchJson<ZipTable>(
      geo === 'whole' ? params.get('zips')! : `${ASSETS}zip/${zip.slice(0, 3)}.json`,
    );
    const entry = table[zip];
    return entry && { lat: entry[0], lng: entry[1] };
  }
  const [city, state] = text.split(',').map((part) => part.trim());
  const key = placeKey(city);
  const shard = (key.replace(/ /g, '').slice(0, 2) + '__').slice(0, 2);
  const table = await fetchJson<PlaceTable>(geo === 'whole' ? params.get('places')! : `${ASSETS}place/${shard}.json`);
  const found = (table[key] ?? []).find(([placeState]) => !state || placeState === state.toUpperCase());
  return found && { lat: found[2], lng: found[3] };
}

async function search(text: string, radiusMiles: number): Promise<void> {
  const status = document.querySelector<HTMLElement>('#status')!;
  const list = document.querySelector<HTMLOListElement>('#results')!;
  status.textContent = 'Searching…';
  const point = await geocode(text);
  if (clock) clock.geocoded = performance.now();
  if (!point) {
    status.textContent = `No place called ${text}.`;
    return;
  }
  const url = new URL('/api/directory', location.href);
  url.searchParams.set('lat', point.lat.toFixed(5));
  url.searchParams.set('lng', point.lng.toFixed(5));
  url.searchParams.set('radius', String(radiusMiles * MILE_KM));
  url.searchParams.set('limit', '50');
  const { providers } = await fetchJson<{ providers: Array<{ name: string }> }>(url.href);
  list.replaceChildren(
    ...providers.map((provider) => {
      const item = document.createElement('li');
      item.textContent = provider.name;
      return item;
    }),
  );
  status.textContent = `${providers.length} clinicians within ${radiusMiles} miles of ${text}.`;
}

const form = document.querySelector<HTMLFormElement>('#search');
if (form) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    void search(String(data.get('location') ?? ''), Number(data.get('radius')));
  });
  // Marks the moment a search would work: the form's handler is in place.
  form.dataset.ready = '';
}

/** Starts the clock on the next Enter; `searchFinished()` gives the times once names are listed. */
function armSearchClock(): void {
  finished = new Promise((resolve) => {
    addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Enter') return;
        performance.mark('bench:start');
        clock = { start: performance.now(), resolve };
        void watch();
      },
      { capture: true, once: true },
    );
  });
}

async function watch(): Promise<void> {
  const current = clock!;
  const list = document.querySelector('#results')!;
  while (list.children.length === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
  const listed = performance.now();
  performance.mark('bench:end');
  const geoData = performance
    .getEntriesByType('resource')
    .filter((entry): entry is PerformanceResourceTiming => /\/spine-assets\/geo\/|\/data\/geo-/.test(entry.name))
    .filter((entry) => entry.startTime >= current.start);
  current.resolve({
    geocodedMs: (current.geocoded ?? listed) - current.start,
    listedMs: listed - current.start,
    results: list.children.length,
    geoBytes: geoData.reduce((total, entry) => total + entry.encodedBodySize, 0),
  });
}

function searchFinished(): Promise<PlainTimes> {
  if (!finished) throw new Error('armSearchClock() first');
  return finished;
}

/** Fetches a directory file and holds it as parsed JSON: the data's own weight in the heap. */
async function holdFile(url: string): Promise<number> {
  const data = await fetchJson<unknown[]>(url);
  held = data;
  return data.length;
}

const plainProbe = { armSearchClock, searchFinished, holdFile, held: () => held };

export type PlainProbe = typeof plainProbe;

declare global {
  interface Window {
    plainProbe: PlainProbe;
  }
}

window.plainProbe = plainProbe;
