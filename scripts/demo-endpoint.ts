/**
 * A directory server speaking the finder's JSON protocol
 * (docs/directory-protocol.md), over an in-memory list of providers. The
 * demo, Storybook and the tests all go through it, so they exercise the same
 * fetch path as a customer's endpoint. It is a reference for implementers
 * too: filters, paging and errors as the protocol describes them.
 */
import type { DirectoryFilters } from '../src/directory/filters.js';
import { matchesFilters, SORT_ORDERS } from '../src/directory/filters.js';
import type { SortOrder } from '../src/directory/filters.js';
import { compareMatches } from '../src/directory/sort.js';
import type { Discipline, Provider } from '../src/directory/schema.js';
import { DISCIPLINES } from '../src/directory/schema.js';
import { distanceKm } from '../src/geo/distance.js';

export interface EndpointResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface EndpointOptions {
  /** Send each record's distance (km) from the search point, as servers may. */
  includeDistance?: boolean;
}

const MAX_LIMIT = 500;
const MAX_RADIUS_KM = 500;

/** Answers one `GET {endpoint}?lat&lng&radius&limit&…` request. */
export function answerDirectoryRequest(
  url: URL,
  providers: readonly Provider[],
  options: EndpointOptions = {},
): EndpointResponse {
  const params = url.searchParams;
  const lat = Number(params.get('lat'));
  const lng = Number(params.get('lng'));
  const radius = Number(params.get('radius') ?? '40');
  const limit = Number(params.get('limit') ?? '50');
  if (!params.has('lat') || !params.has('lng') || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) {
    return json(400, { error: 'lat and lng are required decimal degrees' });
  }
  if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
    return json(400, { error: `radius must be between 0 and ${MAX_RADIUS_KM} km` });
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return json(400, { error: `limit must be a whole number from 1 to ${MAX_LIMIT}` });
  }
  const filters = readFilters(params);
  if (typeof filters === 'string') return json(400, { error: filters });
  const offset = readCursor(params.get('cursor'));
  if (offset === undefined) return json(400, { error: 'cursor is not one this server gave' });

  const sort = params.get('sort') ?? 'distance';
  if (!(SORT_ORDERS as readonly string[]).includes(sort)) {
    return json(400, { error: `sort must be one of ${SORT_ORDERS.join(', ')}` });
  }
  const point = { lat, lng };
  const found = providers
    .filter((provider) => matchesFilters(provider, filters))
    .map((provider) => ({ provider, distanceKm: distanceKm(point, provider.location) }))
    .filter(({ distanceKm }) => distanceKm <= radius)
    .sort(compareMatches(sort as SortOrder));
  const page = found.slice(offset, offset + limit);
  const end = offset + page.length;
  return json(200, {
    version: 1,
    total: found.length,
    providers: page.map(({ provider, distanceKm }) =>
      options.includeDistance ? { ...provider, distance: Math.round(distanceKm * 1000) / 1000 } : provider,
    ),
    ...(end < found.length ? { next: writeCursor(end) } : {}),
  });
}

/** The filters of a request, or what is wrong with them. */
function readFilters(params: URLSearchParams): DirectoryFilters | string {
  const filters: DirectoryFilters = {};
  const disciplines = params.get('discipline');
  if (disciplines) {
    const list = disciplines.split(',').map((value) => value.trim());
    const unknown = list.filter((value) => !(DISCIPLINES as readonly string[]).includes(value));
    if (unknown.length) return `unknown discipline: ${unknown.join(', ')}`;
    filters.disciplines = list as Discipline[];
  }
  if (params.get('accepting') === 'true') filters.acceptingNewPatients = true;
  if (params.get('telehealth') === 'true') filters.telehealth = true;
  if (params.get('registry') === 'true') filters.registryParticipant = true;
  const text = { language: 'language', insurance: 'insurance', query: 'q' } as const;
  for (const [field, param] of Object.entries(text) as Array<[keyof typeof text, string]>) {
    const value = params.get(param)?.trim();
    if (value) filters[field] = value;
  }
  return filters;
}

/** Cursors are opaque to clients; this server happens to encode an offset. */
function writeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function readCursor(cursor: string | null): number | undefined {
  if (!cursor) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : undefined;
}

function json(status: number, body: unknown): EndpointResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    },
    body: JSON.stringify(body),
  };
}
