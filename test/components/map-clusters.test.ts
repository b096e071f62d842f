/**
 * The map at scale: clusters, group practices at one address, only what is
 * in view in the DOM, and "Search this area". A real Leaflet map each time.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineMap } from '../../src/components/map/map.js';
import type { Match } from '../../src/directory/adapter.js';
import type { GeoPoint, Provider } from '../../src/directory/schema.js';
import type { SpineAreaSearchEvent, SpineSelectEvent } from '../../src/events.js';
import { distanceKm } from '../../src/geo/distance.js';
import { mapReady } from '../helpers.js';

const CHICAGO: GeoPoint = { lat: 41.9229, lng: -87.6483 };
const DENVER: GeoPoint = { lat: 39.7392, lng: -104.9903 };

function clinician(id: string, location: GeoPoint, extra: Partial<Provider> = {}): Match {
  return {
    provider: { id, name: `Clinician ${id}`, credentials: ['DC'], location, ...extra },
    distanceKm: distanceKm(CHICAGO, location),
  };
}

/** `count` clinicians scattered over about 2 km around a point, deterministically. */
function scattered(count: number, around: GeoPoint, prefix: string): Match[] {
  return Array.from({ length: count }, (_, i) =>
    clinician(`${prefix}-${i}`, {
      lat: around.lat + ((i * 37) % 100) / 5000 - 0.01,
      lng: around.lng + ((i * 61) % 100) / 4000 - 0.0125,
    }),
  );
}

async function showMap(results: Match[], radiusKm: number, center = CHICAGO): Promise<SpineMap> {
  const map = await fixture<SpineMap>(
    html`<spine-map .results=${results} .center=${center} .radiusKm=${radiusKm}></spine-map>`,
  );
  await mapReady(map);
  return map;
}

function focusableMarkers(map: SpineMap): HTMLElement[] {
  return [...map.shadowRoot!.querySelectorAll<HTMLElement>('.leaflet-marker-pane [tabindex="0"]')];
}

describe('<spine-map> clusters', () => {
  it('gathers nearby clinicians into one cluster named by how many it holds', async () => {
    const map = await showMap(scattered(30, CHICAGO, 'a'), 300);
    const clusters = map.clusterElements();
    expect(clusters).to.have.length(1);
    expect(clusters[0].getAttribute('aria-label')).to.equal('Cluster of 30 providers');
    expect(clusters[0].getAttribute('role')).to.equal('button');
    expect(clusters[0].textContent!.trim()).to.equal('30');
    await expect(map).to.be.accessible();
  });

  it('zooms to a cluster’s extent when Enter is pressed on it, and its clinicians come apart', async () => {
    const map = await showMap(scattered(30, CHICAGO, 'a'), 300);
    const [cluster] = map.clusterElements();
    cluster.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusableMarkers(map).length > 1, 'the cluster did not come apart', { timeout: 5000 });
    // Focus stays in the map (on its container) rather than falling to the page.
    expect(map.shadowRoot!.activeElement?.classList.contains('leaflet-container')).to.equal(true);
  });

  it('zooms in when a cluster is clicked', async () => {
    const map = await showMap(scattered(30, CHICAGO, 'a'), 300);
    const before = focusableMarkers(map).length;
    map.clusterElements()[0].click();
    await waitUntil(() => focusableMarkers(map).length > before, 'the cluster did not come apart', { timeout: 5000 });
  });

  it('counts clinicians, not addresses: a group practice counts each of its clinicians', async () => {
    const group = [1, 2, 3].map((i) => clinician(`g-${i}`, CHICAGO));
    const map = await showMap([...group, ...scattered(5, CHICAGO, 'b')], 300);
    expect(map.clusterElements()[0].getAttribute('aria-label')).to.equal('Cluster of 8 providers');
  });

  it('puts into the DOM only what is in view, so only what is visible can take focus', async () => {
    const results = [...scattered(10, CHICAGO, 'c'), clinician('far', DENVER)];
    const map = await showMap(results, 20);
    expect(map.markerElement('far') === undefined, 'no marker out of view').to.equal(true);
    expect(map.clusterElements().some((cluster) => cluster.getAttribute('aria-label')!.includes('11'))).to.equal(false);
    expect(focusableMarkers(map).length).to.be.greaterThan(0);
  });

  it('keeps a page of 20,000 clinicians to a handful of markers', async () => {
    const results = Array.from({ length: 20_000 }, (_, i) =>
      clinician(`n-${i}`, { lat: 30 + ((i * 7919) % 1800) / 100, lng: -120 + ((i * 104729) % 4500) / 100 }),
    );
    const map = await showMap(results, 2000, { lat: 39, lng: -97 });
    const markers = focusableMarkers(map);
    expect(markers.length).to.be.greaterThan(3).and.lessThan(300);
    const total = map
      .clusterElements()
      .reduce(
        (sum, cluster) => sum + Number(/of ([\d,]+)/.exec(cluster.getAttribute('aria-label')!)![1].replace(/,/g, '')),
        0,
      );
    expect(total).to.be.at.most(20_000);
    expect(total).to.be.greaterThan(15_000);
  });
});

