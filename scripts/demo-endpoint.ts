/**
 * A directory server speaking the finder's JSON protocol
 * (docs/directory-protocol.md), over an in-memory list of providers. The
 * demo, Storybook and the tests all go through it, so they exercise the same
 * fetch path as a customer's endpoint.
 */
import type { Provider } from '../src/directory/schema.js';
import { distanceKm } from '../src/geo/distance.js';

export interface EndpointResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const MAX_LIMIT = 500;
const MAX_RADIUS_KM = 500;

/** Answers one `GET {endpoint}?lat&lng&radius&limit` request. */
export function answerDirectoryRequest(url: URL, providers: readonly Provider[]): EndpointResponse {
  const params = url.searchParams;
  const lat = Number(params.get('lat'));
  const lng = Number(params.get('lng'));
  const radius = Number(params.get('radius') ?? '40');
  const limit = Number(params.get('limit') ?? '50');
  if (
    !params.has('lat') ||
    !params.has('lng') ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lng) ||
    Math.abs(lat) > 90 ||
    Math.abs(lng) > 180
  ) {
    return json(400, { error: 'lat and lng are required decimal degrees' });
  }
  if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
    return json(400, { error: `radius must be between 0 and ${MAX_RADIUS_KM} km` });
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return json(400, { error: `limit must be a whole number from 1 to ${MAX_LIMIT}` });
  }

  const point = { lat, lng };
  const found = providers
    .map((provider) => ({ provider, distance: distanceKm(point, provider.location) }))
    .filter(({ distance }) => distance <= radius)
    .sort((a, b) => a.distance - b.distance);
  return json(200, {
    version: 1,
    total: found.length,
    providers: found.slice(0, limit).map(({ provider }) => provider),
  });
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
