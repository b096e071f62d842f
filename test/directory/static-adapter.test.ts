/**
 * The static adapter against real files served by the test runner
 * (test/fixtures/static/, described in make-fixtures.ts), read both in its
 * worker and on the main thread. Expected results come from a plain linear
 * scan of the same file with `matchesFilters` and `distanceKm`.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DirectoryError } from '../../src/directory/adapter.js';
import type { DirectoryAdapter, DirectoryPage, DirectorySearch } from '../../src/directory/adapter.js';
import { matchesFilters } from '../../src/directory/filters.js';
import type { DirectoryFilters } from '../../src/directory/filters.js';
import type { RequestPolicy } from '../../src/directory/http.js';
import { parseProviders } from '../../src/directory/schema.js';
import { createStaticAdapter } from '../../src/directory/static-adapter.js';
import type { StaticAdapterOptions } from '../../src/directory/static-adapter.js';
import { distanceKm } from '../../src/geo/distance.js';
import { anyJson, validProviderRecord } from '../arbitraries/providers.js';
import { failureOf, directoryErrorOf } from './failures.js';

const FIXTURES = '/test/fixtures/static/';
/** ZIP 60614, Chicago: 48 of the 64 clinicians are within 40 km, Milwaukee's 10 about 125 km away. */
const CHICAGO: DirectorySearch = { point: { lat: 41.9229, lng: -87.6483 }, radiusKm: 50, limit: 500, filters: {} };
/** Wider than half the earth's circumference: every record qualifies. */
const EVERYWHERE_KM = 20_100;
/** What a search with the sample endpoints needs in its URL; the static adapter sends the URL as it is. */
const SAMPLE_QUERY = 'lat=41.9229&lng=-87.6483&radius=40&limit=50';

const WAYS = [
  { name: 'in a worker', options: { worker: true } },
  { name: 'on the main thread', options: { worker: false } },
] as const satisfies ReadonlyArray<{ name: string; options: StaticAdapterOptions }>;

function searchOnce(adapter: DirectoryAdapter, search: Partial<DirectorySearch> = {}): Promise<DirectoryPage> {
  return adapter.search({ ...CHICAGO, ...search }, { signal: new AbortController().signal });
}

function idsOf(page: DirectoryPage): string[] {
  return page.matches.map((match) => match.provider.id);
}

/** Every page of a search, following `next`. */
async function allPages(adapter: DirectoryAdapter, search: Partial<DirectorySearch>): Promise<DirectoryPage[]> {
  const pages = [await searchOnce(adapter, search)];
  while (pages[pages.length - 1].next) {
    pages.push(await searchOnce(adapter, { ...search, cursor: pages[pages.length - 1].next }));
  }
  return pages;
}

/** The ids a search should find in an array file: a linear scan, nearest first, ties in file order. */
async function linearScan(file: string, search: Partial<DirectorySearch>): Promise<string[]> {
  const { point, radiusKm, filters } = { ...CHICAGO, ...search };
  const records = (await (await fetch(FIXTURES + file)).json()) as unknown[];
  return parseProviders(records)
    .providers.map((provider, order) => ({ provider, order, distance: distanceKm(point, provider.location) }))
    .filter(({ provider, distance }) => distance <= radiusKm && matchesFilters(provider, filters))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .map(({ provider }) => provider.id);
}

async function requestsSeen(key: string): Promise<number> {
  return ((await (await fetch(`/test-api/requests/${key}`)).json()) as { count: number }).count;
}

/** A key no other test or earlier run of the suite on this server has used. */
function uniqueKey(name: string): string {
  return `${name}-${Math.random().toString(36).slice(2)}`;
}

