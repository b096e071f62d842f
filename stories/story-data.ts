import { SAMPLE_PROVIDERS } from '../demo/data/sample-providers.js';
import type { Match } from '../src/directory/adapter.js';
import type { GeoPoint } from '../src/directory/schema.js';
import { distanceKm } from '../src/geo/distance.js';

/** ZIP 60614 (Lincoln Park, Chicago), where the sample clinicians are. */
export const LINCOLN_PARK: GeoPoint = { lat: 41.9229, lng: -87.6483 };

/** The sample clinicians as a search from 60614 would return them. */
export const SAMPLE_MATCHES: Match[] = SAMPLE_PROVIDERS.map((provider) => ({
  provider,
  distanceKm: distanceKm(LINCOLN_PARK, provider.location),
})).sort((a, b) => a.distanceKm - b.distanceKm);
