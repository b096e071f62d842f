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

/** What the adapter asks. Each request carries an id its reply repeats. */
export type StaticWorkerRequest =
  | { type: 'load'; id: number; url: string; policy: RequestPolicy }
  | { type: 'search'; id: number; search: DirectorySearch };

/** What the worker answers; `ready` comes once, unasked, when the worker has started. */
export type StaticWorkerReply =
  | { type: 'ready' }
  | { type: 'loaded'; id: number; recordCount: number; rejected: RejectedRecord[] }
  | { type: 'page'; id: number; page: StaticPage }
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
  answer(request).then(scope.postMessage.bind(scope), (error: unknown) =>
    scope.postMessage({ type: 'failed', id: request.id, error: transferableError(error) }),
  );
});
scope.postMessage({ type: 'ready' });

async function answer(request: StaticWorkerRequest): Promise<StaticWorkerReply> {
  switch (request.type) {
    case 'load': {
      // Nobody aborts the load: searches that give up only stop waiting for it.
      const body = await fetchJson(new URL(request.url), request.policy, new AbortController().signal);
      const built = await buildStaticIndex(body);
      index = built.index;
      return { type: 'loaded', id: request.id, recordCount: built.recordCount, rejected: built.rejected };
    }
    case 'search':
      if (!index) throw new Error('spine-finder: the static directory was searched before it was loaded');
      return { type: 'page', id: request.id, page: searchStaticIndex(index, request.search) };
  }
}

function transferableError(error: unknown): TransferredError {
  if (error instanceof DirectoryError) return { message: error.message, kind: error.kind, status: error.status };
  return { message: error instanceof Error ? error.message : String(error) };
}
