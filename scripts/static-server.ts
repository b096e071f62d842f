/**
 * A plain static file server with the demo directory endpoint: what a host
 * page and a customer's directory look like to the built drop-in, with no
 * Vite in between. Used by `npm run serve:dist` and the page-level tests.
 *
 *   node --import tsx scripts/static-server.ts [port]
 *
 * serves the project folder (so /dist/spine-finder.js and /demo/drop-in.html)
 * and the demo directory at /api/directory, and /demo/csp.html with the
 * strict Content-Security-Policy below.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PMTILES_PATH } from './basemap-routes.js';
import { DEMO_ENDPOINT_PATH, spineMiddleware } from './vite-plugin-spine.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The policy the drop-in is held to (demo/csp.html, test/e2e/csp.e2e.ts):
 * scripts, styles, data and workers from the page's own origin only, images
 * also as data: URLs, no inline script or style, no eval, and HTML written
 * into the page only through the two Trusted Types policies the finder
 * makes: `lit-html` (Lit's templates) and `spine-finder` (its worker
 * scripts). The demo directory is on the same origin, so `connect-src
 * 'self'`; a host names its directory's origin there.
 */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html spine-finder',
].join('; ');

/** The pages served with STRICT_CSP. */
export const STRICT_CSP_PAGES: Readonly<Record<string, Record<string, string>>> = {
  '/demo/csp.html': { 'content-security-policy': STRICT_CSP },
};

export interface RunningServer {
  origin: string;
  close: () => Promise<void>;
}

export interface StaticServerOptions {
  root: string;
  port?: number;
  /** Extra headers on every response (a Content-Security-Policy, say). */
  headers?: Record<string, string>;
  /** Extra headers on some responses, by path (`STRICT_CSP_PAGES`). */
  pageHeaders?: Readonly<Record<string, Record<string, string>>>;
  /** Serve the demo directory endpoint at /api/directory (and the demo vector basemap). */
  endpoint?: boolean;
}

export function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  // No trailing separator, so "inside the root" is one test for every path.
  const root = normalize(options.root).replace(/[\\/]+$/, '');
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const headers = { ...options.headers, ...options.pageHeaders?.[url.pathname] };
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const serveFile = () => sendFile(root, request, response);
    if (options.endpoint) {
      if (url.pathname === DEMO_ENDPOINT_PATH || url.pathname === DEMO_PMTILES_PATH) {
        spineMiddleware(request, response, serveFile);
        return;
      }
    }
    serveFile();
  });
  return listen(server, options.port ?? 0);
}

function sendFile(root: string, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root + sep) && path !== root) {
    response.writeHead(403).end();
    return;
  }
  try {
    if (statSync(path).isDirectory()) path = join(path, 'index.html');
    statSync(path);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    'access-control-allow-origin': '*',
  });
  createReadStream(path).pipe(response);
}

function listen(server: Server, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const port = Number(process.argv[2] ?? 8080);
  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  const running = await startStaticServer({ root: projectRoot, port, endpoint: true, pageHeaders: STRICT_CSP_PAGES });
  console.log(`Drop-in demo: ${running.origin}/demo/drop-in.html`);
  console.log(`Under a strict Content-Security-Policy: ${running.origin}/demo/csp.html`);
}
