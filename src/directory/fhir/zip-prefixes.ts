/**
 * Which 3-digit ZIP prefixes a search circle meets, from `geo/zip3.json`
 * (each prefix's bounding box around its ZIPs' centres, built by
 * scripts/geo-assets.ts). Loaded on the first postal-code search, once for
 * every adapter on the page.
 */
import { DATA_REQUEST, getAssetsPath } from '../../assets.js';
import { distanceKm } from '../../geo/distance.js';
import type { GeoPoint } from '../schema.js';
import { sharedLoad } from './shared-load.js';

/** 3-digit prefix -> [minLat, minLng, maxLat, maxLng]. */
export type ZipPrefixBoxes = Readonly<Record<string, readonly [number, number, number, number]>>;

/**
 * The boxes hold ZIP centres, not ZIP areas: an office can lie this far
 * from its ZIP's centre (large rural ZIPs), so a box this close to the
 * circle may still hold a clinician inside it.
 */
const ZIP_AREA_MARGIN_KM = 30;

const loads = new Map<string, (signal: AbortSignal) => Promise<ZipPrefixBoxes>>();

export function loadZipPrefixBoxes(signal: AbortSignal): Promise<ZipPrefixBoxes> {
  const url = new URL('geo/zip3.json', getAssetsPath());
  let load = loads.get(url.href);
  if (!load) {
    load = sharedLoad(async () => {
      const response = await fetch(url, DATA_REQUEST);
      if (!response.ok) throw new Error(`Geo data ${url.pathname} answered ${response.status}`);
      return (await response.json()) as ZipPrefixBoxes;
    });
    loads.set(url.href, load);
  }
  return load(signal);
}

/**
 * The prefixes whose box comes within the radius (plus the ZIP area margin)
 * of the point, sorted. The nearest point of a box is taken as the point
 * clamped into it: on the sphere the true nearest point can be a little
 * closer, by far less than the margin at the radii a person can choose.
 */
export function zipPrefixesNear(boxes: ZipPrefixBoxes, point: GeoPoint, radiusKm: number): string[] {
  const reach = radiusKm + ZIP_AREA_MARGIN_KM;
  return Object.entries(boxes)
    .filter(([, [minLat, minLng, maxLat, maxLng]]) => {
      const nearest = { lat: clamp(point.lat, minLat, maxLat), lng: clamp(point.lng, minLng, maxLng) };
      return distanceKm(point, nearest) <= reach;
    })
    .map(([prefix]) => prefix)
    .sort();
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
