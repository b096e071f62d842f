/**
 * The static adapter's logic, free of threads and networks: read a directory
 * file in any of its three shapes, validate its records, index them and
 * answer searches. The worker (static-worker.ts) and the main-thread fallback
 * (static-adapter.ts) both run this module, so they cannot disagree.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { distanceKm } from '../geo/distance.js';
import { DirectoryError } from './adapter.js';
import type { DirectoryPage, DirectorySearch, Match } from './adapter.js';
import { matchesFilters } from './filters.js';
import { compareMatches } from './sort.js';
import { parseProviders } from './schema.js';
import type { Provider, RejectedRecord } from './schema.js';

/**
 * On the main thread, validation pauses once it has run this long, well
 * under the 50 ms that make a long task, so input is handled in between.
 * Time rather than a count of records, as devices differ tenfold in speed.
 */
const MAIN_THREAD_SLICE_MS = 10;
/** Records validated between two looks at the clock. */
const RECORDS_PER_CHUNK = 100;

/**
 * geokdbush measures on a sphere of 6,371 km, and `haverSin` of a radius past
 * half its circumference wraps around and shrinks again. From there on every
 * point qualifies, so the search is unbounded.
 */
const GEOKDBUSH_HALF_CIRCUMFERENCE_KM = Math.PI * 6371;

/** A directory file's records and how to read one of them as a provider record. */
interface DirectoryFile {
  items: readonly unknown[];
  /** The provider record in an item, or why the item cannot be one. */
  toRecord: (item: unknown) => { record: unknown } | { reason: string };
}

/** The validated providers of a file and their spatial index. */
export interface StaticIndex {
  providers: readonly Provider[];
  /** Point `i` is `providers[i].location`, as (lng, lat). */
  points: KDBush;
}

export interface BuiltIndex {
  index: StaticIndex;
  /** Records that failed validation, by their position in the file. */
  rejected: RejectedRecord[];
  /** How many records the file holds, valid or not. */
  recordCount: number;
}

/** A page without `dropped`: only the adapter knows whether it has reported the file's. */
export type StaticPage = Omit<DirectoryPage, 'dropped'>;

/**
 * Validates and indexes the records of a parsed directory file: an array of
 * providers, `{ "providers": [...] }`, or a GeoJSON FeatureCollection of
 * Point features whose `properties` are providers. Anything else is an
 * 'invalid-response'. `pause`, when given, is awaited every few milliseconds
 * of work so a caller on the main thread lets the page respond meanwhile.
 */
export async function buildStaticIndex(body: unknown, pause?: () => Promise<void>): Promise<BuiltIndex> {
  const file = readDirectoryFile(body);
  const providers: Provider[] = [];
  const rejected: RejectedRecord[] = [];
  let sliceStart = performance.now();
  for (let start = 0; start < file.items.length; start += RECORDS_PER_CHUNK) {
    if (pause && performance.now() - sliceStart > MAIN_THREAD_SLICE_MS) {
      await pause();
      sliceStart = performance.now();
    }
    validateChunk(file, start, Math.min(start + RECORDS_PER_CHUNK, file.items.length), providers, rejected);
  }
  if (pause) await pause();
  const points = new KDBush(providers.length);
  for (const { location } of providers) points.add(location.lng, location.lat);
  points.finish();
  rejected.sort((a, b) => a.index - b.index);
  return { index: { providers, points }, rejected, recordCount: file.items.length };
}

/** A match with its position among the directory's records, which orders equals. */
export interface Candidate extends Match {
  order: number;
}

/**
 * All providers within `radiusKm` of the point that pass the filters, in
 * the order asked for (nearest first by default; equals keep the file's
 * order), one page of them.
 * The cursor is the offset of the page, as text; callers treat it as opaque.
 */
export function searchStaticIndex(index: StaticIndex, search: DirectorySearch): StaticPage {
  return pageOfCandidates(candidatesWithin(index, search), search);
}

/**
 * The providers of one index within the circle that pass the filters, in no
 * order. `firstOrder` is the position of the index's first record among all
 * the records searched (a sharded directory searches several indexes).
 */
