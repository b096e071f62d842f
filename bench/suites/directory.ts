/**
 * A national directory as static files (issue 10): the bytes a first
 * 25-mile search downloads, and how long it takes, with the 100,000 demo
 * clinicians as a sharded directory (`spine-finder directory build`, as
 * demo/national.html reads them) against the same clinicians in one file.
 *
 * Bytes are the directory's own responses (the manifest and shards, or the
 * one file) as the bench server sends them, uncompressed, and the same
 * files gzipped, as a CDN would send them; the finder's scripts and ZIP data
 * are the same on both sides and left out.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildGeoAssets } from '../../scripts/geo-assets.js';
import { nationalDirectoryFiles } from '../../scripts/static-demo.js';
import type { GeoPoint } from '../../src/directory/schema.js';
import { ShardedManifestSchema } from '../../src/directory/sharded/manifest.js';
import { ShardedDirectory } from '../../src/directory/sharded/sharded-directory.js';
import { normalizePlaceName, placeShardKey } from '../../src/geo/place-name.js';
import { withTimeout } from '../harness.js';
import type { BenchContext, Comparison, Measurement, Side } from '../harness.js';

export const name = 'directory';
export const description = 'A 25-mile search of 100,000 clinicians: a sharded directory against one file';

const PROJECT_ROOT = new URL('../../', import.meta.url);
const KM_PER_MILE = 1.609344;
const RADIUS_MILES = 25;
/** One file of 80 MB on a shared machine: anything slower is a failure, not a figure. */
const WAIT_MS = 180_000;

/** Where clinicians are many, and where they are few. */
const PLACES = [
  { city: 'New York', state: 'NY', id: 'new-york' },
  { city: 'Boise', state: 'ID', id: 'boise' },
] as const;

export async function run(context: BenchContext): Promise<Measurement[]> {
  const sharded = writeShardedDirectory(context);
  const manifestUrl = new URL(sharded.manifest, context.origin);
  const manifest = ShardedManifestSchema.parse(
    JSON.parse(readFileSync(fileURLToPath(new URL(`.${sharded.manifest}`, PROJECT_ROOT)), 'utf8')),
  );
  const directory = ShardedDirectory.open(manifest, manifestUrl, { fetchJson: async () => [] });
  const measurements: Measurement[] = [];
  for (const place of PLACES) {
    const label = `${place.city}, ${place.state}`;
    const shards = directory.shardsFor({ point: placePoint(place), radiusKm: RADIUS_MILES * KM_PER_MILE }).length;
    const comparison: Comparison = {
      id: `search-25mi-${place.id}`,
      title: `Finder: "${label}" within ${RADIUS_MILES} mi, first search`,
      conditions: `reads the manifest and ${shards} of ${manifest.counts.shards} shards`,
      figures: [
        { id: 'fetched', label: 'Directory data downloaded', unit: 'MB' },
        { id: 'fetched-gzip', label: 'The same, gzipped (as a CDN sends it)', unit: 'MB' },
        { id: 'listed', label: 'Enter → first cards listed', unit: 'ms' },
        { id: 'mapped', label: 'Enter → markers on the map', unit: 'ms' },
      ],
      subject: side(
        context,
        'sharded directory',
        sharded.manifest,
        label,
        (path) => path.startsWith(`${sharded.folder}/`),
        1 + shards,
      ),
      baseline: side(
        context,
        'one 80 MB file',
        context.data.national,
        label,
        (path) => path === context.data.national,
        1,
      ),
    };
    measurements.push(...(await context.compare(name, comparison)));
  }
  return measurements;
}

/** One side: a fresh page, a search, and which of the directory's files it downloaded (as many as `files`). */
function side(
  context: BenchContext,
  label: string,
  endpoint: string,
  place: string,
  isDirectoryFile: (path: string) => boolean,
  files: number,
): Side {
  return {
    label,
    run: () =>
      context.withPage({}, async (page) => {
        const fetched: string[] = [];
        // Requests from the static adapter's worker are the page's too.
        page.on('requestfinished', (request) => {
          const path = new URL(request.url()).pathname;
          if (isDirectoryFile(path)) fetched.push(path);
        });
        await page.goto(`${context.origin}/bench/pages/finder.html`);
        await page.evaluate((url) => window.benchProbe.finderReady(url), endpoint);
        await page.locator('spine-search-box select').selectOption(String(RADIUS_MILES));
        const input = page.getByRole('textbox', { name: /ZIP/ });
        await input.fill(place);
        await settle(page);
        await page.evaluate(() => window.benchProbe.armSearchClock());
        await input.press('Enter');
        const times = await withTimeout(
          'the search',
          WAIT_MS,
          page.evaluate(() => window.benchProbe.searchFinished()),
        );
        if (times.results === 0) throw new Error(`${label}: no clinicians within ${RADIUS_MILES} mi of ${place}`);
        if (fetched.length !== files) throw new Error(`${label}: ${fetched.length} files downloaded, not ${files}`);
        context.log(`  ${times.results.toLocaleString('en-US')} clinicians from ${fetched.length} files`);
        const sizes = fetched.map(fileSizes);
        const megabytes = (bytes: number) => bytes / 1024 / 1024;
        return {
          values: {
            fetched: megabytes(sizes.reduce((sum, size) => sum + size.bytes, 0)),
            'fetched-gzip': megabytes(sizes.reduce((sum, size) => sum + size.gzipped, 0)),
            listed: times.listedMs,
            mapped: times.mappedMs,
          },
        };
      }),
  };
}

const sizesByPath = new Map<string, { bytes: number; gzipped: number }>();

/** A served file's size and gzipped size, by its path on the bench server (the project folder). */
function fileSizes(path: string): { bytes: number; gzipped: number } {
  let sizes = sizesByPath.get(path);
  if (!sizes) {
    const body = readFileSync(fileURLToPath(new URL(`.${path}`, PROJECT_ROOT)));
    sizes = { bytes: body.length, gzipped: gzipSync(body).length };
    sizesByPath.set(path, sizes);
  }
  return sizes;
}

/** Where the finder's offline geocoder puts a city: the mean of its ZIPs' points. */
function placePoint({ city, state }: { city: string; state: string }): GeoPoint {
  const key = normalizePlaceName(city);
  const shard = JSON.parse(buildGeoAssets().get(`geo/place/${placeShardKey(key)}.json`)!) as Record<
    string,
    Array<[string, string, number, number]>
  >;
  const [, , lat, lng] = shard[key].find(([inState]) => inState === state)!;
  return { lat, lng };
}

/**
 * The national demo directory as demo/national.html reads it, written once
 * under bench/tmp/data/ in a folder named by its content hash.
 */
function writeShardedDirectory(context: BenchContext): { manifest: string; folder: string } {
  const files = nationalDirectoryFiles();
  const contentHash = (JSON.parse(files.get('manifest.json')!) as { contentHash: string }).contentHash;
  const folder = `bench/tmp/data/national-sharded-${contentHash.slice('sha256:'.length, 'sha256:'.length + 10)}`;
  const root = new URL(`${folder}/`, PROJECT_ROOT);
  if (!existsSync(new URL('manifest.json', root))) {
    context.log(`Writing ${fileURLToPath(root)}…`);
    for (const [path, text] of files) {
      const file = new URL(path, root);
      mkdirSync(new URL('.', file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return { manifest: `/${folder}/manifest.json`, folder: `/${folder}` };
}

/** Lets the page finish loading what it loads on its own (chunks, basemap) before a measure. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}
