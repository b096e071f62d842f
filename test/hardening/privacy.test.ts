/**
 * Privacy in the browser: the searched point leaves the finder snapped to a
 * grid (`coordinate-precision`, 1 km by default), the browser is asked for
 * the position only when the person presses "Use my location", the location
 * stays out of the URL unless `sync-url` is on, and the directory gets no
 * cookies unless the host asks. What a whole visit sends to which origin is
 * checked on a plain page by test/e2e/privacy.e2e.ts.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { GeoPoint } from '../../src/directory/schema.js';
import { roundPoint } from '../../src/geo/coordinate-precision.js';
import { distanceKm } from '../../src/geo/distance.js';
import type { SpineSearchEvent } from '../../src/events.js';
import { partsOf, searchAndWait } from '../helpers.js';

function uniqueKey(): string {
  return `p${Math.random().toString(36).slice(2)}`;
}

/** The lat and lng the record endpoint last received for a key, as sent. */
async function sentPoint(key: string): Promise<{ lat: string; lng: string }> {
  const { lat, lng } = (await (await fetch(`/test-api/recorded/${key}/query`)).json()) as Record<string, string>;
  return { lat, lng };
}

/** Searches 60614 and answers the point the finder searched and the point it sent. */
async function searchAndSend(precision?: string): Promise<{ searched: GeoPoint; sent: { lat: string; lng: string } }> {
  const key = uniqueKey();
  const finder = await fixture<SpineFinder>(
    html`<spine-finder
      endpoint="/test-api/record/${key}"
      coordinate-precision=${precision ?? (undefined as unknown as string)}
      no-map
    ></spine-finder>`,
  );
  const search = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
  await searchAndWait(finder, '60614');
  return { searched: (await search).place.point, sent: await sentPoint(key) };
}

describe('roundPoint', () => {
  it('moves any point by at most about 0.7 of the grid’s width, and every point of a cell to the same node', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.constantFrom(0.5, 1, 2, 5),
        (lat, lng, km) => {
          const node = roundPoint({ lat, lng }, km);
          expect(distanceKm({ lat, lng }, node)).to.be.at.most(0.75 * km);
          expect(roundPoint(node, km)).to.deep.equal(node);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the point back for 0', () => {
    expect(roundPoint({ lat: 41.922912345, lng: -87.648312345 }, 0)).to.deep.equal({
      lat: 41.922912345,
      lng: -87.648312345,
    });
  });
});

describe('<spine-finder coordinate-precision>', () => {
  it('sends the searched point snapped to a 1 km grid by default', async () => {
    const { searched, sent } = await searchAndSend();
    const node = roundPoint(searched, 1);
    expect(sent).to.deep.equal({ lat: node.lat.toFixed(5), lng: node.lng.toFixed(5) });
    expect(sent).not.to.deep.equal({ lat: searched.lat.toFixed(5), lng: searched.lng.toFixed(5) });
  });

  it('snaps to a coarser grid when asked', async () => {
    const { searched, sent } = await searchAndSend('5');
    const node = roundPoint(searched, 5);
    expect(sent).to.deep.equal({ lat: node.lat.toFixed(5), lng: node.lng.toFixed(5) });
  });

  for (const exact of ['exact', '0']) {
    it(`sends the point as it is with coordinate-precision="${exact}"`, async () => {
      const { searched, sent } = await searchAndSend(exact);
      expect(sent).to.deep.equal({ lat: searched.lat.toFixed(5), lng: searched.lng.toFixed(5) });
    });
  }

  it('keeps rounding, and says so, for a value it cannot use', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      const { searched, sent } = await searchAndSend('');
      const node = roundPoint(searched, 1);
      expect(sent).to.deep.equal({ lat: node.lat.toFixed(5), lng: node.lng.toFixed(5) });
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).to.contain('coordinate-precision');
  });

  it('shows distances from the point itself, not from the point sent', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/api/directory" no-map></spine-finder>`);
    const search = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
    const results = await searchAndWait(finder, '60614');
    const point = (await search).place.point;
    for (const match of results.matches) {
      expect(match.distanceKm).to.equal(distanceKm(point, match.provider.location));
    }
  });
});

describe('the position, the URL and cookies', () => {
  const getCurrentPosition = navigator.geolocation.getCurrentPosition;
  const watchPosition = navigator.geolocation.watchPosition;
  let asked: string[] = [];
  beforeEach(() => {
    asked = [];
    navigator.geolocation.getCurrentPosition = function (...args) {
      asked.push('getCurrentPosition');
      return getCurrentPosition.apply(this, args);
    };
    navigator.geolocation.watchPosition = function (...args) {
      asked.push('watchPosition');
      return watchPosition.apply(this, args);
    };
  });
  afterEach(() => {
    navigator.geolocation.getCurrentPosition = getCurrentPosition;
    navigator.geolocation.watchPosition = watchPosition;
  });

  it('asks the browser for the position only when the person presses "Use my location"', async () => {
    await executeServerCommand('set-geolocation', { latitude: 41.92291234, longitude: -87.64831234 });
    const finder = await fixture<SpineFinder>(
      html`<spine-finder endpoint="/test-api/directory" location="60614"></spine-finder>`,
    );
    await oneEvent(finder, 'spine-results');
    await searchAndWait(finder, 'Evanston, IL');
    partsOf(finder).cards()[0].shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-button"]')!.click();
    expect(asked).to.deep.equal([]);

    const searched = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
    partsOf(finder).searchBox.shadowRoot!.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
    const point = (await searched).place.point;
    expect(asked).to.deep.equal(['getCurrentPosition']);
    expect(distanceKm(point, { lat: 41.92291234, lng: -87.64831234 })).to.be.greaterThan(0.1);
  });

  it('leaves the URL alone without sync-url, and writes the search into its fragment only with it', async () => {
    const before = location.href;
    const finder = await fixture<SpineFinder>(
      html`<spine-finder endpoint="/test-api/directory" no-map></spine-finder>`,
    );
    await searchAndWait(finder, '60614');
    partsOf(finder).cards()[0].shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-button"]')!.click();
    await finder.updateComplete;
    expect(location.href).to.equal(before);

    finder.syncUrl = true;
    await searchAndWait(finder, '60201');
    try {
      expect(location.hash).to.contain('60201');
      expect(location.href.split('#')[0]).to.equal(before.split('#')[0]);
    } finally {
      history.replaceState(history.state, '', before);
    }
  });

  it('sends the directory no cookies unless the host asks for them', async () => {
    document.cookie = 'spine-privacy=1; path=/';
    try {
      const omitted = uniqueKey();
      const finder = await fixture<SpineFinder>(
        html`<spine-finder endpoint="/test-api/record/${omitted}" no-map></spine-finder>`,
      );
      await searchAndWait(finder, '60614');
      expect((await (await fetch(`/test-api/recorded/${omitted}`)).json()).cookie).to.equal(undefined);

      const included = uniqueKey();
      finder.requestCredentials = 'include';
      finder.endpoint = `/test-api/record/${included}`;
      await searchAndWait(finder, '60614');
      expect((await (await fetch(`/test-api/recorded/${included}`)).json()).cookie).to.contain('spine-privacy=1');
    } finally {
      document.cookie = 'spine-privacy=; path=/; max-age=0';
    }
  });
});
