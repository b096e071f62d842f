import type { GeoPoint } from '../directory/schema.js';

/** Mean earth radius (IUGG), the usual choice for great-circle distances. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_MILE = 1.609344;

export type DistanceUnit = 'mi' | 'km';

export const DISTANCE_UNITS: readonly DistanceUnit[] = ['mi', 'km'];

/** Great-circle distance between two points, in kilometres (haversine). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const toRadians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRadians;
  const dLng = (b.lng - a.lng) * toRadians;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRadians) * Math.cos(b.lat * toRadians) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function toKm(value: number, unit: DistanceUnit): number {
  return unit === 'mi' ? value * KM_PER_MILE : value;
}

export function fromKm(km: number, unit: DistanceUnit): number {
  return unit === 'mi' ? km / KM_PER_MILE : km;
}

export function isDistanceUnit(value: unknown): value is DistanceUnit {
  return value === 'mi' || value === 'km';
}
