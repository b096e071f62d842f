/**
 * Makes a small PMTiles v3 archive of vector tiles of the United States from
 * us-atlas, for the vector basemap's demo and tests (nothing can be
 * downloaded here, and a real basemap is hundreds of megabytes):
 *
 * - `earth`: the land (us-atlas nation-10m),
 * - `boundaries`: the borders between states (`kind: 'region'`, `kind_detail: 4`),
 * - `places`: a label point per state (`kind: 'region'`, `name`, `ref`: its postal code), from zoom 3,
 *
 * for zooms 0–6, in the layer names and properties of the Protomaps basemap
 * (https://docs.protomaps.com/basemaps/layers), so the finder draws it
 * exactly as it draws a health system's real archive. Tiles are Mapbox
 * Vector Tiles (cut by geojson-vt, encoded here with pbf), gzipped, stored
 * once however many tiles share them, in a container written here from the
 * PMTiles v3 specification (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
 *
 * The output is deterministic: the same inputs give the same bytes.
 *
 *   node --import tsx scripts/make-pmtiles.ts [file]   writes the archive (default us.pmtiles)
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import type { LegacyFeature } from 'geojson-vt';
import Pbf from 'pbf';
import { feature, mesh } from 'topojson-client';
import type { Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

export const MAX_ZOOM = 6;
/** State names are labelled from this zoom on; below it they would cover the country. */
const PLACES_MIN_ZOOM = 3;
const EXTENT = 4096;

/** Postal codes of the states and territories in us-atlas, by FIPS code. */
// prettier-ignore
const POSTAL_CODES: Record<string, string> = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC',
  '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY',
  '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO', '30': 'MT',
  '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM', '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH',
  '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI', '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT',
  '50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI', '56': 'WY', '60': 'AS', '66': 'GU', '69': 'MP',
  '72': 'PR', '78': 'VI',
};

export const ARCHIVE_METADATA = {
  name: 'spine-finder demo basemap: US states',
  description: 'Land, state borders and state names of the United States, zooms 0–6, in the Protomaps basemap layers.',
  attribution: 'U.S. Census Bureau, via us-atlas',
  type: 'baselayer',
  version: '1',
  vector_layers: [
    { id: 'earth', fields: { kind: 'String' }, minzoom: 0, maxzoom: MAX_ZOOM },
    { id: 'boundaries', fields: { kind: 'String', kind_detail: 'Number' }, minzoom: 0, maxzoom: MAX_ZOOM },
    {
      id: 'places',
      fields: { kind: 'String', name: 'String', ref: 'String' },
      minzoom: PLACES_MIN_ZOOM,
      maxzoom: MAX_ZOOM,
    },
  ],
};

let cached: Uint8Array | undefined;

/** The demo archive, made on first use and kept. */
export function getUsPmtiles(): Uint8Array {
  cached ??= makeUsPmtiles();
  return cached;
}

export function makeUsPmtiles(): Uint8Array {
  const nation = readTopology('nation-10m.json');
  const states = readTopology('states-10m.json');
  const layers: Array<{ name: string; index: GeoJSONVT; minZoom: number }> = [
    { name: 'earth', index: tileIndex([land(nation)]), minZoom: 0 },
    { name: 'boundaries', index: tileIndex([stateBorders(states)]), minZoom: 0 },
    { name: 'places', index: tileIndex(stateLabels(states)), minZoom: PLACES_MIN_ZOOM },
  ];
  const tiles: ArchiveTile[] = [];
  for (let z = 0; z <= MAX_ZOOM; z++) {
    for (let x = 0; x < 2 ** z; x++) {
      for (let y = 0; y < 2 ** z; y++) {
        const tileLayers = layers
          .filter((layer) => z >= layer.minZoom)
          .map((layer) => ({ name: layer.name, features: layer.index.getTile(z, x, y)?.features ?? [] }))
          .filter((layer) => layer.features.length > 0);
        if (tileLayers.length > 0) tiles.push({ z, x, y, data: gzip(encodeVectorTile(tileLayers)) });
      }
    }
  }
  return writePmtiles(tiles, {
    metadata: ARCHIVE_METADATA,
    bounds: [-179.15, -14.56, 179.78, 71.36],
    center: [-98.58, 39.83, 3],
  });
}

