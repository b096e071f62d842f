/**
 * From the resources of one search Bundle to the matches of a page: which
 * roles are spine care, which can be placed, which are inside the circle and
 * pass the filters. Pure and synchronous (ZIP centres are looked up before),
 * so garbled input can be thrown at it in tests.
 */
import { distanceKm } from '../../geo/distance.js';
import type { DirectorySearch, Match } from '../adapter.js';
import { matchesFilters } from '../filters.js';
import type { GeoPoint, RejectedRecord } from '../schema.js';
import { parseProviders } from '../schema.js';
import { BundleIndex } from './bundle.js';
import { asText } from './json.js';
import type { JsonObject } from './json.js';
import { placeLocation, zipOf } from './placement.js';
import type { Placement } from './placement.js';
import { spineSpecialtyOf } from './specialties.js';
import { toProviderRecord } from './to-provider.js';
import type { RoleResources } from './to-provider.js';

export interface BundleMatches {
  /** Nearest first, inside the search circle, passing every filter. */
  matches: Match[];
  /** Spine roles left out because they could not be shown, with why. */
  rejected: RejectedRecord[];
  /** How many spine roles the Bundle held (the denominator of `rejected`). */
  roles: number;
}

export interface MappingContext {
  search: DirectorySearch;
  specialties: readonly string[];
  /** The centres of the ZIPs the Bundle's Locations name (see `zipsIn`). */
  zipCentres: ReadonlyMap<string, GeoPoint>;
}

/** The 5-digit ZIPs of the Bundle's Locations, to look up before mapping. */
export function zipsIn(entries: readonly unknown[]): Set<string> {
  const zips = new Set<string>();
  for (const resource of new BundleIndex(entries).resources) {
    const zip = resource.resourceType === 'Location' ? zipOf(resource) : undefined;
    if (zip) zips.add(zip);
  }
  return zips;
}

/**
 * Every spine PractitionerRole of the Bundle as a match, or as a rejected
 * record when its Practitioner or Location is not in the Bundle, no Location
 * can be placed, or the result fails `ProviderSchema`. Roles of other
 * specialties, outside the circle or failing a filter are simply not
 * matches. A role at several Locations is shown once, at the nearest.
 */
export function matchBundle(entries: readonly unknown[], context: MappingContext): BundleMatches {
  const { search, specialties, zipCentres } = context;
  const index = new BundleIndex(entries);
  const rejected: RejectedRecord[] = [];
  const candidates: Array<{ resources: RoleResources; approximate: boolean; index: number; id: string }> = [];
  const seen = new Set<string>();
  let roles = 0;

  index.resources.forEach((role, at) => {
    if (role.resourceType !== 'PractitionerRole') return;
    const specialty = spineSpecialtyOf(role, specialties);
    const id = asText(role.id);
    if (!specialty || (id && seen.has(id))) return;
    roles += 1;
    const reject = (reason: string) => rejected.push({ index: at, reason: `PractitionerRole/${id ?? '?'}: ${reason}` });
    if (!id) return reject('it has no id');
    seen.add(id);

    const practitioner = index.resolve(role.practitioner, 'Practitioner');
    if (!practitioner) return reject('its Practitioner is not in the response');
    const locations = index.resolveAll(role.location, 'Location');
    if (locations.length === 0) return reject('none of its Locations is in the response');
    let nearest: { location: JsonObject; placement: Placement; km: number } | undefined;
    for (const location of locations) {
      const placement = placeLocation(location, zipCentres);
      if (!placement) continue;
      const km = distanceKm(search.point, placement.point);
      if (!nearest || km < nearest.km) nearest = { location, placement, km };
    }
    if (!nearest) return reject('no Location has a usable position or a known ZIP code');

    candidates.push({
      index: at,
      id,
      approximate: nearest.placement.approximate,
      resources: {
        role,
        practitioner,
        location: nearest.location,
        services: index.resolveAll(role.healthcareService, 'HealthcareService'),
        specialty,
        point: nearest.placement.point,
      },
    });
  });

  const parsed = parseProviders(candidates.map((candidate) => toProviderRecord(candidate.resources)));
  for (const { index: at, reason } of parsed.rejected) {
    const candidate = candidates[at];
    rejected.push({ index: candidate.index, reason: `PractitionerRole/${candidate.id}: ${reason}` });
  }
  const matches = parsed.providers
    .map((provider, i): Match => {
      const candidate = candidates[parsed.kept[i]];
      return {
        provider,
        distanceKm: distanceKm(search.point, provider.location),
        ...(candidate.approximate ? { distanceApproximate: true } : {}),
      };
    })
    .filter((match) => match.distanceKm <= search.radiusKm && matchesFilters(match.provider, search.filters))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.provider.id.localeCompare(b.provider.id));
  return { matches, rejected: rejected.sort((a, b) => a.index - b.index), roles };
}
