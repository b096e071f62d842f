import { expect } from '@open-wc/testing';
import { DirectoryError } from '../../src/directory/adapter.js';
import type { DirectoryPage, DirectorySearch } from '../../src/directory/adapter.js';
import { createJsonAdapter } from '../../src/directory/json-adapter.js';
import type { RequestPolicy } from '../../src/directory/http.js';
import { distanceKm } from '../../src/geo/distance.js';
import { failureOf, directoryErrorOf } from './failures.js';

/** ZIP 60614, Chicago; the sample clinicians are within 15 km of it. */
const NEAR_60614: DirectorySearch = { point: { lat: 41.9229, lng: -87.6483 }, radiusKm: 40, limit: 50, filters: {} };

function search(endpoint: string, query = NEAR_60614, options?: Partial<RequestPolicy>): Promise<DirectoryPage> {
  return createJsonAdapter(endpoint, options).search(query, { signal: new AbortController().signal });
}

describe('createJsonAdapter', () => {
  it('returns the clinicians nearest first, with their distances from the search point', async () => {
    const page = await search('/test-api/directory');
    expect(page.matches.map((match) => match.provider.id)).to.deep.equal(['fx-1', 'fx-2', 'fx-3', 'fx-4']);
    for (const match of page.matches) {
      expect(match.distanceKm).to.be.closeTo(distanceKm(NEAR_60614.point, match.provider.location), 1e-9);
    }
    const distances = page.matches.map((match) => match.distanceKm);
    expect(distances).to.deep.equal([...distances].sort((a, b) => a - b));
    // Evanston is about 8.6 miles (13.9 km) north.
    expect(page.matches[3].distanceKm).to.be.closeTo(13.9, 0.3);
    expect(page.dropped).to.equal(0);
  });

  it('orders by distance from the search point, wherever that is', async () => {
    // From Evanston, David Kim is nearest and Carla Nguyen, downtown, farthest.
    const page = await search('/test-api/directory', {
      point: { lat: 42.0451, lng: -87.6877 },
      radiusKm: 40,
      limit: 50,
      filters: {},
    });
    expect(page.matches.map((match) => match.provider.id)).to.deep.equal(['fx-4', 'fx-1', 'fx-2', 'fx-3']);
    expect(page.matches[0].distanceKm).to.be.closeTo(0, 1e-6);
  });

  it('validates the records it returns', async () => {
    const page = await search('/test-api/directory');
    const ana = page.matches[0].provider;
    expect(ana.name).to.equal('Ana Lopez');
    expect(ana.credentials).to.deep.equal(['DC']);
    expect(ana.website).to.equal('https://example.org/lopez');
  });

  it('passes on the total the directory reports', async () => {
    const page = await search('/test-api/directory', { ...NEAR_60614, limit: 2 });
    expect(page.matches.map((match) => match.provider.id)).to.deep.equal(['fx-1', 'fx-2']);
    expect(page.total).to.equal(4);
  });

  it('counts the records it drops and keeps the rest', async () => {
    const page = await search('/test-api/mixed');
    expect(page.dropped).to.equal(4);
    expect(page.matches.map((match) => match.provider.id)).to.deep.equal(['fx-1', 'fx-2', 'fx-3', 'fx-4']);
  });

  for (const status of [500, 404]) {
    it(`fails with an 'http' error carrying status ${status}`, async () => {
      const error = await directoryErrorOf(search(`/test-api/status/${status}`));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(status);
    });
  }

  for (const endpoint of ['/test-api/not-json', '/test-api/truncated', '/test-api/wrong-shape']) {
    it(`fails with an 'invalid-response' error for ${endpoint}`, async () => {
      const error = await directoryErrorOf(search(endpoint));
      expect(error.kind).to.equal('invalid-response');
      expect(error.status).to.equal(undefined);
    });
  }

  it("fails with a 'timeout' error when the directory answers too late", async () => {
    const error = await directoryErrorOf(search('/test-api/slow/3000', NEAR_60614, { timeoutMs: 200 }));
    expect(error.kind).to.equal('timeout');
  });

  it('rejects with the AbortError, not a DirectoryError, when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = createJsonAdapter('/test-api/slow/3000').search(NEAR_60614, { signal: controller.signal });
    controller.abort();
    const error = await failureOf(pending);
    expect(error).not.to.be.instanceOf(DirectoryError);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('rejects with the AbortError when the signal is aborted before the search', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failureOf(
      createJsonAdapter('/test-api/directory').search(NEAR_60614, { signal: controller.signal }),
    );
    expect(error).not.to.be.instanceOf(DirectoryError);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('asks with lat, lng, radius in km and limit, keeping the query of the endpoint', async () => {
    performance.setResourceTimingBufferSize(10_000);
    performance.clearResourceTimings();
    const page = await search('/test-api/directory?key=abc', {
      point: { lat: 41.922912345, lng: -87.648312345 },
      radiusKm: 40.2336,
      limit: 7,
      filters: {},
    });
    expect(page.matches).to.have.length(4);

    const requests = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.pathname === '/test-api/directory');
    expect(requests).to.have.length(1);
    const [request] = requests;
    expect(request.origin).to.equal(location.origin);
    // The point goes snapped to the 1 km grid (src/geo/coordinate-precision.ts).
    expect(Object.fromEntries(request.searchParams)).to.deep.equal({
      key: 'abc',
      lat: '41.92418',
      lng: '-87.65430',
      radius: '40.234',
      limit: '7',
      version: '1',
    });
  });
});

describe('createJsonAdapter, the whole protocol', () => {
  const FROM_60614 = NEAR_60614.point;

  function searchWith(overrides: Partial<DirectorySearch>): Promise<DirectoryPage> {
    return createJsonAdapter('/test-api/directory').search(
      { ...NEAR_60614, ...overrides },
      { signal: new AbortController().signal },
    );
  }

  function lastRequestTo(path: string): URLSearchParams {
    const entries = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.pathname === path);
    return entries[entries.length - 1].searchParams;
  }

  it('sends every filter as a query parameter, and the server applies them', async () => {
    performance.setResourceTimingBufferSize(10_000);
    const page = await searchWith({
      filters: {
        disciplines: ['chiropractic', 'physical-therapy'],
        acceptingNewPatients: true,
        language: 'spanish',
        insurance: 'aetna',
        query: 'lopez',
      },
    });
    expect(page.matches.map((match) => match.provider.id)).to.deep.equal(['fx-1']);
    const params = lastRequestTo('/test-api/directory');
    expect(params.get('discipline')).to.equal('chiropractic,physical-therapy');
    expect(params.get('accepting')).to.equal('true');
    expect(params.get('language')).to.equal('spanish');
    expect(params.get('insurance')).to.equal('aetna');
    expect(params.get('q')).to.equal('lopez');
    expect(params.has('telehealth')).to.equal(false);
  });

  it('narrows to telehealth', async () => {
    const page = await searchWith({ filters: { telehealth: true } });
    expect(page.matches.map((match) => match.provider.id)).to.deep.equal(['fx-2']);
  });

  it('pages with the opaque next cursor until every match has come, each once', async () => {
    const first = await searchWith({ limit: 3 });
    expect(first.total).to.equal(4);
    expect(first.matches.map((match) => match.provider.id)).to.deep.equal(['fx-1', 'fx-2', 'fx-3']);
    expect(first.next).to.be.a('string');
    const second = await searchWith({ limit: 3, cursor: first.next });
    expect(second.matches.map((match) => match.provider.id)).to.deep.equal(['fx-4']);
    expect(second.next).to.equal(undefined);
  });

  it('uses the distance the server sends from the exact point, and computes it where the server sends none', async () => {
    const withDistances = await createJsonAdapter('/api/directory', { coordinatePrecisionKm: 0 }).search(
      { ...NEAR_60614, radiusKm: 5, limit: 5 },
      { signal: new AbortController().signal },
    );
    expect(withDistances.matches).to.have.length.greaterThan(0);
    for (const match of withDistances.matches) {
      // The demo endpoint rounds its distances to metres; the client's own would not be.
      const computed = distanceKm(FROM_60614, match.provider.location);
      expect(match.distanceKm).to.not.equal(computed);
      expect(match.distanceKm).to.be.closeTo(computed, 0.0005);
    }
    const computed = await searchWith({});
    expect(computed.matches[0].distanceKm).to.equal(distanceKm(FROM_60614, computed.matches[0].provider.location));
  });

  it('measures distances itself from the point when it sent the point rounded', async () => {
    const rounded = await createJsonAdapter('/api/directory').search(
      { ...NEAR_60614, radiusKm: 5, limit: 5 },
      { signal: new AbortController().signal },
    );
    expect(rounded.matches).to.have.length.greaterThan(0);
    for (const match of rounded.matches) {
      expect(match.distanceKm).to.equal(distanceKm(FROM_60614, match.provider.location));
    }
  });
});
