import type { Match } from '../directory/adapter.js';

/**
 * One place on the map: an address where one clinician, or a whole group
 * practice, sees patients. Clinicians at the same point (to about a metre)
 * share a site, so a group practice is one marker that opens as a list.
 * The grouping itself is done with the clustering (cluster-core.ts).
 */
export interface Site {
  lat: number;
  lng: number;
  /** The clinicians here, in the order of the results. */
  matches: Match[];
}
