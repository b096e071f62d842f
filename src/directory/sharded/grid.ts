/**
 * The grid of a sharded directory: a quadtree over latitude and longitude.
 *
 * At level `z` the world (longitude -180…180, latitude -90…90) is cut into
 * 2^z columns and 2^z rows of equal degrees; cell `z/x/y` is column `x`
 * from the antimeridian eastwards and row `y` from the south pole
 * northwards. A cell's four children at level z + 1 are `2x…2x+1` by
 * `2y…2y+1`, so the cells of a directory can be of different levels (small
 * where clinicians are dense, large where they are few) and still never
 * overlap.
 *
 * Used by the builder (which cell a clinician goes in) and by the finder
 * (which cells a search circle touches): one module, so they cannot
 * disagree.
 */
import type { GeoPoint } from '../schema.js';

/** A cell of the grid. */
export interface Cell {
  z: number;
  x: number;
  y: number;
}

/** A box in degrees; `west <= east` always (a box never crosses the antimeridian). */
export interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Deeper than this, cells are under 1 km across: finer would only split one building's clinicians. */
export const MAX_LEVEL = 16;

/** The same earth as `distanceKm`, so a circle is the circle the search cuts with. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Added around a search circle's box, in degrees (about 10 m): rounding in
 * the trigonometry below must never leave out a cell holding a clinician
 * just inside the radius.
 */
const MARGIN_DEGREES = 1e-4;

/** The cell of level `z` that holds a point. A point on an edge belongs to the cell east or north of it. */
export function cellOf(point: GeoPoint, z: number): Cell {
  const count = 2 ** z;
  const x = Math.min(count - 1, Math.max(0, Math.floor(((point.lng + 180) / 360) * count)));
  const y = Math.min(count - 1, Math.max(0, Math.floor(((point.lat + 90) / 180) * count)));
  return { z, x, y };
}

/** A cell's box in degrees. */
export function cellBox({ z, x, y }: Cell): Box {
  const width = 360 / 2 ** z;
  const height = 180 / 2 ** z;
  return {
    west: -180 + x * width,
    south: -90 + y * height,
    east: -180 + (x + 1) * width,
    north: -90 + (y + 1) * height,
  };
}

/** `z/x/y`, as the manifest names cells. */
export function cellKey({ z, x, y }: Cell): string {
  return `${z}/${x}/${y}`;
}

/** The cell a `z/x/y` key names, or undefined when it names none. */
export function parseCellKey(key: string): Cell | undefined {
  const match = /^(\d{1,2})\/(\d{1,6})\/(\d{1,6})$/.exec(key);
  if (!match) return undefined;
  const [z, x, y] = match.slice(1).map(Number);
  const count = 2 ** z;
  return z <= MAX_LEVEL && x < count && y < count ? { z, x, y } : undefined;
}

/** Whether cell `outer` holds cell `inner` (or is it). */
export function cellContains(outer: Cell, inner: Cell): boolean {
  if (inner.z < outer.z) return false;
  const shift = 2 ** (inner.z - outer.z);
  return Math.floor(inner.x / shift) === outer.x && Math.floor(inner.y / shift) === outer.y;
}

/**
 * Boxes that together hold every point within `radiusKm` of `center` (one,
 * or two where the circle crosses the antimeridian; the whole world for a
 * circle around a pole or wider than half the earth). They may hold more:
 * the search cuts by distance afterwards.
 */
export function circleBoxes(center: GeoPoint, radiusKm: number): Box[] {
  const world: Box = { west: -180, south: -90, east: 180, north: 90 };
  const angle = radiusKm / EARTH_RADIUS_KM;
  if (!(angle < Math.PI)) return [world];
  const toDegrees = 180 / Math.PI;
  const reach = angle * toDegrees + MARGIN_DEGREES;
  const south = center.lat - reach;
  const north = center.lat + reach;
  // A circle around a pole reaches every longitude.
  if (south <= -90 || north >= 90) return [{ ...world, south: Math.max(-90, south), north: Math.min(90, north) }];
  // The widest the circle gets in longitude (at a latitude nearer the pole than its centre's).
  const spread = Math.asin(Math.min(1, Math.sin(angle) / Math.cos(center.lat / toDegrees))) * toDegrees;
  const west = center.lng - spread - MARGIN_DEGREES;
  const east = center.lng + spread + MARGIN_DEGREES;
  if (east - west >= 360) return [{ west: -180, south, east: 180, north }];
  if (west < -180)
    return [
      { west: west + 360, south, east: 180, north },
      { west: -180, south, east, north },
    ];
  if (east > 180)
    return [
      { west, south, east: 180, north },
      { west: -180, south, east: east - 360, north },
    ];
  return [{ west, south, east, north }];
}

/** Whether two boxes share any point, edges included. */
export function boxesMeet(a: Box, b: Box): boolean {
  return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}