function readTopology(file: string): Topology {
  return require(`us-atlas/${file}`) as Topology;
}

function tileIndex(features: Feature[]): GeoJSONVT {
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  return new GeoJSONVT(collection, { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM, extent: EXTENT, buffer: 64 });
}

function land(nation: Topology): Feature {
  const geometry = (feature(nation, nation.objects.nation) as FeatureCollection).features[0]?.geometry;
  if (geometry?.type !== 'MultiPolygon') throw new Error('us-atlas nation-10m.json has no land');
  // geojson-vt winds outer rings and holes as vector tiles ask, whatever the input's winding.
  return { type: 'Feature', properties: { kind: 'earth' }, geometry };
}

function stateBorders(states: Topology): Feature {
  // Lines two states share: coasts are the edge of the land already.
  const borders = mesh(states, states.objects.states as Parameters<typeof mesh>[1], (a, b) => a !== b);
  return { type: 'Feature', properties: { kind: 'region', kind_detail: 4 }, geometry: borders };
}

function stateLabels(states: Topology): Feature[] {
  const collection = feature(states, states.objects.states) as FeatureCollection;
  return collection.features.flatMap((state) => {
    const ref = POSTAL_CODES[String(state.id)];
    const name = state.properties?.name;
    const point = state.geometry && labelPoint(state.geometry);
    if (!ref || typeof name !== 'string' || !point) return [];
    return [
      { type: 'Feature', properties: { kind: 'region', name, ref }, geometry: { type: 'Point', coordinates: point } },
    ];
  });
}

/**
 * Where a state's name goes: on its largest polygon, at the middle of the
 * widest stretch of land along the parallel through that polygon's
 * centroid. Unlike the centroid itself, this is always on land, even for
 * Florida or Maryland.
 */
function labelPoint(geometry: Geometry): Position | undefined {
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  const largest = polygons
    .map((rings) => rings[0] ?? [])
    .sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0];
  if (!largest || largest.length < 4) return undefined;
  const lat = ringCentroid(largest)[1];
  const crossings: number[] = [];
  for (let i = 0; i + 1 < largest.length; i++) {
    const [x0, y0] = largest[i];
    const [x1, y1] = largest[i + 1];
    if (y0 <= lat !== y1 <= lat) crossings.push(x0 + ((lat - y0) / (y1 - y0)) * (x1 - x0));
  }
  crossings.sort((a, b) => a - b);
  let best: Position | undefined;
  let widest = -1;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const width = crossings[i + 1] - crossings[i];
    if (width > widest) {
      widest = width;
      best = [round((crossings[i] + crossings[i + 1]) / 2), round(lat)];
    }
  }
  return best;
}

/** Twice the signed area of a ring in longitude/latitude: positive when counter-clockwise. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

function ringCentroid(ring: Position[]): Position {
  let x = 0;
  let y = 0;
  let area = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const cross = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    x += (ring[i][0] + ring[i + 1][0]) * cross;
    y += (ring[i][1] + ring[i + 1][1]) * cross;
    area += cross;
  }
  return [x / (3 * area), y / (3 * area)];
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

// Mapbox Vector Tile encoding (https://github.com/mapbox/vector-tile-spec/tree/master/2.1).

interface TileLayer {
  name: string;
  features: readonly LegacyFeature[];
}

const MOVE_TO = 1;
const LINE_TO = 2;
const CLOSE_PATH = 7;

/** One vector tile: each layer's features, with their properties as shared keys and values. */
export function encodeVectorTile(layers: readonly TileLayer[]): Uint8Array {
  const pbf = new Pbf();
  for (const layer of layers) pbf.writeMessage(3, writeLayer, layer);
  return pbf.finish();
}

