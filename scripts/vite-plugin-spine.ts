/**
 * The Vite plugin that makes `npm start`, Storybook and the builds work with
 * no set-up:
 *
 * - serves the demo directories: `/api/directory` (the JSON protocol), and the
 *   static and FHIR demo routes, and the demo basemap archive (and the basemap
 *   tests' routes, scripts/basemap-routes.ts),
 * - serves the data files (`spine-assets/…`) next to any module that asks,
 * - writes those data files beside the built script, where the finder looks,
 * - rewrites Leaflet's one HTML string run on load, so the drop-in loads on
 *   a page that requires Trusted Types,
 * - says on demo/csp.html that the dev server does not send its policy.
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
import { LEAFLET_MODULE } from './lean-leaflet.js';
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

/**
 * Leaflet tells whether the browser has inline SVG by writing `<svg/>` as
 * HTML when its module loads: on a page that requires Trusted Types that
 * throws, and the map never loads. Appending an SVG element asks the same
 * question with DOM calls only. The build fails if a Leaflet upgrade
 * changes the line, rather than ship the probe again.
 */
const LEAFLET_SVG_PROBE = "div.innerHTML = '<svg/>';";
const DOM_SVG_PROBE = "div.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));";

/** Where demo/csp.html has room for a word from the dev server. */
const DEV_SERVER_NOTE = '<!-- spine-dev-server-note -->';

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
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!context.server || !html.includes(DEV_SERVER_NOTE)) return html;
        return html.replace(
          DEV_SERVER_NOTE,
          `<p class="demo-note"><strong>Without its policy here:</strong> Vite's dev server does not send this page's
          Content-Security-Policy header; only <code>npm run serve:dist</code> does, after <code>npm run build</code>,
          at <code>http://localhost:8080/demo/csp.html</code>.</p>`,
        );
      },
    },
    transform(code, id) {
      if (!LEAFLET_MODULE.test(id)) return undefined;
      if (!code.includes(LEAFLET_SVG_PROBE)) this.error(`Leaflet's inline SVG probe has changed: ${id}`);
      // Same lines, so Leaflet's source map still fits.
      return { code: code.replace(LEAFLET_SVG_PROBE, DOM_SVG_PROBE), map: null };
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
