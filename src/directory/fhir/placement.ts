/**
 * Where to put a Location on the map, and how far to trust it.
 *
 * Directories hold placeholder, swapped and stale coordinates. A record must
 * never be shown at a wrong distance, so a Location's own position is used
 * only when it agrees with its 5-digit ZIP code; otherwise the ZIP's centre
 * stands in and the distance is marked approximate.
 */
import { distanceKm } from '../../geo/distance.js';
import type { GeoPoint } from '../schema.js';
import { asNumber, asObject, asText } from './json.js';
import type { JsonObject } from './json.js';

/**
 * How far a position may lie from its ZIP's centre and still be believed.
 * Large rural ZIPs span tens of kilometres; a position farther than this is
 * in another town, whatever the directory says.
 */
export const ZIP_AGREEMENT_KM = 80;

export interface Placement {
  point: GeoPoint;
  /** True when the point is the ZIP's centre, not the Location's own position. */
  approximate: boolean;
}

/** The Location's 5-digit ZIP code (a ZIP+4 counts as its first five digits). */
export function zipOf(location: JsonObject): string | undefined {
  const postalCode = asText(asObject(location.address)?.postalCode);
  return postalCode && /^\d{5}(?:-?\d{4})?$/.test(postalCode) ? postalCode.slice(0, 5) : undefined;
}

/**
 * Places a Location, given the centres of the ZIPs it may name:
 *
 * - a position within `ZIP_AGREEMENT_KM` of its ZIP's centre is used as is;
 * - a position that only agrees once latitude and longitude trade places was
 *   written the wrong way round (a common export slip) and is used swapped;
 * - a position missing, at the (0, 0) placeholder, out of range, or far from
 *   its ZIP for no reason the data shows gives way to the ZIP's centre,
 *   approximate;
 * - without a known ZIP, a usable position is used as is (nothing can check
 *   it, and a wrong one lands far away, outside any search circle);
 * - with neither, the Location cannot be placed: undefined.
 */
export function placeLocation(location: JsonObject, zipCentres: ReadonlyMap<string, GeoPoint>): Placement | undefined {
  const position = asObject(location.position);
  const lat = asNumber(position?.latitude);
  const lng = asNumber(position?.longitude);
  const placeholder = lat === 0 && lng === 0;
  const stated = lat !== undefined && lng !== undefined && !placeholder ? { lat, lng } : undefined;
  const zip = zipOf(location);
  const centre = zip ? zipCentres.get(zip) : undefined;

  if (!centre) return stated && inRange(stated) ? { point: stated, approximate: false } : undefined;
  if (stated && inRange(stated) && distanceKm(stated, centre) <= ZIP_AGREEMENT_KM) {
    return { point: stated, approximate: false };
  }
  const swapped = stated && { lat: stated.lng, lng: stated.lat };
  if (swapped && inRange(swapped) && distanceKm(swapped, centre) <= ZIP_AGREEMENT_KM) {
    return { point: swapped, approximate: false };
  }
  return { point: centre, approximate: true };
}

function inRange(point: GeoPoint): boolean {
  return Math.abs(point.lat) <= 90 && Math.abs(point.lng) <= 180;
}