function writeLayer(layer: TileLayer, pbf: Pbf): void {
  const keys: string[] = [];
  const values: Array<string | number | boolean> = [];
  const indexOf = <T>(list: T[], item: T) => {
    const at = list.indexOf(item);
    return at >= 0 ? at : list.push(item) - 1;
  };
  pbf.writeVarintField(15, 2);
  pbf.writeStringField(1, layer.name);
  for (const tileFeature of layer.features) {
    const tags: number[] = [];
    for (const [key, value] of Object.entries(tileFeature.tags ?? {})) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      tags.push(indexOf(keys, key), indexOf(values, value));
    }
    pbf.writeMessage(2, writeFeature, { tags, type: tileFeature.type, geometry: geometryCommands(tileFeature) });
  }
  for (const key of keys) pbf.writeStringField(3, key);
  for (const value of values) pbf.writeMessage(4, writeValue, value);
  pbf.writeVarintField(5, EXTENT);
}

function writeFeature(tileFeature: { tags: number[]; type: number; geometry: number[] }, pbf: Pbf): void {
  pbf.writePackedVarint(2, tileFeature.tags);
  pbf.writeVarintField(3, tileFeature.type);
  pbf.writePackedVarint(4, tileFeature.geometry);
}

function writeValue(value: string | number | boolean, pbf: Pbf): void {
  if (typeof value === 'string') pbf.writeStringField(1, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(7, value);
  else if (!Number.isInteger(value)) pbf.writeDoubleField(3, value);
  else if (value < 0) pbf.writeSVarintField(6, value);
  else pbf.writeVarintField(5, value);
}

/** A feature's geometry as MoveTo/LineTo/ClosePath commands with zigzag-encoded deltas. */
function geometryCommands(tileFeature: LegacyFeature): number[] {
  const commands: number[] = [];
  let x = 0;
  let y = 0;
  const moveBy = (point: [number, number]) => {
    commands.push(zigzag(point[0] - x), zigzag(point[1] - y));
    [x, y] = point;
  };
  if (tileFeature.type === 1) {
    commands.push(command(MOVE_TO, tileFeature.geometry.length));
    tileFeature.geometry.forEach(moveBy);
    return commands;
  }
  for (const line of tileFeature.geometry) {
    // A polygon's ring repeats its first point last; ClosePath stands for it.
    const points = tileFeature.type === 3 ? line.slice(0, -1) : line;
    if (points.length < (tileFeature.type === 3 ? 3 : 2)) continue;
    commands.push(command(MOVE_TO, 1));
    moveBy(points[0]);
    commands.push(command(LINE_TO, points.length - 1));
    points.slice(1).forEach(moveBy);
    if (tileFeature.type === 3) commands.push(command(CLOSE_PATH, 1));
  }
  return commands;
}

function command(id: number, count: number): number {
  return (id & 0x7) | (count << 3);
}

function zigzag(value: number): number {
  return (value << 1) ^ (value >> 31);
}

// The PMTiles v3 container.

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes, already compressed as `tileCompression` says. */
  data: Uint8Array;
}

export interface ArchiveOptions {
  metadata: object;
  /** West, south, east, north, in degrees. */
  bounds: [number, number, number, number];
  /** Longitude, latitude and zoom a viewer starts at. */
  center: [number, number, number];
}

const HEADER_LENGTH = 127;
/** Readers fetch this much first and expect the header and root directory in it. */
const FIRST_FETCH_LENGTH = 16_384;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/**
 * An archive of gzipped MVT tiles: header, root directory, metadata, tile
 * data, in that order. Tiles with the same bytes are stored once; runs of
 * consecutive tile ids with the same content share one directory entry. All
 * entries fit the root directory (this writer makes no leaf directories),
 * which is checked.
 */
