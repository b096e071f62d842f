import type { Match } from '../directory/adapter.js';

/**
 * One place on the map: an address where one clinician, or a whole group
 * practice, sees patients. Clinicians at the same point (to about a metre)
 * share a site, so a group practice is one marker that opens as a list.
 */
export interface Site {
  lat: number;
  lng: number;
  /** The clinicians here, in the order of the results. */
  matches: Match[];
}

export function groupIntoSites(results: readonly Match[]): Site[] {
  const sites = new Map<string, Site>();
  for (const match of results) {
    const { lat, lng } = match.provider.location;
    const key = `${lat.toFixed(5)},${lng.toFixed(5)}`;
    const site = sites.get(key);
    if (site) site.matches.push(match);
    else sites.set(key, { lat, lng, matches: [match] });
  }
  return [...sites.values()];
}