export function candidatesWithin(
  { providers, points }: StaticIndex,
  search: DirectorySearch,
  firstOrder = 0,
): Candidate[] {
  const { point, radiusKm, filters } = search;
  const maxDistance = radiusKm < GEOKDBUSH_HALF_CIRCUMFERENCE_KM ? radiusKm : undefined;
  const candidates = around(points, point.lng, point.lat, Infinity, maxDistance, (i) =>
    matchesFilters(providers[i], filters),
  );
  // geokdbush's earth is slightly smaller than ours, so its circle holds ours;
  // the cut is made with our own distance, the one every adapter reports.
  return candidates
    .map((i): Candidate => ({
      order: firstOrder + i,
      provider: providers[i],
      distanceKm: distanceKm(point, providers[i].location),
    }))
    .filter((candidate) => candidate.distanceKm <= radiusKm);
}

/** The candidates in the order asked for, equals by their `order`, one page of them. */
export function pageOfCandidates(candidates: Candidate[], search: DirectorySearch): StaticPage {
  const order = compareMatches(search.sort);
  const found = candidates.sort((a, b) => order(a, b) || a.order - b.order);
  const offset = readCursor(search.cursor);
  const end = Math.min(offset + pageSize(search.limit), found.length);
  const matches: Match[] = found.slice(offset, end).map(({ provider, distanceKm }) => ({ provider, distanceKm }));
  return { matches, total: found.length, ...(end < found.length ? { next: String(end) } : {}) };
}

function readDirectoryFile(body: unknown): DirectoryFile {
  if (Array.isArray(body)) return { items: body, toRecord: (record) => ({ record }) };
  if (isObject(body) && body.type === 'FeatureCollection' && Array.isArray(body.features)) {
    return { items: body.features, toRecord: featureToRecord };
  }
  if (isObject(body) && Array.isArray(body.providers)) {
    return { items: body.providers, toRecord: (record) => ({ record }) };
  }
  throw new DirectoryError(
    'invalid-response',
    'The directory file is not a list of providers, a { "providers": [...] } object or a GeoJSON FeatureCollection',
  );
}

/**
 * A GeoJSON feature as a provider record: its `properties`, located by its
 * Point geometry ([longitude, latitude]), which wins over any `location` in
 * the properties. The feature's own `id` stands in when the properties have
 * none, as GeoJSON tools often put it there.
 */
function featureToRecord(feature: unknown): { record: unknown } | { reason: string } {
  const geometry = isObject(feature) ? feature.geometry : undefined;
  const coordinates = isObject(geometry) && geometry.type === 'Point' ? geometry.coordinates : undefined;
  if (!isObject(feature) || !Array.isArray(coordinates) || coordinates.length < 2) {
    return { reason: 'geometry: not a GeoJSON Point with [longitude, latitude] coordinates' };
  }
  const [lng, lat] = coordinates as unknown[];
  const properties = isObject(feature.properties) ? feature.properties : {};
  return { record: { id: feature.id, ...properties, location: { lat, lng } } };
}

function validateChunk(
  file: DirectoryFile,
  start: number,
  end: number,
  providers: Provider[],
  rejected: RejectedRecord[],
): void {
  const records: unknown[] = [];
  /** The file position of each record in `records`. */
  const positions: number[] = [];
  for (let index = start; index < end; index++) {
    const read = file.toRecord(file.items[index]);
    if ('reason' in read) {
      rejected.push({ index, reason: read.reason });
    } else {
      records.push(read.record);
      positions.push(index);
    }
  }
  const parsed = parseProviders(records);
  for (const provider of parsed.providers) providers.push(provider);
  for (const { index, reason } of parsed.rejected) rejected.push({ index: positions[index], reason });
}

function readCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d+$/.test(cursor)) {
    throw new DirectoryError('invalid-response', `"${cursor}" is not a cursor the static adapter gave`);
  }
  return Number(cursor);
}

/** At least one match per page, so paging always moves on. */
function pageSize(limit: number): number {
  return Math.max(1, Math.floor(limit) || 1);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