/** Counts console warnings while `work` runs, keeping them out of the log. */
async function warningsDuring(work: () => Promise<void>): Promise<unknown[][]> {
  const warn = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    await work();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

for (const { name, options } of WAYS) {
  const adapterFor = (file: string, policy: Partial<RequestPolicy> = {}) =>
    createStaticAdapter(file.startsWith('/') ? file : FIXTURES + file, policy, options);

  describe(`createStaticAdapter, reading ${name}`, () => {
    it('finds the clinicians within the radius, nearest first, with their distances', async () => {
      const page = await searchOnce(adapterFor('providers.json'));
      const expected = await linearScan('providers.json', {});
      expect(expected).to.have.length.within(40, 48);
      expect(idsOf(page)).to.deep.equal(expected);
      expect(page.total).to.equal(expected.length);
      expect(page.next).to.equal(undefined);
      for (const match of page.matches) {
        expect(match.distanceKm).to.equal(distanceKm(CHICAGO.point, match.provider.location));
        expect(match.distanceKm).to.be.at.most(CHICAGO.radiusKm);
      }
      const distances = page.matches.map((match) => match.distanceKm);
      expect(distances).to.deep.equal([...distances].sort((a, b) => a - b));
    });

    it('widens and narrows with the radius and follows the search point', async () => {
      const adapter = adapterFor('providers.json');
      const near = await searchOnce(adapter, { radiusKm: 10 });
      const withMilwaukee = await searchOnce(adapter, { radiusKm: 200 });
      const everywhere = await searchOnce(adapter, { radiusKm: EVERYWHERE_KM });
      const denver = { point: { lat: 39.7392, lng: -104.9903 }, radiusKm: 50 };
      const fromDenver = await searchOnce(adapter, denver);
      expect(idsOf(near)).to.deep.equal(await linearScan('providers.json', { radiusKm: 10 }));
      expect(idsOf(withMilwaukee)).to.deep.equal(await linearScan('providers.json', { radiusKm: 200 }));
      expect(near.total).to.be.below(40);
      expect(withMilwaukee.total).to.equal(58);
      expect(everywhere.total).to.equal(64);
      expect(idsOf(fromDenver)).to.deep.equal(await linearScan('providers.json', denver));
      expect(fromDenver.total).to.equal(6);
    });

    it('reads { providers } and GeoJSON files as it reads an array', async () => {
      const search = { radiusKm: 200 };
      const fromArray = await searchOnce(adapterFor('providers.json'), search);
      const fromEnvelope = await searchOnce(adapterFor('providers-envelope.json'), search);
      const fromGeoJson = await searchOnce(adapterFor('providers.geojson'), search);
      expect(fromArray.total).to.equal(58);
      expect(fromEnvelope).to.deep.equal(fromArray);
      // st-01 has its id on the feature, st-02 a stale `location` property: the geometry places it.
      expect(fromGeoJson).to.deep.equal(fromArray);
    });

    const FILTERS: Array<[string, DirectoryFilters]> = [
      ['one discipline', { disciplines: ['chiropractic'] }],
      ['any of two disciplines', { disciplines: ['physical-therapy', 'osteopathic'] }],
      ['accepting new patients', { acceptingNewPatients: true }],
      ['telehealth', { telehealth: true }],
      ['a language without accents or case', { language: 'ESPANOL' }],
      ['a language as written in the file', { language: 'Spanish' }],
      ['a language with its accent', { language: 'français' }],
      ['insurance by part of a plan name', { insurance: 'medicare' }],
      ['a name without its accent', { query: 'jose' }],
      ['a practice name', { query: 'Lakeview' }],
      ['several filters at once', { disciplines: ['chiropractic', 'medical'], acceptingNewPatients: true }],
    ];
    for (const [filterName, filters] of FILTERS) {
      it(`filters by ${filterName} as a linear scan with matchesFilters does`, async () => {
        const search = { radiusKm: 200, filters };
        const page = await searchOnce(adapterFor('providers.json'), search);
        const expected = await linearScan('providers.json', search);
        expect(expected.length, 'the filter keeps some clinicians').to.be.above(0);
        expect(expected.length, 'the filter leaves some out').to.be.below(58);
        expect(idsOf(page)).to.deep.equal(expected);
        expect(page.total).to.equal(expected.length);
      });
    }

    it('pages with its next cursor until every match has come once, in order', async () => {
      const search = { radiusKm: 200, limit: 7 };
      const pages = await allPages(adapterFor('providers.json'), search);
      const expected = await linearScan('providers.json', search);
      expect(pages).to.have.length(Math.ceil(expected.length / 7));
      expect(pages.flatMap(idsOf)).to.deep.equal(expected);
      for (const page of pages.slice(0, -1)) {
        expect(page.matches).to.have.length(7);
        expect(page.next).to.be.a('string');
      }
      expect(pages[pages.length - 1].next).to.equal(undefined);
      expect(pages.map((page) => page.total)).to.deep.equal(pages.map(() => expected.length));
    });

    it('pages through filtered results too', async () => {
      const search = { radiusKm: 200, limit: 3, filters: { acceptingNewPatients: true } };
      const pages = await allPages(adapterFor('providers.json'), search);
      expect(pages.length).to.be.above(2);
      expect(pages.flatMap(idsOf)).to.deep.equal(await linearScan('providers.json', search));
    });

    for (const [file, invalid] of [
      ['mixed.json', 9],
      ['mixed.geojson', 6],
    ] as const) {
      it(`reports the ${invalid} invalid records of ${file} on the first page only, warning once`, async () => {
        const adapter = adapterFor(file);
        let first!: DirectoryPage;
        let second!: DirectoryPage;
        const warnings = await warningsDuring(async () => {
          first = await searchOnce(adapter, { radiusKm: EVERYWHERE_KM });
          second = await searchOnce(adapter, { radiusKm: EVERYWHERE_KM });
        });
        expect(first.dropped).to.equal(invalid);
        expect(second.dropped).to.equal(0);
        expect([...idsOf(first)].sort()).to.deep.equal(
          ['st-01', 'st-02', 'st-03', 'st-04', 'st-05', 'st-06', 'st-07', 'st-08', 'st-09', 'st-10'].sort(),
        );
        expect(idsOf(second)).to.deep.equal(idsOf(first));
        expect(warnings).to.have.length(1);
        expect(String(warnings[0][0])).to.contain(`dropped ${invalid} of ${invalid + 10}`);
      });
    }

    it('fetches the file once for many searches, concurrent or not', async () => {
      const key = uniqueKey('static-once');
      const adapter = adapterFor(`/test-api/flaky/${key}?failures=0&${SAMPLE_QUERY}`);
      const concurrent = await Promise.all([1, 2, 3].map((km) => searchOnce(adapter, { radiusKm: km * 5 })));
      const later = await searchOnce(adapter, { filters: { telehealth: true } });
      expect(concurrent.map((page) => page.total)).to.deep.equal([3, 3, 4]);
      expect(idsOf(later)).to.deep.equal(['fx-2']);
      expect(await requestsSeen(key)).to.equal(1);
    });

    it('reads the file again on the next search after a failed load', async () => {
      const key = uniqueKey('static-retry');
      const adapter = adapterFor(`/test-api/flaky/${key}?failures=1&${SAMPLE_QUERY}`, { retries: 0 });
      const error = await directoryErrorOf(searchOnce(adapter));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(503);
      expect((await searchOnce(adapter)).total).to.equal(4);
      expect(await requestsSeen(key)).to.equal(2);
    });

    it("fails with an 'http' error carrying the status for a missing file", async () => {
      const error = await directoryErrorOf(searchOnce(adapterFor('no-such-file.json')));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(404);
    });

    for (const file of ['not-json.json', 'truncated.json', 'unknown-shape.json']) {
      it(`fails with an 'invalid-response' error for ${file}`, async () => {
        const error = await directoryErrorOf(searchOnce(adapterFor(file)));
        expect(error.kind).to.equal('invalid-response');
      });
    }

    it('gives a big file more time than one search gets', async () => {
      const adapter = adapterFor(`/test-api/slow/400?${SAMPLE_QUERY}`, { timeoutMs: 100 });
      expect((await searchOnce(adapter)).total).to.equal(4);
    });

    it('sends the request headers of its policy and no cookies', async () => {
      const key = uniqueKey('static-headers');
      document.cookie = 'static-adapter-test=1; path=/';
      try {
        const adapter = adapterFor(`/test-api/record/${key}?${SAMPLE_QUERY}`, {
          headers: { 'X-Directory-Key': 'k-123' },
        });
        await searchOnce(adapter);
      } finally {
        document.cookie = 'static-adapter-test=; path=/; max-age=0';
      }
      const headers = (await (await fetch(`/test-api/recorded/${key}`)).json()) as Record<string, string>;
      expect(headers['x-directory-key']).to.equal('k-123');
      expect(headers.cookie).to.equal(undefined);
    });

    it('rejects with the AbortError when the signal is aborted before the search', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await failureOf(adapterFor('providers.json').search(CHICAGO, { signal: controller.signal }));
      expect(error).not.to.be.instanceOf(DirectoryError);
      expect((error as DOMException).name).to.equal('AbortError');
    });

    it('rejects with the AbortError when aborted while loading, and the load serves the next search', async () => {
      const key = uniqueKey('static-abort');
      const adapter = adapterFor(`/test-api/flaky/${key}?failures=0&${SAMPLE_QUERY}`);
      const controller = new AbortController();
      const aborted = adapter.search(CHICAGO, { signal: controller.signal });
      controller.abort();
      const error = await failureOf(aborted);
      expect((error as DOMException).name).to.equal('AbortError');
      const page = await searchOnce(adapter);
      expect(page.total).to.equal(4);
      expect(await requestsSeen(key)).to.equal(1);
    });
  });
}

