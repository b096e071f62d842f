/**
 * Search in a static directory (`adapter="static"`): how long one query
 * takes once the file is indexed, with filters, for 10,000 and 100,000
 * clinicians. Runs in Node, on the same code the static adapter's worker
 * runs (src/directory/static-index.ts: kdbush and geokdbush's nearest-first
 * walk, the shared `matchesFilters`, the chosen order, one page of 50).
 * Baseline: a linear scan over the same validated clinicians, which
 * measures the distance to each, applies the same filters, sorts what is in
 * the radius the same way and takes the same page.
 *
 * Each run answers a fixed set of queries (every metro centre of the demo
 * directory, three filter sets, 25 and 100 miles) a few times over, and its
 * figure is the mean time per query; the table gives the median run.
 */
import { performance } from 'node:perf_hooks';
import { generateDemoDirectory } from '../../scripts/demo-directory.js';
import type { DirectorySearch, Match } from '../../src/directory/adapter.js';
import type { DirectoryFilters } from '../../src/directory/filters.js';
import { matchesFilters } from '../../src/directory/filters.js';
import type { Provider } from '../../src/directory/schema.js';
import { compareMatches } from '../../src/directory/sort.js';
import { buildStaticIndex, searchStaticIndex } from '../../src/directory/static-index.js';
import type { StaticIndex } from '../../src/directory/static-index.js';
import { distanceKm, toKm } from '../../src/geo/distance.js';
import type { BenchContext, Comparison, Measurement } from '../harness.js';

export const name = 'search';
export const description = 'Search in a static directory of 10,000 and 100,000 clinicians, with filters (Node)';

const SIZES = [10_000, 100_000];
const LIMIT = 50;
const RADII_MILES = [25, 100];
/** Where people search: the demo directory's metro centres, and two places far from any. */
const CENTRES = [
  { lat: 40.7128, lng: -74.006 },
  { lat: 34.0522, lng: -118.2437 },
  { lat: 41.8781, lng: -87.6298 },
  { lat: 32.7767, lng: -96.797 },
  { lat: 29.7604, lng: -95.3698 },
  { lat: 38.9072, lng: -77.0369 },
  { lat: 25.7617, lng: -80.1918 },
  { lat: 47.6062, lng: -122.3321 },
  { lat: 44.0805, lng: -103.231 },
  { lat: 46.8772, lng: -96.7898 },
];
const FILTER_SETS: DirectoryFilters[] = [
  {},
  { disciplines: ['chiropractic'], acceptingNewPatients: true },
  { telehealth: true, language: 'Spanish', insurance: 'Aetna' },
];
/** Passes over the query set in one run: enough for a total well above the clock's resolution. */
const PASSES = 3;

export async function run(context: BenchContext): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const size of SIZES) {
    context.log(`Indexing ${size.toLocaleString('en-US')} clinicians…`);
    const { index } = await buildStaticIndex(generateDemoDirectory({ count: size }));
    measurements.push(...(await context.compare(name, comparison(size, index))));
  }
  return measurements;
}

function comparison(size: number, index: StaticIndex): Comparison {
  const searches: DirectorySearch[] = CENTRES.flatMap((point) =>
    RADII_MILES.flatMap((radius) =>
      FILTER_SETS.map((filters) => ({ point, radiusKm: toKm(radius, 'mi'), limit: LIMIT, filters })),
    ),
  );
  const timed = (answer: (search: DirectorySearch) => { matches: readonly Match[] }) => async () => {
    let found = 0;
    const start = performance.now();
    for (let pass = 0; pass < PASSES; pass++) {
      for (const search of searches) found += answer(search).matches.length;
    }
    const perQuery = (performance.now() - start) / (PASSES * searches.length);
    if (found === 0) throw new Error('no query found anyone');
    return { values: { query: perQuery } };
  };
  return {
    id: `static-${size / 1000}k`,
    title: `${size.toLocaleString('en-US')} clinicians, ${searches.length} queries (10 places, 25 and 100 mi, 3 filter sets)`,
    figures: [{ id: 'query', label: 'Time per query (first page of 50)', unit: 'ms' }],
    subject: { label: 'spatial index', run: timed((search) => searchStaticIndex(index, search)) },
    baseline: { label: 'linear scan', run: timed((search) => linearScan(index.providers, search)) },
  };
}

/** Every clinician looked at: the distance, the filters, then the order and the page. */
function linearScan(providers: readonly Provider[], search: DirectorySearch): { matches: Match[] } {
  const order = compareMatches(search.sort);
  const found: Match[] = [];
  for (const provider of providers) {
    const distance = distanceKm(search.point, provider.location);
    if (distance <= search.radiusKm && matchesFilters(provider, search.filters)) {
      found.push({ provider, distanceKm: distance });
    }
  }
  found.sort(order);
  return { matches: found.slice(0, search.limit) };
}
