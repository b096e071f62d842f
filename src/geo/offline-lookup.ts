/**
 * The offline geocoder's lookups, loaded by `createOfflineGeocoder`
 * (geocoder.ts) on its first use.
 */
import { DATA_REQUEST } from '../assets.js';
import type { Geocoder } from './geocoder.js';
import { parseLocationQuery } from './location-query.js';
import { normalizePlaceName, placeShardKey } from './place-name.js';
import { untilAborted } from '../util/abortable.js';

/** `zip/606.json`: ZIP -> [lat, lng, city, state]. */
type ZipShard = Record<string, [number, number, string, string]>;
/** `place/ch.json`: normalized city name -> [state, city, lat, lng][]. */
type PlaceShard = Record<string, Array<[string, string, number, number]>>;

/**
 * Looks places up in the geo data, split into small shards (one per 3-digit
 * ZIP prefix, one per two first letters of a city name) so a lookup fetches
 * a few KiB from `dataUrl`, never the whole country, and never a
 * third-party service.
 */
export function createOfflineLookup(dataUrl: URL): Geocoder {
  const shards = new Map<string, Promise<unknown>>();

  // Shards are shared by every lookup, so one lookup's abort must not cancel
  // a download that a newer lookup is waiting for: the download runs to its
  // end (a few KiB) and each caller stops waiting on its own signal.
  function loadShard<T>(path: string, signal: AbortSignal): Promise<T | undefined> {
    let shard = shards.get(path);
    if (!shard) {
      shard = fetchShard(new URL(path, dataUrl));
      shards.set(path, shard);
      // A failed load must not poison later lookups.
      shard.catch(() => shards.delete(path));
    }
    return untilAborted(shard as Promise<T | undefined>, signal);
  }

  return async (text, { signal }) => {
    const query = parseLocationQuery(text);
    switch (query.kind) {
      case 'empty':
        return { status: 'empty' };
      case 'point':
        return { status: 'found', place: { point: query.point, label: text.trim() } };
      case 'zip': {
        const shard = await loadShard<ZipShard>(`zip/${query.zip.slice(0, 3)}.json`, signal);
        const entry = shard?.[query.zip];
        if (!entry) return { status: 'not-found' };
        return { status: 'found', place: { point: { lat: entry[0], lng: entry[1] }, label: query.zip } };
      }
      case 'place': {
        const key = normalizePlaceName(query.city);
        if (!key) return { status: 'not-found' };
        const shard = await loadShard<PlaceShard>(`place/${placeShardKey(key)}.json`, signal);
        const matches = (shard?.[key] ?? []).filter(([state]) => !query.state || state === query.state);
        const candidates = matches.map(([state, city, lat, lng]) => ({
          point: { lat, lng },
          label: `${city}, ${state}`,
          state,
        }));
        if (candidates.length === 0) return { status: 'not-found' };
        if (candidates.length === 1) return { status: 'found', place: candidates[0] };
        return { status: 'ambiguous', candidates };
      }
    }
  };
}

async function fetchShard(url: URL): Promise<unknown> {
  const response = await fetch(url, DATA_REQUEST);
  // A prefix with no ZIPs or a name with no cities has no shard: not an error.
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`Geo data ${url.pathname} answered ${response.status}`);
  return response.json();
}