describe('createStaticAdapter, worker and main thread', () => {
  const SEARCHES: Array<Partial<DirectorySearch>> = [
    {},
    { radiusKm: 200, limit: 5 },
    { radiusKm: 200, limit: 5, cursor: '5' },
    { radiusKm: EVERYWHERE_KM, filters: { language: 'espanol', telehealth: true } },
    { point: { lat: 43.0389, lng: -87.9065 }, radiusKm: 30, filters: { disciplines: ['other'] } },
  ];

  it('give the same pages for the same searches', async () => {
    for (const file of ['providers.json', 'providers.geojson', 'mixed.json']) {
      const inWorker = createStaticAdapter(FIXTURES + file, {}, { worker: true });
      const onMainThread = createStaticAdapter(FIXTURES + file, {}, { worker: false });
      await warningsDuring(async () => {
        for (const search of SEARCHES) {
          expect(await searchOnce(inWorker, search), `${file} ${JSON.stringify(search)}`).to.deep.equal(
            await searchOnce(onMainThread, search),
          );
        }
      });
    }
  });

  it('fetch in the worker when asked to, and on the main thread otherwise', async () => {
    // Requests from a worker are in the worker's resource timeline, not the page's.
    performance.setResourceTimingBufferSize(10_000);
    const fetchedByPage = (url: URL) =>
      performance.getEntriesByType('resource').filter((entry) => entry.name === url.href).length;
    const workerFile = new URL(`${FIXTURES}providers.json?${uniqueKey('worker')}`, location.href);
    const pageFile = new URL(`${FIXTURES}providers.json?${uniqueKey('page')}`, location.href);
    const inWorker = createStaticAdapter(workerFile, {}, { worker: true });
    const onMainThread = createStaticAdapter(pageFile, {}, { worker: false });
    for (let i = 0; i < 3; i++) {
      await searchOnce(inWorker);
      await searchOnce(onMainThread);
    }
    expect(fetchedByPage(workerFile)).to.equal(0);
    expect(fetchedByPage(pageFile)).to.equal(1);
  });
});

