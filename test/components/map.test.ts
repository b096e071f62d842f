import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/define.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { SpineMap } from '../../src/components/map/map.js';
import type { Match } from '../../src/directory/adapter.js';
import type { GeoPoint } from '../../src/directory/schema.js';
import type { SpineSelectEvent } from '../../src/events.js';
import { mapReady } from '../helpers.js';

/** ZIP 60614, Chicago. */
const CENTER: GeoPoint = { lat: 41.9229, lng: -87.6483 };

/** The sample clinicians moved to the four points of the compass, 3 km from the centre, so none cluster. */
const SPREAD = [
  { lat: CENTER.lat + 0.027, lng: CENTER.lng },
  { lat: CENTER.lat, lng: CENTER.lng + 0.036 },
  { lat: CENTER.lat - 0.027, lng: CENTER.lng },
  { lat: CENTER.lat, lng: CENTER.lng - 0.036 },
];

// Distances chosen to read as round numbers of miles: 1 km is 0.6 miles.
const MATCHES: Match[] = [1, 2, 3, 14].map((distanceKm, i) => ({
  provider: { ...SAMPLE_PROVIDERS[i], location: SPREAD[i] },
  distanceKm,
}));
const IDS = MATCHES.map((match) => match.provider.id);

/** A map showing the four clinicians, each with a marker of its own. */
async function mapWithResults(): Promise<SpineMap> {
  const map = await fixture<SpineMap>(
    html`<spine-map .results=${MATCHES} .center=${CENTER} .radiusKm=${5}></spine-map>`,
  );
  await mapReady(map);
  return map;
}

function statesOf(map: SpineMap): NodeListOf<SVGPathElement> {
  return map.shadowRoot!.querySelectorAll<SVGPathElement>('path.spine-state');
}

async function basemapDrawn(map: SpineMap): Promise<void> {
  await waitUntil(() => statesOf(map).length > 0, 'the offline basemap was not drawn', { timeout: 5000 });
}

