/**
 * The basemap on real Leaflet maps, against the test runner's own routes:
 * county files per state (scripts/geo-assets.ts), raster tiles that work or
 * fail, and PMTiles archives (scripts/basemap-routes.ts).
 */
import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import '../../src/define.js';
import type { SpineMap } from '../../src/components/map/map.js';
import { Basemap, COUNTY_MIN_ZOOM } from '../../src/map/basemap.js';
import { AttributionControl } from '../../src/map/controls.js';
import { mapReady } from '../helpers.js';

const CENTRAL_KANSAS: L.LatLngTuple = [38.5, -98.5];
/** Kansas City: Kansas on one side of the view, Missouri on the other. */
const KANSAS_CITY: L.LatLngTuple = [39.1, -94.6];
const CONTIGUOUS_US: L.LatLngTuple = [39, -97];
const WORKING_TILES = (key: string) => `/test-basemap/tiles/${key}/{z}/{x}/{y}.png`;
const FAILING_TILES = '/test-basemap/tiles/fail/{z}/{x}/{y}.png';
/** The demo archive's land and water, drawn in the offline basemap's colours. */
const LAND: [number, number, number] = [0xf4, 0xf3, 0xee];
const WATER: [number, number, number] = [0xdc, 0xe9, 0xf3];

let runs = 0;
/** A key no earlier request used, so the server's record and the browser's cache start empty. */
function freshKey(name: string): string {
  runs += 1;
  return `${name}-${Date.now()}-${runs}`;
}

interface TestMap {
  element: HTMLElement;
  map: L.Map;
  basemap: Basemap;
  tilesFailed: () => number;
  errors: unknown[];
}

const opened: TestMap[] = [];

function openMap(center: L.LatLngTuple, zoom: number): TestMap {
  // fixtureSync: fixture() would wait for an animation frame, which a test page in the background never gets.
  const element = fixtureSync<HTMLElement>(html`<div style="width: 400px; height: 300px"></div>`);
  const map = L.map(element, {
    zoomAnimation: false,
    fadeAnimation: false,
    markerZoomAnimation: false,
    // The finder's own credits, as MapView shows them: layers' attributions as text.
    attributionControl: false,
  });
  new AttributionControl().addTo(map);
  map.setView(center, zoom);
  let failures = 0;
  const errors: unknown[] = [];
  const basemap = new Basemap(map, { onTilesFailed: () => (failures += 1), onError: (error) => errors.push(error) });
  const opening = { element, map, basemap, tilesFailed: () => failures, errors };
  opened.push(opening);
  return opening;
}

function statesOf(root: ParentNode): NodeListOf<SVGPathElement> {
  return root.querySelectorAll<SVGPathElement>('path.spine-state');
}

function countiesOf(root: ParentNode): NodeListOf<SVGPathElement> {
  return root.querySelectorAll<SVGPathElement>('path.spine-county');
}

async function statesDrawn(root: ParentNode): Promise<void> {
  await waitUntil(() => statesOf(root).length > 50, 'the offline states were not drawn', { timeout: 5000 });
}

/** The state FIPS codes of the county files the page has fetched since the timeline was cleared, sorted. */
function countyFilesFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => /\/spine-assets\/basemap\/counties\/(\d{2})\.json$/.exec(entry.name)?.[1])
    .filter((state): state is string => state !== undefined)
    .sort();
}

function requestsTo(fragment: string): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.includes(fragment));
}

interface RecordedRequest {
  path: string;
  range: string | null;
  referer: string | null;
}

async function recorded(key: string): Promise<RecordedRequest[]> {
  return (await (await fetch(`/test-basemap/recorded/${key}`)).json()) as RecordedRequest[];
}

function tileImages(root: ParentNode): HTMLImageElement[] {
  return [...root.querySelectorAll<HTMLImageElement>('.leaflet-tile-pane img.leaflet-tile')];
}

function vectorTiles(root: ParentNode): HTMLCanvasElement[] {
  return [...root.querySelectorAll<HTMLCanvasElement>('.spine-vector-basemap canvas.leaflet-tile')];
}

/** How many pixels of the canvases have exactly this colour. */
function pixelsOf(canvases: HTMLCanvasElement[], [red, green, blue]: [number, number, number]): number {
  let count = 0;
  for (const canvas of canvases) {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    for (let at = 0; at < data.length; at += 4) {
      if (data[at] === red && data[at + 1] === green && data[at + 2] === blue) count += 1;
    }
  }
  return count;
}

