/**
 * A sharded directory as the finder reads it: the manifest once, then for
 * each search only the shards whose cells the search circle touches. Shards
 * are kept in memory for as long as the adapter lives (never in storage),
 * so searching the same area again, filtering or paging fetches nothing.
 *
 * Every shard is validated and indexed like a one-file directory
 * (static-index.ts), and the matches of all the shards a search touches are
 * ordered and paged together, so a sharded directory answers exactly as the
 * same clinicians in one file would.
 */
import type { DirectoryPage, DirectorySearch } from '../adapter.js';
import { DirectoryError } from '../adapter.js';
import { warnAboutRejected } from '../schema.js';
import { buildStaticIndex, candidatesWithin, pageOfCandidates } from '../static-index.js';
import type { StaticIndex } from '../static-index.js';
import { boxesMeet, cellBox, circleBoxes, parseCellKey } from './grid.js';
import type { Box } from './grid.js';
import { ShardedManifestSchema } from './manifest.js';
import type { ShardEntry, ShardedManifest } from './manifest.js';

export interface ShardedDirectoryOptions {
  /** Fetches and parses one JSON file (a shard), failing with a `DirectoryError`. */
  fetchJson: (url: URL) => Promise<unknown>;
  /** Awaited every few milliseconds while a shard is validated, on the main thread. */
  pause?: () => Promise<void>;
}

interface Shard {
  entry: ShardEntry;
  box: Box;
  /** The position of the shard's first clinician among all of the directory's, which orders equals. */
  firstOrder: number;
}

export class ShardedDirectory {
  private readonly shards: Shard[];
  /** Shards fetched or being fetched, by file; a failed one is forgotten, so Retry fetches it again. */
  private readonly loaded = new Map<string, Promise<StaticIndex>>();
  /** Invalid records in shards read so far that no page has reported yet. */
  private unreportedDropped = 0;

  private constructor(
    manifest: ShardedManifest,
    private readonly manifestUrl: URL,
    private readonly options: ShardedDirectoryOptions,
  ) {
    let firstOrder = 0;
    this.shards = manifest.shards.map((entry) => {
      const shard = { entry, box: cellBox(parseCellKey(entry.cell)!), firstOrder };
      firstOrder += entry.providers;
      return shard;
    });
  }

  /** The directory a manifest describes, or an 'invalid-response' error when it is not a valid manifest. */
  static open(body: unknown, manifestUrl: URL, options: ShardedDirectoryOptions): ShardedDirectory {
    const manifest = ShardedManifestSchema.safeParse(body);
    if (!manifest.success) {
      const issue = manifest.error.issues[0];
      throw new DirectoryError(
        'invalid-response',
        `The directory manifest ${manifestUrl.pathname} is not valid: ${issue.path.join('.')}: ${issue.message}`,
      );
    }
    return new ShardedDirectory(manifest.data, manifestUrl, options);
  }

  /** One page of a search; `dropped` counts invalid records in shards read for it that no page has counted. */
  async search(search: DirectorySearch): Promise<DirectoryPage> {
    const boxes = circleBoxes(search.point, search.radiusKm);
    const touched = this.shards.filter((shard) => boxes.some((box) => boxesMeet(box, shard.box)));
    // Every shard settles before a failure is reported, so the person's Retry
    // starts fresh downloads rather than joining one that is about to fail.
    const settled = await Promise.allSettled(touched.map((shard) => this.load(shard)));
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const indexes = settled.map((result) => (result as PromiseFulfilledResult<StaticIndex>).value);
    const candidates = indexes.flatMap((index, i) => candidatesWithin(index, search, touched[i].firstOrder));
    const page = pageOfCandidates(candidates, search);
    const dropped = this.unreportedDropped;
    this.unreportedDropped = 0;
    return { ...page, dropped };
  }

  /** The shards a search reads: for tests and the benchmark. */
  shardsFor(search: Pick<DirectorySearch, 'point' | 'radiusKm'>): ShardEntry[] {
    const boxes = circleBoxes(search.point, search.radiusKm);
    return this.shards.filter((shard) => boxes.some((box) => boxesMeet(box, shard.box))).map(({ entry }) => entry);
  }

  private load({ entry }: Shard): Promise<StaticIndex> {
    let index = this.loaded.get(entry.file);
    if (!index) {
      index = this.read(new URL(entry.file, this.manifestUrl));
      this.loaded.set(entry.file, index);
      index.catch(() => this.loaded.delete(entry.file));
    }
    return index;
  }

  private async read(url: URL): Promise<StaticIndex> {
    const body = await this.options.fetchJson(url);
    const { index, rejected, recordCount } = await buildStaticIndex(body, this.options.pause);
    warnAboutRejected(rejected, recordCount);
    this.unreportedDropped += rejected.length;
    return index;
  }
}
