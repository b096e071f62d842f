/**
 * Endpoints the browser tests call on the test runner's own server, under
 * `/test-api/`. Each answers like a real directory would, well or badly, so
 * the tests cross a real network boundary instead of stubbing fetch.
 *
 * - `/test-api/directory?…`: a small fixed directory (demo/data/sample-providers.ts)
 * - `/test-api/mixed?…`: the fixed directory plus records that fail validation
 * - `/test-api/status/{code}`: that HTTP status with a JSON error body
 * - `/test-api/not-json`, `/test-api/truncated`, `/test-api/wrong-shape`
 * - `/test-api/slow/{ms}?…`: the fixed directory after a delay
 * - `/test-api/flaky/{key}?failures=n&fault=f&status=s&…`: a fault on the first n requests for a key
 *   (default 1), then the fixed directory. Faults: `status` (HTTP s, default 503), `not-json`,
 *   `truncated`, `wrong-shape`, `wrong-types` (the envelope's fields of the wrong types), `hang`
 *   (never answers), `endless` (a body of records that never ends), `huge-declared` (a Content-Length
 *   of a gigabyte, then a trickle)
 * - `/test-api/busy/{key}?failures=n&retry-after=s&…`: 429 with Retry-After on the first n requests for a key
 * - `/test-api/sharded/{key}/{failures}/manifest.json` and its shards: test/fixtures/sharded/providers/,
 *   the first `failures` requests of each shard for a key answered 503
 * - `/test-api/requests/{key}`: how many requests `/test-api/flaky/{key}`, `/busy/{key}` or `/sharded/{key}` has seen
 * - `/test-api/record/{key}?…`: the fixed directory, remembering the request's headers and query
 * - `/test-api/recorded/{key}`: the headers `/test-api/record/{key}` last received;
 *   `/test-api/recorded/{key}/query`: its query parameters
 * - `POST /test-api/stash/{key}` keeps a body; `GET /test-api/stash/{key}?…` answers with it as JSON
 * - `/test-api/gate/{key}?…`: the fixed directory, held until `POST /test-api/gate/{key}/open`;
 *   `/test-api/gate/{key}/log` says how many requests it has `received`, `answered`, and seen
 *   `aborted` by the browser before their answer
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SAMPLE_PROVIDERS } from '../demo/data/sample-providers.js';
import { answerDirectoryRequest } from './demo-endpoint.js';

const INVALID_RECORDS = [
  { id: 'bad-1', name: 'No Location' },
  { id: 'bad-2', name: 'Bad Latitude', location: { lat: 123, lng: -87.6 } },
  { name: 'No Id', location: { lat: 41.92, lng: -87.64 } },
  'not even an object',
];

const requestCounts = new Map<string, number>();
const recordedHeaders = new Map<string, Record<string, unknown>>();
const recordedQueries = new Map<string, Record<string, string>>();
const stashedBodies = new Map<string, string>();

interface Gate {
  open: boolean;
  waiting: Array<() => void>;
  log: { received: number; answered: number; aborted: number };
}
const gates = new Map<string, Gate>();

function gateFor(key: string): Gate {
  let gate = gates.get(key);
  if (!gate) {
    gate = { open: false, waiting: [], log: { received: 0, answered: 0, aborted: 0 } };
    gates.set(key, gate);
  }
  return gate;
}

/** One valid record, written again and again by the `endless` fault. */
const ENDLESS_RECORD = JSON.stringify({ ...SAMPLE_PROVIDERS[0], id: 'endless' });

function send(response: ServerResponse, status: number, body: string, type = 'application/json'): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function answerWithFault(
  fault: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
  goodBody: string,
): void {
  switch (fault) {
    case 'not-json':
      send(response, 200, '<html><body>Maintenance</body></html>', 'text/html');
      return;
    case 'truncated':
      send(response, 200, goodBody.slice(0, 120));
      return;
    case 'wrong-shape':
      send(response, 200, JSON.stringify({ results: [] }));
      return;
    case 'wrong-types':
      send(response, 200, JSON.stringify({ version: '1', providers: { 0: SAMPLE_PROVIDERS[0] }, total: 'many' }));
      return;
    case 'endless': {
      // Chunked, with no length: records for as long as the client reads.
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.write('{"providers":[');
      const chunk = `${`${ENDLESS_RECORD},`.repeat(256)}`;
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      request.on('close', () => response.destroy());
      pump();
      return;
    }
    case 'huge-declared': {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 ** 30) });
      response.write('{"providers":[');
      const trickle = setInterval(() => response.write(' '), 200);
      request.on('close', () => {
        clearInterval(trickle);
        response.destroy();
      });
      return;
    }
    case 'hang':
      // Holds the request open until the client gives up.
      request.on('close', () => response.destroy());
      return;
    default:
      send(response, Number(url.searchParams.get('status') ?? '503'), JSON.stringify({ error: 'try later' }));
  }
}

