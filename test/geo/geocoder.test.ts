import { expect } from '@open-wc/testing';
import { getAssetsPath } from '../../src/assets.js';
import { createOfflineGeocoder } from '../../src/geo/geocoder.js';
import type { GeocodeResult, Geocoder, Place } from '../../src/geo/geocoder.js';

/** A geocoder of its own for each test, so no test sees another's shards. */
function newGeocoder(): Geocoder {
  return createOfflineGeocoder(new URL('geo/', getAssetsPath()));
}

async function lookUp(text: string): Promise<GeocodeResult> {
  return newGeocoder()(text, { signal: new AbortController().signal });
}

function foundPlace(result: GeocodeResult): Place {
  if (result.status !== 'found') throw new Error(`expected a place, got ${JSON.stringify(result)}`);
  return result.place;
}

describe('createOfflineGeocoder', () => {
  it('finds a ZIP code, labelled with the ZIP', async () => {
    const place = foundPlace(await lookUp('60614'));
    expect(place.label).to.equal('60614');
    expect(place.point.lat).to.be.closeTo(41.92, 0.02);
    expect(place.point.lng).to.be.closeTo(-87.65, 0.02);
  });

  it('finds a ZIP+4 code at its 5-digit ZIP', async () => {
    const place = foundPlace(await lookUp('60614-1234'));
    expect(place.label).to.equal('60614');
    expect(place.point.lat).to.be.closeTo(41.92, 0.02);
    expect(place.point.lng).to.be.closeTo(-87.65, 0.02);
  });

  it('finds a city written with its state code, in any case, with or without a comma, or with the state name', async () => {
    for (const text of ['Chicago, IL', 'chicago il', 'Chicago, Illinois', 'CHICAGO,IL']) {
      const place = foundPlace(await lookUp(text));
      expect(place.label, text).to.equal('Chicago, IL');
      expect(place.state, text).to.equal('IL');
      expect(place.point.lat, text).to.be.closeTo(41.85, 0.15);
      expect(place.point.lng, text).to.be.closeTo(-87.68, 0.15);
    }
  });

  it('finds St. Louis and Saint Louis at the same point', async () => {
    const abbreviated = foundPlace(await lookUp('St. Louis, MO'));
    const spelledOut = foundPlace(await lookUp('Saint Louis, MO'));
    expect(abbreviated.state).to.equal('MO');
    expect(abbreviated.point).to.deep.equal(spelledOut.point);
    expect(abbreviated.point.lat).to.be.closeTo(38.63, 0.2);
    expect(abbreviated.point.lng).to.be.closeTo(-90.24, 0.2);
  });

  it('reports a city name found in several states as ambiguous, with each candidate’s state', async () => {
    const result = await lookUp('Springfield');
    if (result.status !== 'ambiguous') throw new Error(`expected ambiguous, got ${result.status}`);
    const states = result.candidates.map((candidate) => candidate.state);
    expect(states).to.include.members(['IL', 'MO', 'MA', 'OH']);
    expect(result.candidates.length).to.be.greaterThan(4);
    for (const candidate of result.candidates) {
      expect(candidate.state).to.match(/^[A-Z]{2}$/);
      expect(candidate.label).to.equal(`Springfield, ${candidate.state}`);
    }
    const illinois = result.candidates.find((candidate) => candidate.state === 'IL')!;
    expect(illinois.point.lat).to.be.closeTo(39.78, 0.2);
    expect(illinois.point.lng).to.be.closeTo(-89.65, 0.2);
  });

  it('picks one Springfield once the state is given', async () => {
    const place = foundPlace(await lookUp('Springfield, MO'));
    expect(place.label).to.equal('Springfield, MO');
    expect(place.point.lat).to.be.closeTo(37.2, 0.2);
  });

  it('does not find a ZIP code that does not exist', async () => {
    expect(await lookUp('00000')).to.deep.equal({ status: 'not-found' });
  });

  it('does not find a place that does not exist', async () => {
    expect(await lookUp('Nowhere Special, ZZ')).to.deep.equal({ status: 'not-found' });
  });

  it('says an empty or blank query is empty', async () => {
    expect(await lookUp('')).to.deep.equal({ status: 'empty' });
    expect(await lookUp('   ')).to.deep.equal({ status: 'empty' });
  });

  it('takes "lat,lng" as a point', async () => {
    expect(await lookUp('41.9,-87.6')).to.deep.equal({
      status: 'found',
      place: { point: { lat: 41.9, lng: -87.6 }, label: '41.9,-87.6' },
    });
  });

  it('rejects at once when its signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let rejection: unknown;
    try {
      await newGeocoder()('60614', { signal: controller.signal });
    } catch (error) {
      rejection = error;
    }
    expect(rejection).to.be.instanceOf(DOMException);
    expect((rejection as DOMException).name).to.equal('AbortError');
  });

  it('rejects a lookup aborted while its data loads', async () => {
    const controller = new AbortController();
    const lookup = newGeocoder()('60614', { signal: controller.signal });
    controller.abort();
    let rejection: unknown;
    try {
      await lookup;
    } catch (error) {
      rejection = error;
    }
    expect((rejection as DOMException).name).to.equal('AbortError');
  });

  it('finishes a lookup of a shard that another, aborted, lookup started to load', async () => {
    const geocoder = newGeocoder();
    const first = new AbortController();
    // 60614 and 60657 share the shard of prefix 606.
    const aborted = geocoder('60614', { signal: first.signal });
    const survivor = geocoder('60657', { signal: new AbortController().signal });
    first.abort();

    const outcomes = await Promise.allSettled([aborted, survivor]);
    expect(outcomes[0].status).to.equal('rejected');
    expect(outcomes[1].status).to.equal('fulfilled');
    const place = foundPlace((outcomes[1] as PromiseFulfilledResult<GeocodeResult>).value);
    expect(place.label).to.equal('60657');
    expect(place.point.lat).to.be.closeTo(41.94, 0.02);
  });

  it('answers later lookups of a shard whose first lookup was aborted', async () => {
    const geocoder = newGeocoder();
    const first = new AbortController();
    const aborted = geocoder('60614', { signal: first.signal });
    first.abort();
    await aborted.catch(() => undefined);
    const place = foundPlace(await geocoder('60614', { signal: new AbortController().signal }));
    expect(place.label).to.equal('60614');
  });
});
