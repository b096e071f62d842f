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

/** `count` fictional clinicians scattered around a point, for clustered maps. */
export function scatteredMatches(count: number, around: GeoPoint = LINCOLN_PARK): Match[] {
  return Array.from({ length: count }, (_, i) => {
    const location = {
      lat: around.lat + (((i * 7919) % 1000) / 1000 - 0.5) * 0.6,
      lng: around.lng + (((i * 104729) % 1000) / 1000 - 0.5) * 0.8,
    };
    return {
      provider: { id: `story-${i}`, name: `Clinician ${i + 1}`, credentials: ['DC'], location },
      distanceKm: distanceKm(around, location),
    };
  });
}

/** Three clinicians of one group practice, at one address. */
export const GROUP_PRACTICE: Match[] = ['Ana Lopez', 'Ben Okafor', 'Carla Nguyen'].map((name, i) => ({
  provider: {
    id: `group-${i}`,
    name,
    credentials: [['DC'], ['PT', 'DPT'], ['DO']][i],
    practice: 'Lincoln Park Spine Collaborative',
    address: { line1: '2400 N Clark St', city: 'Chicago', state: 'IL', postalCode: '60614' },
    location: { lat: 41.9245, lng: -87.6402 },
  },
  distanceKm: 0.9,
}));
