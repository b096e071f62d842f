/**
 * How precisely a person's location leaves the finder. A searched point is
 * where the person is, or near it (the ZIP they typed, the spot they zoomed
 * to, the position "Use my location" found), and it is sent to a directory
 * on someone else's server: by default it is snapped to a grid a kilometre
 * wide, enough to find clinicians and not enough to find a home.
 */
import type { GeoPoint } from '../directory/schema.js';

/** A grid cell's width in km, or `exact` (as is `0`) to send points as they are. */
export type CoordinatePrecision = number | 'exact';

export const DEFAULT_COORDINATE_PRECISION_KM = 1;

const KM_PER_DEGREE_LATITUDE = 111.32;

/** The width of the grid in km for a precision as given, `0` for exact; anything unusable is the default. */
export function precisionKm(precision: CoordinatePrecision | string | null | undefined): number {
  if (precision === 'exact') return 0;
  const km = typeof precision === 'string' && precision.trim() !== '' ? Number(precision) : precision;
  return typeof km === 'number' && Number.isFinite(km) && km >= 0 ? km : DEFAULT_COORDINATE_PRECISION_KM;
}

/**
 * The point snapped to the nearest node of a grid `km` wide: every point of
 * a cell gives the same node, at most about 0.7 × `km` away. Rows are a
 * fixed number of degrees of latitude apart; within a row the step in
 * longitude is as many km at that row's latitude. `0` gives the point back.
 */
export function roundPoint(point: GeoPoint, km: number): GeoPoint {
  if (!(km > 0)) return point;
  const latStep = km / KM_PER_DEGREE_LATITUDE;
  const lat = clamp(Math.round(point.lat / latStep) * latStep, -90, 90);
  const lngStep = km / (KM_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  const lng = clamp(Math.round(point.lng / lngStep) * lngStep, -180, 180);
  return { lat: Number(lat.toFixed(5)), lng: Number(lng.toFixed(5)) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
