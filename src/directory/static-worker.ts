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
import type { DirectorySearch } from './adapter.js';
import { serveCalls } from '../workers/worker-rpc.js';
import { fetchJson } from './http.js';
import type { RequestPolicy } from './http.js';
import type { RejectedRecord } from './schema.js';
import { looksLikeManifest } from './sharded/manifest.js';
import { buildStaticIndex, searchStaticIndex } from './static-index.js';
import type { StaticIndex, StaticPage } from './static-index.js';

/** The calls the worker answers: what each one sends and what comes back. */
export type StaticWorkerCalls = {
  /**
   * Fetch, validate and index the file; once per worker. A sharded
   * directory's manifest comes back as it is: its shards are read on the page.
   */
  load: {
    args: { url: string; policy: RequestPolicy };
    result: { recordCount: number; rejected: RejectedRecord[] } | { manifest: unknown };
  };
  /**
   * One page of a search of the loaded file, kept under a handle: its matches
   * come back a slice at a time, so no single message is big enough for its
   * unpacking to hold up the page.
   */
  search: { args: DirectorySearch; result: Omit<StaticPage, 'matches'> & { handle: number; count: number } };
  slice: { args: { handle: number; from: number; to: number }; result: StaticPage['matches'] };
  /** The page has all of a search's matches: forget them. */
  release: { args: { handle: number }; result: void };
};

let index: StaticIndex | undefined;
const pages = new Map<number, StaticPage['matches']>();
let lastHandle = 0;

serveCalls<StaticWorkerCalls>({
  load,
  search: async (args) => {
    const { matches, ...page } = await search(args);
    const handle = ++lastHandle;
    pages.set(handle, matches);
    return { ...page, handle, count: matches.length };
  },
  slice: ({ handle, from, to }) => pages.get(handle)?.slice(from, to) ?? [],
  release: ({ handle }) => {
    pages.delete(handle);
  },
});

async function load({ url, policy }: StaticWorkerCalls['load']['args']): Promise<StaticWorkerCalls['load']['result']> {
  // Nobody aborts the load: searches that give up only stop waiting for it.
  const body = await fetchJson(new URL(url), policy, new AbortController().signal);
  if (looksLikeManifest(body)) return { manifest: body };
  const built = await buildStaticIndex(body);
  index = built.index;
  return { recordCount: built.recordCount, rejected: built.rejected };
}

async function search(search: DirectorySearch): Promise<StaticPage> {
  if (!index) throw new Error('spine-finder: the static directory was searched before it was loaded');
  return searchStaticIndex(index, search);
}
