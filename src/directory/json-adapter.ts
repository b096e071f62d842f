import * as z from 'zod/mini';
import { roundPoint } from '../geo/coordinate-precision.js';
import { distanceKm } from '../geo/distance.js';
import type { DirectoryAdapter, DirectoryPage, DirectorySearch, Match } from './adapter.js';
import { DirectoryError } from './adapter.js';
import type { DirectoryFilters } from './filters.js';
import { DEFAULT_REQUEST_POLICY, fetchJson } from './http.js';
import type { RequestPolicy } from './http.js';
import { DirectoryResponseSchema, parseProviders, warnAboutRejected } from './schema.js';
import { compareMatches } from './sort.js';

/** The protocol version this client speaks (docs/directory-protocol.md). */
export const PROTOCOL_VERSION = 1;

/** A server's own distance for a record, in km, read beside the record. */
const ServerDistanceSchema = z.object({ distance: z.optional(z.number().check(z.gte(0))) });

let warnedAboutVersion = false;

/**
 * The project's own protocol: `GET {endpoint}?lat&lng&radius(km)&limit…`
 * answering `{ providers, total?, next?, version? }`. Filters travel as
 * query parameters and are applied by the server.
 */
export function createJsonAdapter(endpoint: string | URL, policy: Partial<RequestPolicy> = {}): DirectoryAdapter {
  const requestPolicy = { ...DEFAULT_REQUEST_POLICY, ...policy };
  return {
    async search(search, { signal }) {
      const url = searchUrl(endpoint, search, requestPolicy.coordinatePrecisionKm);
      const body = await fetchJson(url, requestPolicy, signal);
      // A server measures from the point it was sent: from a rounded one, its distances are off by as much.
      return toPage(body, search, requestPolicy.coordinatePrecisionKm === 0);
    },
  };
}

/**
 * The request URL for a search, the point snapped to a grid `precisionKm`
 * wide (see `roundPoint`); parameters already in `endpoint` are kept.
 */
export function searchUrl(
  endpoint: string | URL,
  search: DirectorySearch,
  precisionKm = DEFAULT_REQUEST_POLICY.coordinatePrecisionKm,
): URL {
  const url = new URL(endpoint, globalThis.document?.baseURI);
  const params = url.searchParams;
  const point = roundPoint(search.point, precisionKm);
  params.set('lat', point.lat.toFixed(5));
  params.set('lng', point.lng.toFixed(5));
  params.set('radius', String(Math.round(search.radiusKm * 1000) / 1000));
  params.set('limit', String(search.limit));
  params.set('version', String(PROTOCOL_VERSION));
  setFilterParams(params, search.filters);
  if (search.sort && search.sort !== 'distance') params.set('sort', search.sort);
  if (search.cursor) params.set('cursor', search.cursor);
  return url;
}

function setFilterParams(params: URLSearchParams, filters: DirectoryFilters): void {
  if (filters.disciplines?.length) params.set('discipline', filters.disciplines.join(','));
  if (filters.acceptingNewPatients) params.set('accepting', 'true');
  if (filters.telehealth) params.set('telehealth', 'true');
  if (filters.language?.trim()) params.set('language', filters.language.trim());
  if (filters.insurance?.trim()) params.set('insurance', filters.insurance.trim());
  if (filters.query?.trim()) params.set('q', filters.query.trim());
  if (filters.registryParticipant) params.set('registry', 'true');
}

function toPage(body: unknown, search: DirectorySearch, useServerDistance: boolean): DirectoryPage {
  const envelope = DirectoryResponseSchema.safeParse(body);
  if (!envelope.success) {
    throw new DirectoryError('invalid-response', 'The response has no "providers" array');
  }
  const { providers: records, version, total, next } = envelope.data;
  if (version !== undefined && version > PROTOCOL_VERSION && !warnedAboutVersion) {
    warnedAboutVersion = true;
    console.warn(
      `spine-finder: the directory speaks protocol version ${version}; this finder reads version ${PROTOCOL_VERSION} fields only`,
    );
  }
  const { providers, rejected, kept } = parseProviders(records);
  warnAboutRejected(rejected, records.length);
  const matches: Match[] = providers
    .map((provider, i) => {
      const serverDistance = useServerDistance ? ServerDistanceSchema.safeParse(records[kept[i]]) : undefined;
      return {
        provider,
        distanceKm:
          serverDistance?.success && serverDistance.data.distance !== undefined
            ? serverDistance.data.distance
            : distanceKm(search.point, provider.location),
      };
    })
    .sort(compareMatches(search.sort));
  return { matches, total, next: next ?? undefined, dropped: rejected.length };
}
