import { WorkerClient } from '../workers/worker-rpc.js';
import type { DirectoryAdapter, DirectoryPage, DirectorySearch, Match } from './adapter.js';
import { DEFAULT_REQUEST_POLICY, fetchJson } from './http.js';
import type { RequestPolicy } from './http.js';
import { warnAboutRejected } from './schema.js';
import type { RejectedRecord } from './schema.js';
import { looksLikeManifest } from './sharded/manifest.js';
import { ShardedDirectory } from './sharded/sharded-directory.js';
import { buildStaticIndex, searchStaticIndex } from './static-index.js';
import type { StaticWorkerCalls } from './static-worker.js';
import { untilAborted } from '../util/abortable.js';

/** Matches per message from the worker: unpacking a thousand takes the page a few milliseconds. */
const REPLY_SLICE = 1000;

/** A big file on a slow line takes longer than one search's answer; the file gets at least this. */
const FILE_TIMEOUT_MS = 60_000;

/**
 * The most of a directory file read: 100,000 clinicians make about 80 MB,
 * and a file several times that would not fit a phone's memory once indexed.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface StaticAdapterOptions {
  /**
   * Whether to read the file in a worker when the script comes from the
   * page's origin (the default, true). `false` always reads it on the main
   * thread, in chunks: for tests, and for hosts whose Content-Security-Policy
   * forbids workers, where the attempt would only cost a failed start.
   */
  worker?: boolean;
}

/**
 * `adapter="static"`: the whole directory is one JSON file on any static web
 * server or CDN: an array of providers, `{ "providers": [...] }`, or a
 * GeoJSON FeatureCollection of Point features with providers in
 * `properties`. The file is fetched on the first search and kept; every
 * search, filter and page is then answered in the browser from a spatial
 * index.
 *
 * Or the URL is the `manifest.json` of a sharded directory (written by
 * `spine-finder directory build`): then each search fetches only the shards
 * its circle touches, and keeps them (sharded/sharded-directory.ts).
 *
 * Reading a large file (100,000 records, tens of MB) is slow, so it happens
 * in a module worker when the script is on the page's origin (browsers refuse
 * cross-origin worker scripts), and otherwise on the main thread in chunks
 * that leave the page responsive between them. The worker holds the index
 * until the adapter's `close()` (the finder's leaving the page), the
 * adapter's garbage collection, or a failed load; the next search then starts
 * a new one.
 */
export function createStaticAdapter(
  url: string | URL,
  policy: Partial<RequestPolicy> = {},
  options: StaticAdapterOptions = {},
): DirectoryAdapter {
  const requestPolicy = { ...DEFAULT_REQUEST_POLICY, ...policy };
  const directory = new StaticDirectory(
    new URL(url, globalThis.document?.baseURI),
    {
      ...requestPolicy,
      timeoutMs: Math.max(requestPolicy.timeoutMs, FILE_TIMEOUT_MS),
      maxBytes: Math.max(requestPolicy.maxBytes, MAX_FILE_BYTES),
    },
    requestPolicy,
    options.worker ?? true,
  );
  // The adapter is a separate object so that the directory (and its worker)
  // never refers to it: it can be collected while the worker still runs.
  const adapter: DirectoryAdapter = {
    search: (search, { signal }) => directory.search(search, signal),
    close: () => directory.release(),
  };
  unusedDirectories.register(adapter, directory);
  return adapter;
}

/** Ends the worker of an adapter nobody holds any more: no new search can reach it. */
const unusedDirectories = new FinalizationRegistry<StaticDirectory>((directory) => directory.close());

/**
 * A directory file (or a sharded directory's manifest) once read, in a
 * worker or on the main thread. Records are read once, so invalid ones are
 * reported once: counted as `dropped` on the first page a search delivers
 * after they were read, and never again.
 */
interface LoadedDirectory {
  search(search: DirectorySearch): Promise<DirectoryPage>;
  close(): void;
}

/** One file: loaded once for all searches, again only after a failure. */
class StaticDirectory {
  private loading?: Promise<LoadedDirectory>;
  private loaded?: LoadedDirectory;
  /** Searches under way. */
  private searching = 0;
  /** Whether the adapter has been garbage collected. */
  private closed = false;
  /** Counts releases: a load that finishes after one is ended, not kept. */
  private generation = 0;

  constructor(
    private readonly fileUrl: URL,
    /** For the file, which may be big. */
    private readonly policy: RequestPolicy,
    /** For each shard of a sharded directory: small files, with the host's own timeout. */
    private readonly shardPolicy: RequestPolicy,
    private readonly useWorker: boolean,
  ) {}

  async search(search: DirectorySearch, signal: AbortSignal): Promise<DirectoryPage> {
    signal.throwIfAborted();
    this.searching++;
    try {
      // An abort ends this search only; the load goes on for the searches after it.
      const directory = await untilAborted(this.load(), signal);
      return await untilAborted(directory.search(search), signal);
    } finally {
      this.searching--;
      this.closeIfUnused();
    }
  }

