/**
 * The static-file demo directories (adapter="static"): files as a static
 * web server or CDN would host them.
 *
 * - `/demo-data/providers.json`: the demo directory of `/api/directory`
 *   (3,000 clinicians) as an array of providers,
 * - `/demo-data/providers.geojson`: the same clinicians as a GeoJSON
 *   FeatureCollection,
 * - `/demo-data/national/manifest.json` and `/demo-data/national/shards/…`:
 *   100,000 clinicians (about 80 MB in one file) as a sharded directory, built
 *   by the code of `spine-finder directory build`: the stress test of
 *   demo/national.html, which reads only the shards near each search.
 *
 * Each body is built on its first request and kept in memory; the national
 * directory is built whole on the first request for any of its files (a few
 * seconds), the same bytes every time.
 */
import { shardDirectory } from '../src/cli/build.js';
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
};

const NATIONAL_DIRECTORY = '/demo-data/national/';
/** A fixed build date, so the demo directory is the same bytes on every machine. */
const NATIONAL_BUILT = new Date('2026-01-01T00:00:00Z');
let nationalFiles: Map<string, string> | undefined;

/** The national demo directory's files, by path in its folder. */
export function nationalDirectoryFiles(): Map<string, string> {
  nationalFiles ??= shardDirectory(generateDemoDirectory({ count: NATIONAL_DIRECTORY_SIZE }), {
    built: NATIONAL_BUILT,
  }).files;
  return nationalFiles;
}

const nationalDirectoryRoute: Route = (url, _request, response) => {
  if (!url.pathname.startsWith(NATIONAL_DIRECTORY)) return false;
  const body = nationalDirectoryFiles().get(url.pathname.slice(NATIONAL_DIRECTORY.length));
  if (body === undefined) {
    sendJson(response, 404, { error: 'no such file' });
    return true;
  }
  // The manifest may change with the data; a shard's name carries its hash, so it never does.
  const caching = url.pathname.endsWith('/manifest.json')
    ? CACHE_HEADERS
    : { 'cache-control': 'public, max-age=31536000, immutable' };
  sendJson(response, 200, body, caching);
  return true;
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
export const STATIC_DEMO_ROUTES: Route[] = [staticFileRoute, nationalDirectoryRoute];
