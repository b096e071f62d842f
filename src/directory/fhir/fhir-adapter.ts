/**
 * `adapter="fhir"`: reads a FHIR R4 provider directory that follows the
 * Da Vinci PDex Plan-Net guide, as payers publish under the CMS
 * interoperability rule. The endpoint is the server's base URL.
 *
 * A search reads the CapabilityStatement (once), asks for the spine-care
 * PractitionerRoles around the point (see queries.ts for the two query
 * forms and when each is used), maps each role with its Practitioner,
 * Location and services to a Provider, and keeps those inside the circle
 * that pass the filters, nearest first.
 *
 * Paging follows the server's Bundle `next` links: a page's `next` cursor is
 * the link itself, and only links on the base URL's origin are followed, so
 * a directory can never send the browser elsewhere.
 */
import { getAssetsPath } from '../../assets.js';
import { roundPoint } from '../../geo/coordinate-precision.js';
import { createOfflineGeocoder } from '../../geo/geocoder.js';
import { compareMatches } from '../sort.js';
import type { Geocoder } from '../../geo/geocoder.js';
import type { DirectoryAdapter, DirectorySearch, Match } from '../adapter.js';
import { DirectoryError } from '../adapter.js';
import { DEFAULT_REQUEST_POLICY, fetchJson } from '../http.js';
import type { RequestPolicy } from '../http.js';
import type { GeoPoint, RejectedRecord } from '../schema.js';
import { warnAboutRejected } from '../schema.js';
import { readSearchBundle } from './bundle.js';
import { fetchCapabilities } from './capabilities.js';
import { matchBundle, zipsIn } from './map-bundle.js';
import { nearSearchUrl, postalCodeSearchUrl } from './queries.js';
import { sharedLoad } from './shared-load.js';
import { DEFAULT_SPECIALTIES, specialtyQueryCodes } from './specialties.js';
import { loadZipPrefixBoxes, zipPrefixesNear } from './zip-prefixes.js';

export interface FhirAdapterOptions extends Partial<RequestPolicy> {
  /**
   * NUCC taxonomy codes or code prefixes of the roles to list. Defaults to
   * chiropractors (111N), physical therapists (2251) and osteopathic
   * manipulative medicine (204D00000X).
   */
  specialties?: readonly string[];
}

/**
 * A Bundle whose roles all fall outside the circle (a postal-code search
 * reaches beyond it) is read through to the next one, up to this many per
 * page, so a person is not shown "nothing found" while more may follow.
 */
const MAX_BUNDLES_PER_PAGE = 5;

export function createFhirAdapter(baseUrl: string | URL, options: FhirAdapterOptions = {}): DirectoryAdapter {
  const { specialties = DEFAULT_SPECIALTIES, ...policy } = options;
  const requestPolicy: RequestPolicy = { ...DEFAULT_REQUEST_POLICY, ...policy };
  const base = new URL(baseUrl, globalThis.document?.baseURI);
  const capabilities = sharedLoad(() => fetchCapabilities(base, requestPolicy));
  let geocoder: Geocoder | undefined;

  /** The URL of the first Bundle of a search, or undefined when nothing can match. */
  async function firstSearchUrl(search: DirectorySearch, signal: AbortSignal): Promise<URL | undefined> {
    if ((await capabilities(signal)).locationNear) {
      const point = roundPoint(search.point, requestPolicy.coordinatePrecisionKm);
      return nearSearchUrl(base, point, search.radiusKm, search.limit);
    }
    const specialtyCodes = specialtyQueryCodes(specialties, search.filters.disciplines);
    if (specialtyCodes?.length === 0) return undefined;
    const zipPrefixes = zipPrefixesNear(await loadZipPrefixBoxes(signal), search.point, search.radiusKm);
    if (zipPrefixes.length === 0) return undefined;
    return postalCodeSearchUrl(base, { specialtyCodes, zipPrefixes, count: search.limit });
  }

  /** Made at the first search, so a host's `setAssetsPath()` after creating the adapter still counts. */
  function zipGeocoder(): Geocoder {
    return (geocoder ??= createOfflineGeocoder(new URL('geo/', getAssetsPath())));
  }

  async function zipCentres(zips: Iterable<string>, signal: AbortSignal): Promise<Map<string, GeoPoint>> {
    const lookUp = zipGeocoder();
    const found = await Promise.all(
      [...zips].map(async (zip) => {
        const result = await lookUp(zip, { signal });
        return result.status === 'found' ? ([zip, result.place.point] as const) : undefined;
      }),
    );
    return new Map(found.filter((entry) => entry !== undefined));
  }

  return {
    async search(search, { signal }) {
      signal.throwIfAborted();
      let url = search.cursor ? cursorUrl(search.cursor, base) : await firstSearchUrl(search, signal);
      if (!url) return { matches: [], total: 0, dropped: 0 };
      const matches: Match[] = [];
      const rejected: RejectedRecord[] = [];
      let roles = 0;
      let next: URL | undefined;
      for (let read = 1; ; read++) {
        const bundle = readSearchBundle(await fetchJson(url, requestPolicy, signal), url);
        const mapped = matchBundle(bundle.entries, {
          search,
          specialties,
          zipCentres: await zipCentres(zipsIn(bundle.entries), signal),
        });
        matches.push(...mapped.matches);
        rejected.push(...mapped.rejected);
        roles += mapped.roles;
        next = bundle.next && followable(bundle.next, base);
        if (matches.length > 0 || !next || read === MAX_BUNDLES_PER_PAGE) break;
        url = next;
      }
      warnAboutRejected(rejected, roles);
      return {
        // FHIR cannot sort by distance, name or outcome: each page is put in order here.
        matches: matches.sort(compareMatches(search.sort)),
        // Only a search read whole from its start knows how many match.
        total: !search.cursor && !next ? matches.length : undefined,
        next: next?.href,
        dropped: rejected.length,
      };
    },
  };
}

/** A next link, if it stays on the directory's origin. */
function followable(link: URL, base: URL): URL | undefined {
  if (link.origin === base.origin) return link;
  console.warn(`spine-finder: not following the directory's next-page link to another origin (${link.origin})`);
  return undefined;
}

/** A cursor is a next link this adapter handed out: anything else is refused. */
function cursorUrl(cursor: string, base: URL): URL {
  let url: URL | undefined;
  try {
    url = new URL(cursor);
  } catch {
    url = undefined;
  }
  if (url?.origin !== base.origin) {
    throw new DirectoryError('invalid-response', `The page cursor is not a link into ${base.origin}`);
  }
  return url;
}
