/**
 * The static adapter given a sharded directory's manifest
 * (test/fixtures/sharded/, built by `spine-finder directory build` from
 * test/fixtures/static/providers.json with at most 8 clinicians a shard):
 * every search, filter, sort and page answered exactly as from the same
 * clinicians in one file, reading only the shards the circle touches, once
 * each; invalid records counted once; a failing shard a DirectoryError that
 * the next search gets past.
 */
import { expect } from '@open-wc/testing';
import type { DirectoryAdapter, DirectoryPage, DirectorySearch } from '../../src/directory/adapter.js';
import { ShardedManifestSchema } from '../../src/directory/sharded/manifest.js';
import { ShardedDirectory } from '../../src/directory/sharded/sharded-directory.js';
import { createStaticAdapter } from '../../src/directory/static-adapter.js';
import type { StaticAdapterOptions } from '../../src/directory/static-adapter.js';
import { directoryErrorOf } from './failures.js';

const SHARDED = '/test/fixtures/sharded/providers/manifest.json';
const MIXED = '/test/fixtures/sharded/mixed/manifest.json';
const ONE_FILE = '/test/fixtures/static/providers.json';
const CHICAGO: DirectorySearch = { point: { lat: 41.9229, lng: -87.6483 }, radiusKm: 40, limit: 500, filters: {} };

const WAYS = [
  { name: 'with a worker for the manifest', options: { worker: true } },
  { name: 'on the main thread', options: { worker: false } },
] as const satisfies ReadonlyArray<{ name: string; options: StaticAdapterOptions }>;

const SEARCHES: Array<[string, Partial<DirectorySearch>]> = [
  ['25 miles around Chicago', {}],
  ['10 km around Chicago', { radiusKm: 10 }],
  ['200 km: Chicago and Milwaukee', { radiusKm: 200 }],
  ['Denver', { point: { lat: 39.7392, lng: -104.9903 }, radiusKm: 50 }],
  ['everywhere', { radiusKm: 20_100 }],
  ['a page of 7', { radiusKm: 200, limit: 7 }],
  ['the third page of 7', { radiusKm: 200, limit: 7, cursor: '14' }],
  ['by name', { radiusKm: 200, sort: 'name' }],
  [
    'accepting new patients, in Spanish',
    { radiusKm: 200, filters: { acceptingNewPatients: true, language: 'espanol' } },
  ],
  ['chiropractors and osteopaths', { filters: { disciplines: ['chiropractic', 'osteopathic'] } }],
  ['nowhere near anyone', { point: { lat: 0, lng: 0 }, radiusKm: 50 }],
];

function searchOnce(adapter: DirectoryAdapter, search: Partial<DirectorySearch> = {}): Promise<DirectoryPage> {
  return adapter.search({ ...CHICAGO, ...search }, { signal: new AbortController().signal });
}

function uniqueKey(name: string): string {
  return `${name}-${Math.random().toString(36).slice(2)}`;
}

/** The shard files a search should read, from the manifest and the grid. */
async function shardsFor(manifestUrl: string, search: Partial<DirectorySearch>): Promise<string[]> {
  const url = new URL(manifestUrl, location.href);
  const manifest = ShardedManifestSchema.parse(await (await fetch(url)).json());
  const directory = ShardedDirectory.open(manifest, url, { fetchJson: async () => [] });
  return directory.shardsFor({ ...CHICAGO, ...search }).map((shard) => new URL(shard.file, url).href);
}

/** The shard files the page fetched since `since` (entries of the resource timeline). */
function shardsFetched(since: number): string[] {
  return performance
    .getEntriesByType('resource')
    .slice(since)
    .map((entry) => entry.name)
    .filter((name) => name.includes('/shards/'));
}

async function requestsSeen(key: string): Promise<number> {
  return ((await (await fetch(`/test-api/requests/${key}`)).json()) as { count: number }).count;
}