describe('createStaticAdapter over arbitrary files', () => {
  it('returns exactly the valid records of any array, { providers } or GeoJSON file, and never throws', async () => {
    const entry = fc.oneof(
      validProviderRecord.map((record) => ({ record: record as Record<string, unknown>, valid: true })),
      anyJson.map((record) => ({ record: record as unknown, valid: false })),
    );
    const shape = fc.constantFrom('array', 'providers', 'geojson');
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 40 }), shape, async (entries, shape) => {
        // Ids by position, so each valid record is known by its id in the results.
        const records = entries.map(({ record, valid }, i) =>
          valid ? { ...(record as object), id: `v-${i}` } : record,
        );
        const file = fileOf(records, entries, shape);
        const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
        try {
          const adapter = createStaticAdapter(url, {}, { worker: false });
          let pages!: DirectoryPage[];
          await warningsDuring(async () => {
            pages = await allPages(adapter, { point: { lat: 0, lng: 0 }, radiusKm: EVERYWHERE_KM, limit: 7 });
          });
          const expected = entries.flatMap(({ valid }, i) => (valid ? [`v-${i}`] : []));
          expect(pages.flatMap(idsOf).sort()).to.deep.equal(expected.sort());
          expect(pages[0].total).to.equal(expected.length);
          expect(pages[0].dropped).to.equal(entries.length - expected.length);
        } finally {
          URL.revokeObjectURL(url);
        }
      }),
      { numRuns: 60 },
    );
  });
});

/** The records as a file of the given shape; in GeoJSON only the valid ones become Point features. */
function fileOf(records: unknown[], entries: Array<{ valid: boolean }>, shape: string): unknown {
  if (shape === 'array') return records;
  if (shape === 'providers') return { providers: records };
  return {
    type: 'FeatureCollection',
    features: records.map((record, i) => {
      if (!entries[i].valid) return record;
      const { location, ...properties } = record as { location: { lat: number; lng: number } };
      return { type: 'Feature', geometry: { type: 'Point', coordinates: [location.lng, location.lat] }, properties };
    }),
  };
}