  /**
   * The adapter is gone. A search can outlive it (its caller holds only the
   * promise), so the worker is ended once no search is under way.
   */
  close(): void {
    this.closed = true;
    this.closeIfUnused();
  }

  private closeIfUnused(): void {
    if (this.closed && this.searching === 0) this.loaded?.close();
  }

  /**
   * The finder left the page: the worker and its index go now, not when the
   * adapter is collected. A later search reads the file again.
   */
  release(): void {
    this.generation++;
    this.loaded?.close();
    this.loaded = undefined;
    this.loading = undefined;
  }

  private load(): Promise<LoadedDirectory> {
    const generation = this.generation;
    this.loading ??= this.open().then(
      (directory) => {
        if (generation !== this.generation) {
          directory.close();
          throw new DOMException('The directory was released while it loaded', 'AbortError');
        }
        this.loaded = directory;
        this.closeIfUnused();
        return directory;
      },
      (error: unknown) => {
        if (generation === this.generation) this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  private async open(): Promise<LoadedDirectory> {
    if (this.useWorker) {
      const worker = await WorkerClient.start<StaticWorkerCalls>(
        (Worker) => new Worker(new URL('./static-worker.ts', import.meta.url), { type: 'module' }),
        () => this.forget(),
      );
      if (worker) return loadInWorker(worker, this.fileUrl, this.policy, this.shardPolicy);
    }
    return loadOnMainThread(this.fileUrl, this.policy, this.shardPolicy);
  }

  /** The worker stopped: the next search reads the file again. */
  private forget(): void {
    this.loading = undefined;
    this.loaded = undefined;
  }
}

/**
 * The fallback: `fetchJson` parses the file in one task (a parser cannot be
 * paused), then validation and indexing run in chunks with the event loop
 * free between them.
 */
async function loadOnMainThread(
  fileUrl: URL,
  policy: RequestPolicy,
  shardPolicy: RequestPolicy,
): Promise<LoadedDirectory> {
  const body = await fetchJson(fileUrl, policy, new AbortController().signal);
  if (looksLikeManifest(body)) return openSharded(body, fileUrl, shardPolicy);
  const { index, rejected, recordCount } = await buildStaticIndex(body, yieldToEventLoop);
  const takeDropped = reportOnce(rejected, recordCount);
  return {
    search: async (search) => ({ ...searchStaticIndex(index, search), dropped: takeDropped() }),
    close: () => {},
  };
}

/**
 * A sharded directory, read on the main thread: its shards are small, and
 * a search waits for the few it touches, so there is no big file to keep
 * off the page (validation still pauses every few milliseconds).
 */
function openSharded(manifest: unknown, manifestUrl: URL, shardPolicy: RequestPolicy): LoadedDirectory {
  // Nobody aborts a shard's download: a search that gives up only stops waiting, and the shard is kept.
  const directory = ShardedDirectory.open(manifest, manifestUrl, {
    fetchJson: (url) => fetchJson(url, shardPolicy, new AbortController().signal),
    pause: yieldToEventLoop,
  });
  return { search: (search) => directory.search(search), close: () => {} };
}

/** Warns about a file's invalid records now, and gives their count once, to the first page delivered. */
function reportOnce(rejected: readonly RejectedRecord[], recordCount: number): () => number {
  warnAboutRejected(rejected, recordCount);
  let unreported = rejected.length;
  return () => {
    const dropped = unreported;
    unreported = 0;
    return dropped;
  };
}

function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}

/** Has the worker read the file; a worker whose load failed is ended. */
async function loadInWorker(
  worker: WorkerClient<StaticWorkerCalls>,
  fileUrl: URL,
  policy: RequestPolicy,
  shardPolicy: RequestPolicy,
): Promise<LoadedDirectory> {
  try {
    const loaded = await worker.ask('load', { url: fileUrl.href, policy });
    if ('manifest' in loaded) {
      worker.terminate();
      return openSharded(loaded.manifest, fileUrl, shardPolicy);
    }
    const takeDropped = reportOnce(loaded.rejected, loaded.recordCount);
    return {
      search: async (search) => {
        const { handle, count, ...page } = await worker.ask('search', search);
        const matches: Match[] = [];
        try {
          // Each slice is its own message and its own task on the page.
          for (let from = 0; from < count; from += REPLY_SLICE) {
            matches.push(...(await worker.ask('slice', { handle, from, to: from + REPLY_SLICE })));
          }
        } finally {
          void worker.ask('release', { handle }).catch(() => {});
        }
        return { ...page, matches, dropped: takeDropped() };
      },
      close: () => worker.terminate(),
    };
  } catch (error) {
    worker.terminate();
    throw error;
  }
}