/** Keeps the adapter's one warning about invalid records out of the log, and counts it. */
async function warningsDuring(work: () => Promise<void>): Promise<unknown[][]> {
  const warn = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    await work();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

for (const { name, options } of WAYS) {
  describe(`createStaticAdapter with a sharded directory, ${name}`, () => {
    before(() => performance.setResourceTimingBufferSize(10_000));

    for (const [what, search] of SEARCHES) {
      it(`answers as the one file does: ${what}`, async () => {
        const sharded = await searchOnce(createStaticAdapter(SHARDED, {}, options), search);
        const oneFile = await searchOnce(createStaticAdapter(ONE_FILE, {}, options), search);
        expect(oneFile.matches.length + (oneFile.total ?? 0), 'the search is not empty by mistake').to.be.above(
          what === 'nowhere near anyone' ? -1 : 0,
        );
        expect(sharded).to.deep.equal(oneFile);
      });
    }

    it('fetches only the shards the circle touches, and each of them once', async () => {
      const manifest = `${SHARDED}?${uniqueKey('touch')}`;
      const adapter = createStaticAdapter(manifest, {}, options);
      const before = performance.getEntriesByType('resource').length;
      await searchOnce(adapter, { radiusKm: 10 });
      const near = await shardsFor(manifest, { radiusKm: 10 });
      const all = await shardsFor(manifest, { radiusKm: 20_100 });
      expect(near.length, 'some shards').to.be.within(1, all.length - 5);
      expect(shardsFetched(before).sort()).to.deep.equal(near.sort());

      // Wider, filtered, paged: only the shards not read before.
      await searchOnce(adapter, { radiusKm: 200, limit: 5 });
      await searchOnce(adapter, { radiusKm: 200, limit: 5, cursor: '5', filters: { telehealth: true } });
      const wide = await shardsFor(manifest, { radiusKm: 200 });
      expect(shardsFetched(before).sort()).to.deep.equal(wide.sort());
    });

    it('counts invalid records of a shard as dropped on the first page that read it, warning once', async () => {
      const adapter = createStaticAdapter(MIXED, {}, options);
      const pages: DirectoryPage[] = [];
      const warnings = await warningsDuring(async () => {
        // Chicago's shards are valid; the first shard (Denver's) holds the two invalid records.
        pages.push(await searchOnce(adapter, { radiusKm: 10 }));
        pages.push(await searchOnce(adapter, { radiusKm: 20_100 }));
        pages.push(await searchOnce(adapter, { radiusKm: 20_100 }));
      });
      expect(pages.map((page) => page.dropped)).to.deep.equal([0, 2, 0]);
      expect(pages[1].total).to.equal(64);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('dropped 2 of');
    });

    it('fails with the shard’s DirectoryError, and the next search fetches that shard again', async () => {
      const key = uniqueKey('shard-503');
      const adapter = createStaticAdapter(`/test-api/sharded/${key}/1/manifest.json`, { retries: 0 }, options);
      const error = await directoryErrorOf(searchOnce(adapter, { radiusKm: 10 }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(503);
      const page = await searchOnce(adapter, { radiusKm: 10 });
      const oneFile = await searchOnce(createStaticAdapter(ONE_FILE, {}, options), { radiusKm: 10 });
      expect(page).to.deep.equal(oneFile);
      // The manifest once; each shard twice (the failure, then the retry) at most.
      const shards = (await shardsFor(SHARDED, { radiusKm: 10 })).length;
      expect(await requestsSeen(key)).to.be.within(1 + shards + 1, 1 + 2 * shards);
    });

    it("fails with an 'invalid-response' error for a manifest that does not match its schema", async () => {
      const manifest = { format: 'spine-finder-directory', version: 1, shards: 'all of them' };
      const url = URL.createObjectURL(new Blob([JSON.stringify(manifest)], { type: 'application/json' }));
      try {
        const error = await directoryErrorOf(searchOnce(createStaticAdapter(url, {}, options)));
        expect(error.kind).to.equal('invalid-response');
        expect(error.message).to.contain('manifest');
      } finally {
        URL.revokeObjectURL(url);
      }
    });
  });
}
