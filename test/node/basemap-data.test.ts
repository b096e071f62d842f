/**
 * The basemap's data: the offline basemap's county files (scripts/geo-assets.ts)
 * and the demo PMTiles archive (scripts/make-pmtiles.ts), read back with the
 * `pmtiles` package and @mapbox/vector-tile as a browser would read them,
 * and the byte ranges of the route that serves the archive.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VectorTile } from '@mapbox/vector-tile';
import type { VectorTileFeature } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { Compression, PMTiles, TileType, zxyToTileId } from 'pmtiles';
import type { RangeResponse, Source } from 'pmtiles';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { parseByteRange } from '../../scripts/basemap-routes.js';
import { buildGeoAssets } from '../../scripts/geo-assets.js';
import { ARCHIVE_METADATA, getUsPmtiles, makeUsPmtiles, MAX_ZOOM, tileId } from '../../scripts/make-pmtiles.js';

/** The archive in memory, read as a PMTiles reader reads a URL: by byte ranges. */
class MemorySource implements Source {
  readonly ranges: Array<[number, number]> = [];
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.ranges.push([offset, length]);
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

function openArchive(): { archive: PMTiles; source: MemorySource } {
  const source = new MemorySource(getUsPmtiles());
  return { archive: new PMTiles(source), source };
}

async function readTile(archive: PMTiles, z: number, x: number, y: number): Promise<VectorTile | undefined> {
  const tile = await archive.getZxy(z, x, y);
  return tile && new VectorTile(new Pbf(new Uint8Array(tile.data)));
}

/** The tile at a zoom that holds a longitude and latitude (Web Mercator). */
function tileAt(z: number, lng: number, lat: number): [number, number] {
  const n = 2 ** z;
  const radians = (lat * Math.PI) / 180;
  return [
    Math.floor(((lng + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * n),
  ];
}

function layerFeatures(tile: VectorTile | undefined, name: string): VectorTileFeature[] {
  const layer = tile?.layers[name];
  return layer ? Array.from({ length: layer.length }, (_, index) => layer.feature(index)) : [];
}

/** The surveyor's formula in tile coordinates (y down): positive for the clockwise outer rings MVT asks for. */
function shoelace(ring: Array<{ x: number; y: number }>): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const next = ring[(i + 1) % ring.length];
    sum += ring[i].x * next.y - next.x * ring[i].y;
  }
  return sum;
}

describe('the demo PMTiles archive', () => {
  it('has a version 3 header describing gzipped vector tiles of zooms 0–6 around the US', async () => {
    const { archive } = openArchive();
    const header = await archive.getHeader();
    assert.equal(header.specVersion, 3);
    assert.equal(header.tileType, TileType.Mvt);
    assert.equal(header.tileCompression, Compression.Gzip);
    assert.equal(header.internalCompression, Compression.Gzip);
    assert.equal(header.minZoom, 0);
    assert.equal(header.maxZoom, MAX_ZOOM);
    assert.equal(header.clustered, true);
    assert.deepEqual([header.minLon, header.minLat, header.maxLon, header.maxLat], [-179.15, -14.56, 179.78, 71.36]);
    assert.deepEqual([header.centerLon, header.centerLat, header.centerZoom], [-98.58, 39.83, 3]);
    assert.equal(header.leafDirectoryLength, 0);
    assert.ok(
      header.rootDirectoryOffset + header.rootDirectoryLength <= 16_384,
      'the root directory is in the first fetch',
    );
    assert.ok(header.numTileContents <= header.numTileEntries && header.numTileEntries <= header.numAddressedTiles);
    assert.equal(header.tileDataOffset + header.tileDataLength!, getUsPmtiles().length);
  });

  it('carries its metadata: name, attribution and vector layers', async () => {
    const { archive } = openArchive();
    assert.deepEqual(await archive.getMetadata(), ARCHIVE_METADATA);
  });

  it('finds land and state borders at every zoom, and state names from zoom 3', async () => {
    const { archive } = openArchive();
    for (let z = 0; z <= MAX_ZOOM; z++) {
      const tile = await readTile(archive, z, ...tileAt(z, -87.65, 41.92));
      assert.ok(tile, `a tile over Chicago at zoom ${z}`);
      assert.equal(layerFeatures(tile, 'earth')[0]?.properties.kind, 'earth', `land at zoom ${z}`);
      const borders = layerFeatures(tile, 'boundaries');
      assert.ok(borders.length > 0, `state borders at zoom ${z}`);
      assert.deepEqual({ ...borders[0]?.properties }, { kind: 'region', kind_detail: 4 });
      assert.equal(tile.layers.places === undefined, z < 3, `state names at zoom ${z}`);
    }
  });

  it('names every state once per zoom, with its postal code', async () => {
    const { archive } = openArchive();
    const names = new Map<string, string>();
    for (let x = 0; x < 2 ** MAX_ZOOM; x++) {
      for (let y = 0; y < 2 ** MAX_ZOOM; y++) {
        for (const place of layerFeatures(await readTile(archive, MAX_ZOOM, x, y), 'places')) {
          const { name, ref, kind } = place.properties;
          assert.equal(kind, 'region');
          assert.ok(!names.has(String(name)), `${name} is named once`);
          names.set(String(name), String(ref));
        }
      }
    }
    assert.equal(names.size, 56);
    assert.equal(names.get('Illinois'), 'IL');
    assert.equal(names.get('Puerto Rico'), 'PR');
  });

  it('has no tile over the open Pacific, and none past zoom 6', async () => {
    const { archive } = openArchive();
    assert.equal(await archive.getZxy(4, ...tileAt(4, -125, -30)), undefined);
    assert.equal(await archive.getZxy(MAX_ZOOM + 1, ...tileAt(MAX_ZOOM + 1, -87.65, 41.92)), undefined);
  });

  it('winds the land’s outer rings clockwise in tile coordinates, as vector tiles must', async () => {
    const { archive } = openArchive();
    const land = layerFeatures(await readTile(archive, 4, ...tileAt(4, -98, 39)), 'earth');
    const rings = land.flatMap((polygon) => polygon.loadGeometry());
    const largest = rings.reduce((a, b) => (Math.abs(shoelace(a)) > Math.abs(shoelace(b)) ? a : b));
    assert.ok(shoelace(largest) > 0);
  });

  it('reads a tile in two ranges: the first 16 KiB, then the tile', async () => {
    const { archive, source } = openArchive();
    await readTile(archive, 5, ...tileAt(5, -87.65, 41.92));
    assert.deepEqual(source.ranges[0], [0, 16_384]);
    assert.equal(source.ranges.length, 2, JSON.stringify(source.ranges));
  });

  it('numbers tiles along the Hilbert curve as the pmtiles package does', () => {
    for (let z = 0; z <= 8; z++) {
      for (let x = 0; x < 2 ** z; x++) {
        for (let y = 0; y < 2 ** z; y++) assert.equal(tileId(z, x, y), zxyToTileId(z, x, y), `${z}/${x}/${y}`);
      }
    }
  });

  it('is the same, byte for byte, each time it is made', () => {
    assert.deepEqual(Buffer.from(makeUsPmtiles()), Buffer.from(makeUsPmtiles()));
  });
});

describe('byte ranges of the archive route', () => {
  it('serves single ranges, open-ended and suffix ranges, clipped to the body', () => {
    assert.deepEqual(parseByteRange('bytes=0-16383', 100_000), { start: 0, end: 16_383 });
    assert.deepEqual(parseByteRange('bytes=0-16383', 940), { start: 0, end: 939 });
    assert.deepEqual(parseByteRange('bytes=500-', 940), { start: 500, end: 939 });
    assert.deepEqual(parseByteRange('bytes=-100', 940), { start: 840, end: 939 });
    assert.deepEqual(parseByteRange('bytes=-5000', 940), { start: 0, end: 939 });
  });

  it('refuses ranges that start past the end, and ignores what it does not serve', () => {
    assert.equal(parseByteRange('bytes=940-999', 940), 'unsatisfiable');
    assert.equal(parseByteRange('bytes=-0', 940), 'unsatisfiable');
    assert.equal(parseByteRange(undefined, 940), undefined);
    assert.equal(parseByteRange('bytes=0-10, 20-30', 940), undefined);
    assert.equal(parseByteRange('items=0-10', 940), undefined);
    assert.equal(parseByteRange('bytes=10-5', 940), undefined);
    assert.equal(parseByteRange('bytes=-', 940), undefined);
  });
});

describe('the offline basemap’s county files', () => {
  const assets = buildGeoAssets();
  const states = JSON.parse(assets.get('basemap/states-10m.json')!) as Topology;
  const stateIds = (feature(states, states.objects.states) as GeoJSON.FeatureCollection).features.map((state) =>
    String(state.id),
  );

  it('has one file per state of the states file, each small', () => {
    const files = [...assets.keys()].filter((path) => path.startsWith('basemap/counties/'));
    assert.deepEqual(files.sort(), stateIds.map((id) => `basemap/counties/${id}.json`).sort());
    for (const file of files) assert.ok(assets.get(file)!.length < 32_000, `${file} is under 32 kB`);
  });

  it('draws the borders between a state’s counties inside that state', () => {
    const illinois = JSON.parse(assets.get('basemap/counties/17.json')!) as Topology;
    const borders = (feature(illinois, illinois.objects.borders) as GeoJSON.Feature<GeoJSON.MultiLineString>).geometry;
    assert.equal(borders.type, 'MultiLineString');
    assert.ok(borders.coordinates.length > 100, 'Illinois has 102 counties and many borders between them');
    for (const [lng, lat] of borders.coordinates.flat()) {
      assert.ok(lng > -91.6 && lng < -87.4 && lat > 36.9 && lat < 42.6, `${lng}, ${lat} is in Illinois`);
    }
  });

  it('leaves out state lines and coasts, and a state with one county has no borders', () => {
    const dc = JSON.parse(assets.get('basemap/counties/11.json')!) as Topology;
    assert.deepEqual(dc.arcs, []);
    const kansas = JSON.parse(assets.get('basemap/counties/20.json')!) as Topology;
    const lines = (feature(kansas, kansas.objects.borders) as GeoJSON.Feature<GeoJSON.MultiLineString>).geometry;
    // Kansas's western line is at 102.05° W: county borders end on it, none runs along it.
    const alongWesternLine = lines.coordinates.flatMap((line) =>
      line.slice(1).filter(([lng], index) => lng < -102 && line[index][0] < -102),
    );
    assert.ok(
      lines.coordinates.flat().some(([lng]) => lng < -102),
      'borders reach the state line',
    );
    assert.deepEqual(alongWesternLine, []);
  });
});