/** Waits until every tile Leaflet shows has settled, loaded or not. */
async function tilesSettled(root: ParentNode, tiles: () => Element[]): Promise<void> {
  await waitUntil(
    () => tiles().length > 0 && tiles().every((tile) => tile.classList.contains('leaflet-tile-loaded')),
    'the tiles did not settle',
    { timeout: 8000 },
  );
  expect(root.querySelector('.leaflet-tile-pane')).to.not.equal(null);
}

before(() => {
  const style = document.createElement('style');
  style.textContent = leafletCss;
  document.head.append(style);
  performance.setResourceTimingBufferSize(10_000);
});

beforeEach(() => {
  performance.clearResourceTimings();
});

afterEach(() => {
  for (const { basemap, map } of opened.splice(0)) {
    basemap.destroy();
    map.remove();
  }
});

describe('Basemap: counties', () => {
  it('fetches and draws no county below zoom 7', async () => {
    const { element, basemap } = openMap(CONTIGUOUS_US, COUNTY_MIN_ZOOM - 1);
    await statesDrawn(element);
    await basemap.whenCountiesLoaded();
    expect(countiesOf(element)).to.have.length(0);
    expect(countyFilesFetched()).to.deep.equal([]);
  });

  it('draws the county borders of the state in view at zoom 7 and over, fetching only its file', async () => {
    const { element, basemap } = openMap(CENTRAL_KANSAS, 8);
    await statesDrawn(element);
    await basemap.whenCountiesLoaded();
    expect(countyFilesFetched()).to.deep.equal(['20']);
    expect(countiesOf(element).length).to.be.greaterThan(0);
    // Drawn below the tiles, in their own pane, over the states.
    const pane = countiesOf(element)[0].closest('.leaflet-pane')!;
    expect(pane.classList.contains('leaflet-spine-basemap-counties-pane')).to.equal(true);
  });

  it('fetches a neighbour’s file when the view crosses into it, and each file once', async () => {
    const { element, map, basemap } = openMap(CENTRAL_KANSAS, 8);
    await statesDrawn(element);
    await basemap.whenCountiesLoaded();
    map.setView(KANSAS_CITY, 8);
    await basemap.whenCountiesLoaded();
    map.setView(CENTRAL_KANSAS, 8);
    await basemap.whenCountiesLoaded();
    expect(countyFilesFetched()).to.deep.equal(['20', '29']);
  });

  it('hides the counties when zoomed out and shows them again without fetching', async () => {
    const { element, map, basemap } = openMap(CENTRAL_KANSAS, 8);
    await statesDrawn(element);
    await basemap.whenCountiesLoaded();
    const drawn = countiesOf(element).length;
    expect(drawn).to.be.greaterThan(0);

    map.setZoom(COUNTY_MIN_ZOOM - 1);
    expect(countiesOf(element)).to.have.length(0);
    expect(statesOf(element).length).to.be.greaterThan(50);

    map.setZoom(COUNTY_MIN_ZOOM);
    await basemap.whenCountiesLoaded();
    expect(countiesOf(element).length).to.be.greaterThan(0);
    expect(countyFilesFetched()).to.deep.equal(['20']);
  });

  it('stops loading when destroyed, and reports nothing', async () => {
    const { element, map, basemap } = openMap(CENTRAL_KANSAS, 8);
    basemap.destroy();
    await basemap.whenCountiesLoaded().catch(() => undefined);
    map.setView(KANSAS_CITY, 9);
    expect(countiesOf(element)).to.have.length(0);
    expect(statesOf(element)).to.have.length(0);
    expect(opened.at(-1)!.errors).to.deep.equal([]);
  });
});

