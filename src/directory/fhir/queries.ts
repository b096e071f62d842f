/**
 * The search URLs the fhir adapter sends. Both ask for PractitionerRoles
 * with the Practitioner, Location and HealthcareService each refers to, so
 * one Bundle holds everything a page shows.
 */
import type { GeoPoint } from '../schema.js';

/** `{base}/{path}`, whether or not the base ends in a slash; the base's own query is kept. */
export function resourceUrl(base: URL, path: string): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/${path}`;
  return url;
}

export interface PostalCodeQuery {
  /** NUCC codes to name, or undefined to leave specialty to the client. */
  specialtyCodes: readonly string[] | undefined;
  /** 3-digit ZIP prefixes whose area meets the search circle. */
  zipPrefixes: readonly string[];
  count: number;
}

/**
 * The search every Plan-Net server supports:
 *
 *   PractitionerRole?specialty=111N00000X,…&location.address-postalcode=606,607
 *     &_include=PractitionerRole:practitioner&_include=PractitionerRole:location
 *     &_include=PractitionerRole:service&_count=50
 *
 * Comma-separated values are ORed. Specialty codes go without their system:
 * a NUCC code cannot be mistaken for another system's, and naming the
 * system would triple the URL. `address-postalcode` is a string parameter,
 * which FHIR matches by prefix, so 3-digit prefixes stand for every ZIP under
 * them and the URL stays short.
 */
export function postalCodeSearchUrl(base: URL, query: PostalCodeQuery): URL {
  const url = resourceUrl(base, 'PractitionerRole');
  const params = url.searchParams;
  if (query.specialtyCodes) params.set('specialty', query.specialtyCodes.join(','));
  params.set('location.address-postalcode', query.zipPrefixes.join(','));
  params.append('_include', 'PractitionerRole:practitioner');
  params.append('_include', 'PractitionerRole:location');
  params.append('_include', 'PractitionerRole:service');
  params.set('_count', String(query.count));
  return url;
}

/**
 * For a server whose Location supports `near` (R4: latitude|longitude|distance|units):
 *
 *   Location?near=41.92290|-87.64830|40.234|km&_revinclude=PractitionerRole:location
 *     &_include:iterate=PractitionerRole:practitioner&_include:iterate=PractitionerRole:service&_count=50
 *
 * `near` belongs to Location, and Plan-Net allows no chain to it from
 * PractitionerRole (its `location` chains are address, address-postalcode,
 * address-city, address-state, organization and type), so the search starts
 * from Locations and brings the roles at them with `_revinclude`, which
 * Plan-Net servers must support; `:iterate` then brings those roles'
 * Practitioners and services. Specialty is checked in the browser: roles
 * arrive as included resources, which no search parameter narrows. Pages
 * count Locations.
 */
export function nearSearchUrl(base: URL, point: GeoPoint, radiusKm: number, count: number): URL {
  const url = resourceUrl(base, 'Location');
  const params = url.searchParams;
  const radius = Math.round(radiusKm * 1000) / 1000;
  params.set('near', `${point.lat.toFixed(5)}|${point.lng.toFixed(5)}|${radius}|km`);
  params.set('_revinclude', 'PractitionerRole:location');
  params.append('_include:iterate', 'PractitionerRole:practitioner');
  params.append('_include:iterate', 'PractitionerRole:service');
  params.set('_count', String(count));
  return url;
}
