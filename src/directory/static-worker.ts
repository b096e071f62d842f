/**
 * The static adapter's worker: fetches the directory file, parses, validates
 * and indexes it off the main thread, then answers searches from the index.
 * One worker serves one adapter; see static-adapter.ts for its lifetime.
 *
 * It fetches the file itself, with `fetchJson` and the adapter's request
 * policy, rather than being handed the bytes: the 20+ MB body then never
 * crosses threads and `JSON.parse` never runs on the main thread, while the
 * timeouts, retries, headers and `credentials` are those of every other
 * request. The worker is created only from the page's own origin, so the
 * request leaves from that origin and CORS sees what it would see from the
 * page.
 */
import type { DirectoryErrorKind, DirectorySearch } from './adapter.js';
import { DirectoryError } from './adapter.js';
import { fetchJson } from './http.js';
import type { RequestPolicy } from './http.js';
import type { RejectedRecord } from './schema.js';
import { buildStaticIndex, searchStaticIndex } from './static-index.js';
import type { StaticIndex, StaticPage } from './static-index.js';

/** The calls the worker answers: what each one sends and what comes back. */
export interface StaticWorkerCalls {
  /** Fetch, validate and index the file; once per worker. */
  load: { args: { url: string; policy: RequestPolicy }; result: { recordCount: number; rejected: RejectedRecord[] } };
  /** One page of a search of the loaded file. */
  search: { args: DirectorySearch; result: StaticPage };
}

export type StaticWorkerCall = keyof StaticWorkerCalls;

/** A call as posted to the worker; its reply repeats the id. */
export type StaticWorkerRequest = {
  [Call in StaticWorkerCall]: { id: number; call: Call; args: StaticWorkerCalls[Call]['args'] };
}[StaticWorkerCall];

/** What the worker posts: `ready` once, unasked, when it has started; then one reply per request. */
export type StaticWorkerReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: StaticWorkerCalls[StaticWorkerCall]['result'] }
  | { type: 'failed'; id: number; error: TransferredError };

/** An error as it crosses threads: a `DirectoryError` keeps its kind and status. */
export interface TransferredError {
  message: string;
  kind?: DirectoryErrorKind;
  status?: number;
}

/** The parts of a dedicated worker's global scope used here (the DOM lib does not describe workers). */
interface WorkerScope {
  postMessage(reply: StaticWorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<StaticWorkerRequest>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
let index: StaticIndex | undefined;

scope.addEventListener('message', ({ data: request }) => {
  answer(request).then(
    (result) => scope.postMessage({ type: 'done', id: request.id, result }),
    (error: unknown) => scope.postMessage({ type: 'failed', id: request.id, error: transferableError(error) }),
  );
});
scope.postMessage({ type: 'ready' });

function answer(request: StaticWorkerRequest): Promise<StaticWorkerCalls[StaticWorkerCall]['result']> {
  switch (request.call) {
    case 'load':
      return load(request.args);
    case 'search':
      return search(request.args);
  }
}

async function load({ url, policy }: StaticWorkerCalls['load']['args']): Promise<StaticWorkerCalls['load']['result']> {
  // Nobody aborts the load: searches that give up only stop waiting for it.
  const body = await fetchJson(new URL(url), policy, new AbortController().signal);
  const built = await buildStaticIndex(body);
  index = built.index;
  return { recordCount: built.recordCount, rejected: built.rejected };
}

async function search(search: DirectorySearch): Promise<StaticPage> {
  if (!index) throw new Error('spine-finder: the static directory was searched before it was loaded');
  return searchStaticIndex(index, search);
}

function transferableError(error: unknown): TransferredError {
  if (error instanceof DirectoryError) return { message: error.message, kind: error.kind, status: error.status };
  return { message: error instanceof Error ? error.message : String(error) };
}