describe('Basemap: raster tiles', () => {
  it('covers the offline basemap with working tiles, requested without Referer, and reports nothing', async () => {
    const key = freshKey('working');
    const { element, basemap, tilesFailed } = openMap(CENTRAL_KANSAS, 8);
    basemap.setTiles(WORKING_TILES(key), 'Tiles © Example <Maps>');
    await tilesSettled(element, () => tileImages(element));

    expect(tilesFailed()).to.equal(0);
    const requests = await recorded(key);
    expect(requests.length).to.be.greaterThan(0);
    expect(requests.map((request) => request.referer)).to.deep.equal(requests.map(() => null));
    // The attribution is shown as text, not markup.
    expect(element.querySelector('.leaflet-control-attribution')!.textContent).to.contain('Tiles © Example <Maps>');
    expect(element.querySelector('.leaflet-control-attribution [href]')).to.have.property('textContent', 'Leaflet');
    // Nothing of the offline basemap is fetched where tiles cover it.
    await basemap.whenCountiesLoaded();
    expect(countyFilesFetched()).to.deep.equal([]);
  });

  it('records the Referer a request sends by default (so the test above can fail)', async () => {
    const key = freshKey('control');
    await fetch(WORKING_TILES(key).replace('{z}/{x}/{y}', '0/0/0'));
    expect((await recorded(key))[0]?.referer).to.equal(location.href);
  });

  it('removes failing tiles, says so once, and leaves the offline basemap with its counties', async () => {
    const { element, map, basemap, tilesFailed } = openMap(CENTRAL_KANSAS, 8);
    basemap.setTiles(FAILING_TILES, undefined);
    await waitUntil(() => tilesFailed() > 0, 'failing tiles were not reported', { timeout: 8000 });
    expect(tileImages(element)).to.deep.equal([]);
    await statesDrawn(element);
    await basemap.whenCountiesLoaded();
    expect(countiesOf(element).length).to.be.greaterThan(0);

    // The same URL is not asked again, whatever the map does.
    performance.clearResourceTimings();
    map.setView(KANSAS_CITY, 9);
    basemap.setTiles(FAILING_TILES, 'Another attribution');
    map.setZoom(10);
    await basemap.whenCountiesLoaded();
    expect(requestsTo('/test-basemap/tiles/fail/')).to.deep.equal([]);
    expect(tilesFailed()).to.equal(1);
  });

  it('tries a new tile URL after one failed, and says so again if it fails too', async () => {
    const { element, basemap, tilesFailed } = openMap(CENTRAL_KANSAS, 8);
    basemap.setTiles(FAILING_TILES, undefined);
    await waitUntil(() => tilesFailed() === 1, 'failing tiles were not reported', { timeout: 8000 });

    basemap.setTiles(`${FAILING_TILES}?server=2`, undefined);
    await waitUntil(() => tilesFailed() === 2, 'the second failing URL was not reported', { timeout: 8000 });

    const key = freshKey('after-failure');
    basemap.setTiles(WORKING_TILES(key), undefined);
    await tilesSettled(element, () => tileImages(element));
    expect(tilesFailed()).to.equal(2);
    expect((await recorded(key)).length).to.be.greaterThan(0);
  });
});

