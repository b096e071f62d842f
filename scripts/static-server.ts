/**
 * A plain static file server with the demo directory endpoint: what a host
 * page and a customer's directory look like to the built drop-in, with no
 * Vite in between. Used by `npm run serve:dist` and the page-level tests.
 *
 *   node --import tsx scripts/static-server.ts [port]
 *
 * serves the project folder (so /dist/spine-finder.js and /demo/drop-in.html)
 * and the demo directory at /api/directory.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spineMiddleware } from './vite-plugin-spine.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
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
  /** Serve the demo directory endpoint at /api/directory. */
  endpoint?: boolean;
}

export function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  // No trailing separator, so "inside the root" is one test for every path.
  const root = normalize(options.root).replace(/[\\/]+$/, '');
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) response.setHeader(name, value);
    const serveFile = () => sendFile(root, request, response);
    if (options.endpoint) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/api/directory') {
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
  const running = await startStaticServer({ root: projectRoot, port, endpoint: true });
  console.log(`Drop-in demo: ${running.origin}/demo/drop-in.html`);
}