export function testEndpointsMiddleware(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (!path.startsWith('/test-api/')) {
    next();
    return;
  }
  const directory = () => answerDirectoryRequest(url, SAMPLE_PROVIDERS);

  if (path === '/test-api/directory') {
    const answer = directory();
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
    return;
  }
  if (path === '/test-api/mixed') {
    const answer = JSON.parse(directory().body) as { providers: unknown[] };
    answer.providers = [...INVALID_RECORDS, ...answer.providers];
    send(response, 200, JSON.stringify(answer));
    return;
  }
  const status = /^\/test-api\/status\/(\d{3})$/.exec(path);
  if (status) {
    send(response, Number(status[1]), JSON.stringify({ error: 'test error' }));
    return;
  }
  if (path === '/test-api/not-json') {
    send(response, 200, '<html><body>Maintenance</body></html>', 'text/html');
    return;
  }
  if (path === '/test-api/truncated') {
    send(response, 200, directory().body.slice(0, 120));
    return;
  }
  if (path === '/test-api/wrong-shape') {
    send(response, 200, JSON.stringify({ results: SAMPLE_PROVIDERS }));
    return;
  }
  const slow = /^\/test-api\/slow\/(\d+)$/.exec(path);
  if (slow) {
    const timer = setTimeout(() => {
      const answer = directory();
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    }, Number(slow[1]));
    request.on('close', () => clearTimeout(timer));
    return;
  }
  const flaky = /^\/test-api\/flaky\/([\w-]+)$/.exec(path);
  if (flaky) {
    const count = (requestCounts.get(flaky[1]) ?? 0) + 1;
    requestCounts.set(flaky[1], count);
    if (count <= Number(url.searchParams.get('failures') ?? '1')) {
      answerWithFault(url.searchParams.get('fault') ?? 'status', url, request, response, directory().body);
      return;
    }
    const answer = directory();
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
    return;
  }
  const busy = /^\/test-api\/busy\/([\w-]+)$/.exec(path);
  if (busy) {
    const count = (requestCounts.get(busy[1]) ?? 0) + 1;
    requestCounts.set(busy[1], count);
    if (count <= Number(url.searchParams.get('failures') ?? '1')) {
      response.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': url.searchParams.get('retry-after') ?? '1',
      });
      response.end(JSON.stringify({ error: 'slow down' }));
      return;
    }
    const answer = directory();
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
    return;
  }
  const record = /^\/test-api\/record\/([\w-]+)$/.exec(path);
  if (record) {
    recordedHeaders.set(record[1], { ...request.headers });
    recordedQueries.set(record[1], Object.fromEntries(url.searchParams));
    const answer = directory();
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
    return;
  }
  const recorded = /^\/test-api\/recorded\/([\w-]+)(\/query)?$/.exec(path);
  if (recorded) {
    const seen = recorded[2] ? recordedQueries : recordedHeaders;
    send(response, 200, JSON.stringify(seen.get(recorded[1]) ?? null));
    return;
  }
  const stash = /^\/test-api\/stash\/([\w-]+)$/.exec(path);
  if (stash && request.method === 'POST') {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      stashedBodies.set(stash[1], Buffer.concat(chunks).toString('utf8'));
      send(response, 204, '');
    });
    return;
  }
  if (stash) {
    send(response, 200, stashedBodies.get(stash[1]) ?? '');
    return;
  }
  const gate = /^\/test-api\/gate\/([\w-]+)(\/open|\/log)?$/.exec(path);
  if (gate) {
    answerGate(gateFor(gate[1]), gate[2], response, directory);
    return;
  }
  const sharded = /^\/test-api\/sharded\/([\w-]+)\/(\d+)\/(manifest\.json|shards\/[\w.-]+\.json)$/.exec(path);
  if (sharded) {
    answerShardedDirectory(sharded[1], Number(sharded[2]), sharded[3], response);
    return;
  }
  const counted = /^\/test-api\/requests\/([\w-]+)$/.exec(path);
  if (counted) {
    send(response, 200, JSON.stringify({ count: requestCounts.get(counted[1]) ?? 0 }));
    return;
  }
  send(response, 404, JSON.stringify({ error: 'no such test endpoint' }));
}

const SHARDED_FIXTURE = new URL('../test/fixtures/sharded/providers/', import.meta.url);

/**
 * The sharded test directory, with the first `failures` requests of each
 * shard for a key answered 503, and every request counted under the key.
 */
function answerShardedDirectory(key: string, failures: number, file: string, response: ServerResponse): void {
  requestCounts.set(key, (requestCounts.get(key) ?? 0) + 1);
  const count = (requestCounts.get(`${key}/${file}`) ?? 0) + 1;
  requestCounts.set(`${key}/${file}`, count);
  if (file !== 'manifest.json' && count <= failures) {
    send(response, 503, JSON.stringify({ error: 'try later' }));
    return;
  }
  try {
    send(response, 200, readFileSync(new URL(file, SHARDED_FIXTURE), 'utf8'));
  } catch {
    send(response, 404, JSON.stringify({ error: 'no such file' }));
  }
}

/** A directory request held until the test opens the gate, or the browser gives up on it. */
function answerGate(
  gate: Gate,
  action: string | undefined,
  response: ServerResponse,
  directory: () => { status: number; headers: Record<string, string>; body: string },
): void {
  if (action === '/open') {
    gate.open = true;
    for (const release of gate.waiting.splice(0)) release();
    send(response, 204, '');
    return;
  }
  if (action === '/log') {
    send(response, 200, JSON.stringify(gate.log));
    return;
  }
  gate.log.received++;
  let settled = false;
  const release = () => {
    if (settled) return;
    settled = true;
    gate.log.answered++;
    const answer = directory();
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  };
  // 'close' on the response before it was answered: the browser aborted the request.
  response.on('close', () => {
    if (settled) return;
    settled = true;
    gate.log.aborted++;
  });
  if (gate.open) release();
  else gate.waiting.push(release);
}
