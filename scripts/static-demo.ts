/**
 * The static-file demo directories (adapter="static"): files as a static
 * web server or CDN would host them.
 *
 * - `/demo-data/providers.json`: the demo directory of `/api/directory`
 *   (3,000 clinicians) as an array of providers,
 * - `/demo-data/providers.geojson`: the same clinicians as a GeoJSON
 *   FeatureCollection,
 * - `/demo-data/national.json`: 100,000 clinicians (about 80 MB), the stress
 *   test of demo/national.html.
 *
 * Each body is built on its first request and kept in memory.
 */
import type { Provider } from '../src/directory/schema.js';
import { generateDemoDirectory, getDemoDirectory } from './demo-directory.js';
import type { Route } from './demo-routes.js';
import { sendJson } from './demo-routes.js';

const NATIONAL_DIRECTORY_SIZE = 100_000;

/** The data never changes while the server runs: let the browser keep it, as a CDN would. */
const CACHE_HEADERS = { 'cache-control': 'public, max-age=3600' };

const bodies = new Map<string, string>();

function asFeatureCollection(providers: readonly Provider[]) {
  return {
    type: 'FeatureCollection',
    features: providers.map(({ location, ...properties }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [location.lng, location.lat] },
      properties,
    })),
  };
}

const FILES: Record<string, { contentType: string; body: () => string }> = {
  '/demo-data/providers.json': {
    contentType: 'application/json',
    body: () => JSON.stringify(getDemoDirectory()),
  },
  '/demo-data/providers.geojson': {
    contentType: 'application/geo+json',
    body: () => JSON.stringify(asFeatureCollection(getDemoDirectory())),
  },
  '/demo-data/national.json': {
    contentType: 'application/json',
    body: () => JSON.stringify(generateDemoDirectory({ count: NATIONAL_DIRECTORY_SIZE })),
  },
};

const staticFileRoute: Route = (url, _request, response) => {
  const file = FILES[url.pathname];
  if (!file) return false;
  const body = bodies.get(url.pathname) ?? file.body();
  bodies.set(url.pathname, body);
  sendJson(response, 200, body, { 'content-type': `${file.contentType}; charset=utf-8`, ...CACHE_HEADERS });
  return true;
};

/** Routes for the static-file demo directory (adapter="static"). */
export const STATIC_DEMO_ROUTES: Route[] = [staticFileRoute];