describe('<spine-map> group practices', () => {
  const group = [
    clinician('g-1', CHICAGO, { name: 'Ana Lopez', address: { line1: '2400 N Clark St' } }),
    clinician('g-2', CHICAGO, { name: 'Ben Okafor', credentials: ['PT'], address: { line1: '2400 N Clark St' } }),
    clinician('g-3', CHICAGO, { name: 'Carla Nguyen', credentials: ['DO'], address: { line1: '2400 N Clark St' } }),
  ];

  it('shows clinicians at one address as one marker that says how many', async () => {
    const map = await showMap(group, 2);
    const marker = map.markerElement('g-1')!;
    expect(map.markerElement('g-2') === marker, 'one marker for the address').to.equal(true);
    expect(marker.getAttribute('aria-label')).to.equal('3 clinicians at 2400 N Clark St, 0 miles');
    expect(marker.textContent!.trim()).to.equal('3');
    expect(focusableMarkers(map)).to.have.length(1);
  });

  it('opens the list of the clinicians there from the keyboard, and Escape brings focus back', async () => {
    const map = await showMap(group, 2);
    const marker = map.markerElement('g-1')!;
    marker.focus();
    await sendKeys({ press: 'Enter' });
    const buttons = [...map.shadowRoot!.querySelectorAll<HTMLButtonElement>('.spine-site-member')];
    expect(buttons.map((button) => button.textContent)).to.deep.equal([
      'Ana Lopez, DC',
      'Ben Okafor, PT',
      'Carla Nguyen, DO',
    ]);
    // Elements are compared by identity, never passed to chai's deep diff (Leaflet's objects are cyclic).
    expect(map.shadowRoot!.activeElement === buttons[0], 'focus is on the first name').to.equal(true);
    await expect(map).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => map.shadowRoot!.querySelector('.spine-site-member') === null, 'the list did not close');
    expect(map.shadowRoot!.activeElement === marker, 'focus is back on the marker').to.equal(true);
  });

  it('chooses a clinician from that list', async () => {
    const map = await showMap(group, 2);
    map.markerElement('g-1')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    const selection = oneEvent(map, 'spine-select') as Promise<SpineSelectEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await selection;
    expect(event.provider.id).to.equal('g-2');
    expect(event.source).to.equal('map');
    expect(event.viaKeyboard).to.equal(true);
  });
});

describe('<spine-map> selection', () => {
  it('zooms in far enough to show the marker of a clinician chosen inside a cluster', async () => {
    const results = scattered(30, CHICAGO, 'a');
    const map = await showMap(results, 300);
    expect(map.markerElement('a-7') === undefined, 'inside a cluster').to.equal(true);
    map.selectedId = 'a-7';
    await waitUntil(() => map.markerElement('a-7')?.classList.contains('selected'), 'the chosen marker was not shown', {
      timeout: 5000,
    });
  });
});

describe('<spine-map> search this area', () => {
  it('offers to search the area in view once the map has moved, and says where that is', async () => {
    const map = await showMap(scattered(5, CHICAGO, 'a'), 10);
    const button = () => map.shadowRoot!.querySelector<HTMLButtonElement>('[part~="area-search-button"]');
    expect(button()).to.equal(null);

    const container = map.shadowRoot!.querySelector<HTMLElement>('.leaflet-container')!;
    container.focus();
    // Shift pans three times as far as an arrow alone.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Shift' });
    await waitUntil(() => button(), '"Search this area" was not offered', { timeout: 5000 });
    expect(button()!.textContent!.trim()).to.equal('Search this area');

    const search = oneEvent(map, 'spine-area-search') as Promise<SpineAreaSearchEvent>;
    button()!.click();
    const event = await search;
    expect(event.center.lng).to.be.greaterThan(CHICAGO.lng);
    expect(event.center.lat).to.be.closeTo(CHICAGO.lat, 0.05);
    expect(event.radiusKm).to.be.greaterThan(10).and.lessThan(60);
    await map.updateComplete;
    expect(button() === null, 'no longer offered once searched').to.equal(true);
  });

  it('offers it after zooming out with the keyboard', async () => {
    const map = await showMap(scattered(5, CHICAGO, 'a'), 10);
    map.shadowRoot!.querySelector<HTMLElement>('.leaflet-container')!.focus();
    await sendKeys({ press: '-' });
    await waitUntil(
      () => map.shadowRoot!.querySelector('[part~="area-search-button"]'),
      '"Search this area" was not offered',
      { timeout: 5000 },
    );
  });
});
