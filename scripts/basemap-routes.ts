/**
 * Routes for basemaps other than the offline one, for the demo and the
 * browser tests:
 *
 * - `/demo-data/us.pmtiles`: the demo PMTiles archive (scripts/make-pmtiles.ts), made on first request,
 *   served as a static file server serves it: with HTTP Range requests (a PMTiles reader reads nothing else)
 * - `/test-basemap/tiles/{key}/{z}/{x}/{y}.png`: a raster tile (a plain PNG), recording each request
 * - `/test-basemap/tiles/fail/{z}/{x}/{y}.png`: a tile server that is down: 503 for every tile
 * - `/test-basemap/pmtiles/{key}/us.pmtiles`: the demo archive, recording each request
 * - `/test-basemap/pmtiles-broken/{key}/us.pmtiles`: the demo archive whose tiles cannot be read: the first
 *   fetch and the metadata are answered, every range in the tile data gets a 503
 * - `/test-basemap/not-an-archive/{key}/us.pmtiles`: an HTML page, as a misconfigured server sends
 * - `/test-basemap/recorded/{key}`: the requests recorded for a key, as JSON `[{ path, range, referer }]`
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';
import type { Route } from './demo-routes.js';
import { getUsPmtiles } from './make-pmtiles.js';

export const DEMO_PMTILES_PATH = '/demo-data/us.pmtiles';

const PMTILES_HEADERS = {
  'content-type': 'application/vnd.pmtiles',
  'access-control-allow-origin': '*',
  'cache-control': 'public, max-age=3600',
};

/** A single byte range, inclusive, resolved against a body's size. */
export type ByteRange = { start: number; end: number } | 'unsatisfiable';

/**
 * The range a `Range` header asks for, or undefined to send the whole body:
 * no header, or one this server does not serve (several ranges, another
 * unit, a malformed one), which HTTP lets a server ignore.
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (!match[1] && !match[2])) return undefined;
  if (!match[1]) {
    // bytes=-n: the last n bytes.
    const suffix = Number(match[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : size - 1;
  if (end < start) return undefined;
  return start >= size ? 'unsatisfiable' : { start, end: Math.min(end, size - 1) };
}

/** Answers a GET or HEAD for a binary body, honouring a single byte range. */
export function sendBytes(
  request: IncomingMessage,
  response: ServerResponse,
  body: Uint8Array,
  headers: Record<string, string>,
): void {
  const range = parseByteRange(request.headers.range, body.length);
  const common = { ...headers, 'accept-ranges': 'bytes' };
  if (range === 'unsatisfiable') {
    response.writeHead(416, { ...common, 'content-range': `bytes */${body.length}` }).end();
    return;
  }
  const part = range ? body.subarray(range.start, range.end + 1) : body;
  response.writeHead(range ? 206 : 200, {
    ...common,
    'content-length': String(part.length),
    ...(range ? { 'content-range': `bytes ${range.start}-${range.end}/${body.length}` } : {}),
  });
  response.end(request.method === 'HEAD' ? undefined : part);
}

const demoArchiveRoute: Route = (url, request, response) => {
  if (url.pathname !== DEMO_PMTILES_PATH) return false;
  sendBytes(request, response, getUsPmtiles(), PMTILES_HEADERS);
  return true;
};

interface RecordedRequest {
  path: string;
  range: string | null;
  referer: string | null;
}

const recorded = new Map<string, RecordedRequest[]>();

function record(key: string, url: URL, request: IncomingMessage): void {
  const requests = recorded.get(key) ?? [];
  requests.push({ path: url.pathname, range: request.headers.range ?? null, referer: request.headers.referer ?? null });
  recorded.set(key, requests);
}

const TEST_ROUTE = /^\/test-basemap\/([\w-]+)\/([\w-]+)(\/.*)?$/;

const testRoute: Route = (url, request, response) => {
  const match = TEST_ROUTE.exec(url.pathname);
  if (!match) return false;
  const [, kind, key, rest = ''] = match;
  const noStore = { 'cache-control': 'no-store' };
  if (kind === 'recorded') {
    response.writeHead(200, { 'content-type': 'application/json', ...noStore });
    response.end(JSON.stringify(recorded.get(key) ?? []));
  } else if (kind === 'tiles' && key === 'fail') {
    response.writeHead(503, { 'content-type': 'text/plain', ...noStore }).end('Tile server unavailable');
  } else if (kind === 'tiles' && /^\/\d+\/\d+\/\d+\.png$/.test(rest)) {
    record(key, url, request);
    response.writeHead(200, { 'content-type': 'image/png', ...noStore }).end(tilePng());
  } else if (kind === 'pmtiles' && rest === '/us.pmtiles') {
    record(key, url, request);
    sendBytes(request, response, getUsPmtiles(), { ...PMTILES_HEADERS, ...noStore });
  } else if (kind === 'pmtiles-broken' && rest === '/us.pmtiles') {
    record(key, url, request);
    const archive = getUsPmtiles();
    const range = parseByteRange(request.headers.range, archive.length);
    const tileData = Number(new DataView(archive.buffer, archive.byteOffset).getBigUint64(56, true));
    if (range && range !== 'unsatisfiable' && (range.start === 0 || range.end < tileData)) {
      sendBytes(request, response, getUsPmtiles(), { ...PMTILES_HEADERS, ...noStore });
    } else {
      response.writeHead(503, { 'content-type': 'text/plain', ...noStore }).end('Archive unavailable');
    }
  } else if (kind === 'not-an-archive' && rest === '/us.pmtiles') {
    record(key, url, request);
    response.writeHead(200, { 'content-type': 'text/html', ...noStore }).end('<html><body>Maintenance</body></html>');
  } else {
    return false;
  }
  return true;
};

/** Routes for the demo archive and the basemap tests. */
export const BASEMAP_ROUTES: Route[] = [demoArchiveRoute, testRoute];

let png: Buffer | undefined;

/** A 256 × 256 tile of one light grey, as a PNG. */
function tilePng(): Buffer {
  if (png) return png;
  const size = 256;
  // Each row: filter type 0, then size grey pixels (colour type 0, 8 bits).
  const rows = Buffer.alloc((size + 1) * size, 0xe8);
  for (let row = 0; row < size; row++) rows[row * (size + 1)] = 0;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 0, 0, 0, 0], 8);
  png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return png;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}