export function writePmtiles(tiles: readonly ArchiveTile[], options: ArchiveOptions): Uint8Array {
  const sorted = tiles.map((tile) => ({ ...tile, tileId: tileId(tile.z, tile.x, tile.y) }));
  sorted.sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const offsets = new Map<string, number>();
  const contents: Uint8Array[] = [];
  let dataLength = 0;
  for (const tile of sorted) {
    const hash = Buffer.from(tile.data).toString('base64');
    let offset = offsets.get(hash);
    if (offset === undefined) {
      offset = dataLength;
      offsets.set(hash, offset);
      contents.push(tile.data);
      dataLength += tile.data.length;
    }
    const last = entries.at(-1);
    if (last && last.offset === offset && last.tileId + last.runLength === tile.tileId) last.runLength += 1;
    else entries.push({ tileId: tile.tileId, offset, length: tile.data.length, runLength: 1 });
  }

  const rootDirectory = gzip(serializeDirectory(entries));
  const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));
  if (HEADER_LENGTH + rootDirectory.length > FIRST_FETCH_LENGTH) {
    throw new Error('The root directory is too large for one first fetch; this writer makes no leaf directories');
  }
  const rootOffset = HEADER_LENGTH;
  const metadataOffset = rootOffset + rootDirectory.length;
  const dataOffset = metadataOffset + metadata.length;

  const header = new DataView(new ArrayBuffer(HEADER_LENGTH));
  new TextEncoder().encodeInto('PMTiles', new Uint8Array(header.buffer));
  header.setUint8(7, 3);
  const uint64 = (at: number, value: number) => header.setBigUint64(at, BigInt(value), true);
  uint64(8, rootOffset);
  uint64(16, rootDirectory.length);
  uint64(24, metadataOffset);
  uint64(32, metadata.length);
  uint64(40, dataOffset); // no leaf directories: an empty section where the data begins
  uint64(48, 0);
  uint64(56, dataOffset);
  uint64(64, dataLength);
  uint64(72, sorted.length);
  uint64(80, entries.length);
  uint64(88, contents.length);
  header.setUint8(96, 1); // clustered: tile data in tile id order
  header.setUint8(97, COMPRESSION_GZIP);
  header.setUint8(98, COMPRESSION_GZIP);
  header.setUint8(99, TILE_TYPE_MVT);
  header.setUint8(100, Math.min(...sorted.map((tile) => tile.z)));
  header.setUint8(101, Math.max(...sorted.map((tile) => tile.z)));
  const [west, south, east, north] = options.bounds;
  const degrees = (at: number, value: number) => header.setInt32(at, Math.round(value * 1e7), true);
  degrees(102, west);
  degrees(106, south);
  degrees(110, east);
  degrees(114, north);
  header.setUint8(118, options.center[2]);
  degrees(119, options.center[0]);
  degrees(123, options.center[1]);

  const archive = new Uint8Array(dataOffset + dataLength);
  archive.set(new Uint8Array(header.buffer), 0);
  archive.set(rootDirectory, rootOffset);
  archive.set(metadata, metadataOffset);
  let at = dataOffset;
  for (const content of contents) {
    archive.set(content, at);
    at += content.length;
  }
  return archive;
}

/**
 * A directory as the specification lays it out: the number of entries, then
 * column by column the tile ids (as deltas), run lengths, lengths and
 * offsets (0 for "right after the previous entry", else offset + 1), all as
 * varints.
 */
function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const bytes: number[] = [];
  const varint = (value: number) => {
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
  };
  varint(entries.length);
  let lastId = 0;
  for (const entry of entries) {
    varint(entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (const entry of entries) varint(entry.runLength);
  for (const entry of entries) varint(entry.length);
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    varint(previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1);
  });
  return Uint8Array.from(bytes);
}

/**
 * A tile's id: the tiles of all lower zooms, plus its position along the
 * Hilbert curve that fills its zoom level.
 */
export function tileId(z: number, x: number, y: number): number {
  let id = (4 ** z - 1) / 3;
  let tx = x;
  let ty = y;
  for (let side = 2 ** (z - 1); side >= 1; side /= 2) {
    const rx = (tx & side) > 0 ? 1 : 0;
    const ry = (ty & side) > 0 ? 1 : 0;
    id += side * side * ((3 * rx) ^ ry);
    // Rotate the quadrant so the curve inside it runs the right way.
    if (ry === 0) {
      if (rx === 1) {
        tx = side - 1 - tx;
        ty = side - 1 - ty;
      }
      [tx, ty] = [ty, tx];
    }
  }
  return id;
}

function gzip(bytes: Uint8Array): Uint8Array {
  // Node writes no timestamp or file name into the gzip header: same input, same bytes.
  return new Uint8Array(gzipSync(bytes));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const file = process.argv[2] ?? 'us.pmtiles';
  const archive = makeUsPmtiles();
  writeFileSync(file, archive);
  console.log(`${file}: ${archive.length} bytes`);
}