describe('Basemap: vector basemap (PMTiles)', () => {
  it('draws the archive on canvas tiles from Range requests to its own server only', async () => {
    const key = freshKey('vector');
    const { element, basemap, tilesFailed } = openMap(CONTIGUOUS_US, 4);
    basemap.setVectorBasemap(`/test-basemap/pmtiles/${key}/us.pmtiles`);
    await tilesSettled(element, () => vectorTiles(element));

    expect(tilesFailed()).to.equal(0);
    expect(pixelsOf(vectorTiles(element), LAND)).to.be.greaterThan(1000);
    expect(pixelsOf(vectorTiles(element), WATER)).to.be.greaterThan(1000);
    const requests = await recorded(key);
    expect(requests.length).to.be.greaterThan(1);
    for (const request of requests) {
      expect(request.range).to.match(/^bytes=\d+-\d+$/);
      expect(request.referer).to.equal(null);
    }
    const foreign = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => !url.startsWith(`${location.origin}/`));
    expect(foreign).to.deep.equal([]);
    // The archive's own attribution, as text.
    expect(element.querySelector('.leaflet-control-attribution')!.textContent).to.contain(
      'U.S. Census Bureau, via us-atlas',
    );
  });

  it('draws the host’s colours from --spine-map-land and --spine-map-water', async () => {
    const key = freshKey('themed');
    const { element, basemap } = openMap(CONTIGUOUS_US, 4);
    element.style.setProperty('--spine-map-land', 'rgb(200, 100, 50)');
    element.style.setProperty('--spine-map-water', 'rgb(10, 20, 30)');
    basemap.setVectorBasemap(`/test-basemap/pmtiles/${key}/us.pmtiles`);
    await tilesSettled(element, () => vectorTiles(element));
    expect(pixelsOf(vectorTiles(element), [200, 100, 50])).to.be.greaterThan(1000);
    expect(pixelsOf(vectorTiles(element), [10, 20, 30])).to.be.greaterThan(1000);
    expect(pixelsOf(vectorTiles(element), LAND)).to.equal(0);
  });

  it('says once that a file which is not an archive failed, and keeps the offline basemap', async () => {
    const key = freshKey('not-an-archive');
    const { element, basemap, tilesFailed } = openMap(CENTRAL_KANSAS, 8);
    basemap.setVectorBasemap(`/test-basemap/not-an-archive/${key}/us.pmtiles`);
    await waitUntil(() => tilesFailed() > 0, 'the bad archive was not reported', { timeout: 8000 });
    basemap.setVectorBasemap(`/test-basemap/not-an-archive/${key}/us.pmtiles`);
    await basemap.whenCountiesLoaded();
    expect(tilesFailed()).to.equal(1);
    expect(vectorTiles(element)).to.deep.equal([]);
    expect(statesOf(element).length).to.be.greaterThan(50);
    expect(countiesOf(element).length).to.be.greaterThan(0);
    expect(await recorded(key)).to.have.length(1);
  });

  it('removes an archive whose tiles cannot be read, and says so once', async () => {
    const key = freshKey('broken');
    const { element, basemap, tilesFailed } = openMap(CONTIGUOUS_US, 4);
    basemap.setVectorBasemap(`/test-basemap/pmtiles-broken/${key}/us.pmtiles`);
    await waitUntil(() => tilesFailed() > 0, 'the unreadable tiles were not reported', { timeout: 8000 });
    expect(element.querySelector('.spine-vector-basemap')).to.equal(null);
    expect(statesOf(element).length).to.be.greaterThan(50);
    expect(tilesFailed()).to.equal(1);
  });

  it('falls back to the raster tiles when the archive fails', async () => {
    const archiveKey = freshKey('fallback-archive');
    const tilesKey = freshKey('fallback-tiles');
    const { element, basemap, tilesFailed } = openMap(CENTRAL_KANSAS, 8);
    basemap.setTiles(WORKING_TILES(tilesKey), undefined);
    basemap.setVectorBasemap(`/test-basemap/not-an-archive/${archiveKey}/us.pmtiles`);
    await waitUntil(() => tilesFailed() === 1, 'the bad archive was not reported', { timeout: 8000 });
    await tilesSettled(element, () => tileImages(element));
    expect((await recorded(tilesKey)).length).to.be.greaterThan(0);
  });

  it('asks the raster tiles nothing while the archive is shown', async () => {
    const archiveKey = freshKey('precedence-archive');
    const tilesKey = freshKey('precedence-tiles');
    const { element, basemap } = openMap(CONTIGUOUS_US, 4);
    basemap.setVectorBasemap(`/test-basemap/pmtiles/${archiveKey}/us.pmtiles`);
    basemap.setTiles(WORKING_TILES(tilesKey), undefined);
    await tilesSettled(element, () => vectorTiles(element));
    expect(tileImages(element)).to.deep.equal([]);
    expect((await recorded(archiveKey)).length).to.be.greaterThan(0);
    expect(await recorded(tilesKey)).to.deep.equal([]);
  });
});

describe('<spine-map> basemap', () => {
  it('is accessible with failing tiles, and shows the offline states instead', async () => {
    const map = await fixture<SpineMap>(html`<spine-map tile-url=${FAILING_TILES}></spine-map>`);
    await mapReady(map);
    await statesDrawn(map.shadowRoot!);
    await waitUntil(() => tileImages(map.shadowRoot!).length === 0 && requestsTo('/tiles/fail/').length > 0, '', {
      timeout: 8000,
    });
    await expect(map).to.be.accessible();
    expect(statesOf(map.shadowRoot!).length).to.be.greaterThan(50);
  });

  it('draws the county borders around a search zoomed in on Chicago', async () => {
    const map = await fixture<SpineMap>(
      html`<spine-map .center=${{ lat: 41.9229, lng: -87.6483 }} .radiusKm=${40}></spine-map>`,
    );
    await mapReady(map);
    await waitUntil(() => countiesOf(map.shadowRoot!).length > 0, 'no county borders were drawn', { timeout: 5000 });
    await waitUntil(() => countyFilesFetched().includes('17'), 'the Illinois file was not fetched', { timeout: 5000 });
    // Illinois and the neighbours whose land reaches into the view (Indiana, Michigan, Wisconsin), no others.
    expect(countyFilesFetched().every((state) => ['17', '18', '26', '55'].includes(state))).to.equal(true);
  });
});