function centreOf(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

describe('<spine-map>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('can be taken off the page in the middle of a zoom, with no error afterwards', async () => {
    const map = await mapWithResults();
    const errors: string[] = [];
    const record = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', record);
    try {
      const zoomIn = map.shadowRoot!.querySelector<HTMLElement>('[aria-label="Zoom in"]')!;
      zoomIn.click();
      await waitUntil(() => map.shadowRoot!.querySelector('.leaflet-zoom-anim'), 'no zoom animation started');
      map.remove();
      // Leaflet's own timer ends a zoom animation 250 ms after it starts.
      await new Promise((resolve) => setTimeout(resolve, 400));
    } finally {
      window.removeEventListener('error', record);
    }
    expect(errors).to.deep.equal([]);
  });

  it('is accessible, with a labelled map region', async () => {
    const map = await mapWithResults();
    await expect(map).to.be.accessible();
    const region = map.shadowRoot!.querySelector('[part~="map"]')!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('aria-label')).to.equal('Map of clinicians');
  });

  it('gives every marker the role of a button, a tab stop and a name with the distance', async () => {
    const map = await mapWithResults();
    const markers = IDS.map((id) => map.markerElement(id)!);
    expect(markers.every((marker) => marker instanceof HTMLElement)).to.equal(true);
    expect(markers.map((marker) => marker.getAttribute('role'))).to.deep.equal([
      'button',
      'button',
      'button',
      'button',
    ]);
    expect(markers.map((marker) => marker.tabIndex)).to.deep.equal([0, 0, 0, 0]);
    expect(markers.map((marker) => marker.getAttribute('aria-label'))).to.deep.equal([
      'Ana Lopez, DC, 0.6 miles',
      'Ben Okafor, PT, DPT, 1.2 miles',
      'Carla Nguyen, DO, 1.9 miles',
      'David Kim, DC, 8.7 miles',
    ]);
  });

  it('reads marker distances in kilometres when units="km"', async () => {
    const map = await fixture<SpineMap>(
      html`<spine-map units="km" .results=${MATCHES} .center=${CENTER} .radiusKm=${5}></spine-map>`,
    );
    await mapReady(map);
    expect(map.markerElement('fx-1')!.getAttribute('aria-label')).to.equal('Ana Lopez, DC, 1 kilometer');
    expect(map.markerElement('fx-4')!.getAttribute('aria-label')).to.equal('David Kim, DC, 14 kilometers');
  });

  it('fires spine-select from the map, via the keyboard, when Enter is pressed on a focused marker', async () => {
    const map = await mapWithResults();
    const marker = map.markerElement('fx-2')!;
    marker.focus();
    expect(map.shadowRoot!.activeElement).to.equal(marker);
    const selection = oneEvent(map, 'spine-select') as Promise<SpineSelectEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await selection;
    expect(event.provider.id).to.equal('fx-2');
    expect(event.source).to.equal('map');
    expect(event.viaKeyboard).to.equal(true);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
  });

  it('fires spine-select from the map, not via the keyboard, when a marker is clicked', async () => {
    const map = await mapWithResults();
    const marker = map.markerElement('fx-3')!;
    const [x, y] = centreOf(marker);
    // The click lands on this marker and not on another one above it.
    expect(map.shadowRoot!.elementFromPoint(x, y)).to.equal(marker);
    const selection = oneEvent(map, 'spine-select') as Promise<SpineSelectEvent>;
    await sendMouse({ type: 'click', position: [x, y] });
    const event = await selection;
    expect(event.provider.id).to.equal('fx-3');
    expect(event.source).to.equal('map');
    expect(event.viaKeyboard).to.equal(false);
  });

  it('marks exactly the selected marker', async () => {
    const map = await mapWithResults();
    const selectedIds = () => IDS.filter((id) => map.markerElement(id)!.classList.contains('selected'));
    expect(selectedIds()).to.deep.equal([]);

    map.selectedId = 'fx-2';
    await map.updateComplete;
    expect(selectedIds()).to.deep.equal(['fx-2']);
    expect(map.markerElement('fx-2')!.getAttribute('aria-pressed')).to.equal('true');

    map.selectedId = 'fx-3';
    await map.updateComplete;
    expect(selectedIds()).to.deep.equal(['fx-3']);
    expect(map.markerElement('fx-2')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('keeps the selection when new results arrive', async () => {
    const map = await mapWithResults();
    map.selectedId = 'fx-3';
    await map.updateComplete;
    map.results = MATCHES.slice(1);
    await map.updateComplete;
    await map.mapReady;
    expect(map.markerElement('fx-1')).to.equal(undefined);
    expect(IDS.slice(1).filter((id) => map.markerElement(id)!.classList.contains('selected'))).to.deep.equal(['fx-3']);
  });

  it('draws the US states of the offline basemap', async () => {
    const map = await mapWithResults();
    await basemapDrawn(map);
    expect(statesOf(map).length).to.be.greaterThan(50);
  });

  it('asks no origin but the page’s own when no tile-url is set', async () => {
    performance.setResourceTimingBufferSize(10_000);
    performance.clearResourceTimings();
    const map = await mapWithResults();
    await basemapDrawn(map);
    const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
    // The basemap was fetched, so the entries cover the map's own requests.
    expect(urls.some((url) => url.includes('/basemap/states-10m.json'))).to.equal(true);
    expect(urls.filter((url) => !url.startsWith(`${location.origin}/`))).to.deep.equal([]);
    expect(map.shadowRoot!.querySelector('.leaflet-tile-pane img')).to.equal(null);
  });

  it('builds a working map again when removed from the page and added back', async () => {
    const map = await mapWithResults();
    await basemapDrawn(map);
    const oldMarker = map.markerElement('fx-1')!;
    const parent = map.parentElement!;

    map.remove();
    expect(map.markerElement('fx-1')).to.equal(undefined);
    parent.append(map);
    await mapReady(map);

    const marker = map.markerElement('fx-1')!;
    expect(marker).to.be.instanceOf(HTMLElement);
    expect(marker).not.to.equal(oldMarker);
    expect(marker.isConnected).to.equal(true);
    expect(marker.getAttribute('aria-label')).to.equal('Ana Lopez, DC, 0.6 miles');
    expect(map.shadowRoot!.querySelectorAll('.leaflet-map-pane')).to.have.length(1);
    await basemapDrawn(map);
    expect(statesOf(map).length).to.be.greaterThan(50);

    marker.focus();
    const selection = oneEvent(map, 'spine-select') as Promise<SpineSelectEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await selection;
    expect(event.provider.id).to.equal('fx-1');
    expect(event.viaKeyboard).to.equal(true);
  });
});
