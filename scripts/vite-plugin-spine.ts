/**
 * The Vite plugin that makes `npm start`, Storybook and the builds work with
 * no set-up:
 *
 * - serves the demo directories: `/api/directory` (the JSON protocol), and the
 *   static and FHIR demo routes, and the demo basemap archive (and the basemap
 *   tests' routes, scripts/basemap-routes.ts),
 * - serves the data files (`spine-assets/…`) next to any module that asks,
 * - writes those data files beside the built script, where the finder looks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, posix } from 'node:path';
import type { Plugin } from 'vite';
import { BASEMAP_ROUTES } from './basemap-routes.js';
import { getDemoDirectory } from './demo-directory.js';
import { answerDirectoryRequest } from './demo-endpoint.js';
import type { Route } from './demo-routes.js';
import { FHIR_DEMO_ROUTES } from './fhir-server.js';
import { ASSETS_FOLDER, buildGeoAssets, findGeoAsset } from './geo-assets.js';
import { STATIC_DEMO_ROUTES } from './static-demo.js';

export const DEMO_ENDPOINT_PATH = '/api/directory';

const directoryRoute: Route = (url, request, response) => {
  if (url.pathname !== DEMO_ENDPOINT_PATH) return false;
  if (request.method === 'OPTIONS') {
    // A host that adds request headers (an API key) triggers a CORS preflight.
    response.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-max-age': '600',
    });
    response.end();
    return true;
  }
  const answer = answerDirectoryRequest(url, getDemoDirectory(), { includeDistance: true });
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
  return true;
};

const geoAssetRoute: Route = (url, _request, response) => {
  const asset = findGeoAsset(url.pathname);
  if (!asset) return false;
  response.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'public, max-age=3600' });
  response.end(asset.body);
  return true;
};

const ROUTES: readonly Route[] = [
  directoryRoute,
  geoAssetRoute,
  ...STATIC_DEMO_ROUTES,
  ...FHIR_DEMO_ROUTES,
  ...BASEMAP_ROUTES,
];

/** Node middleware for the demo directories and the data files. */
export function spineMiddleware(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!ROUTES.some((route) => route(url, request, response))) next();
}

export function spineFinderPlugin(options: { demoRedirect?: boolean } = {}): Plugin {
  return {
    name: 'spine-finder',
    configureServer(server) {
      if (options.demoRedirect) {
        server.middlewares.use((request, response, next) => {
          if (request.url === '/' || request.url === '/index.html') {
            response.writeHead(302, { location: '/demo/' });
            response.end();
            return;
          }
          next();
        });
      }
      server.middlewares.use(spineMiddleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(spineMiddleware);
    },
    generateBundle(_options, bundle) {
      // The finder finds its data at ./spine-assets/ beside the chunk that
      // holds src/assets.ts, wherever the build put that chunk.
      const owner = Object.values(bundle).find(
        (chunk) => chunk.type === 'chunk' && Object.keys(chunk.modules).some((id) => id.endsWith('/src/assets.ts')),
      );
      if (!owner) return;
      const folder = posix.join(dirname(owner.fileName), ASSETS_FOLDER);
      for (const [path, source] of buildGeoAssets()) {
        this.emitFile({ type: 'asset', fileName: posix.join(folder, path), source });
      }
    },
  };
}
