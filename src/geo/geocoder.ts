import type { GeoPoint } from '../directory/schema.js';

/** A place a search can start from. `label` is what the person will read. */
export interface Place {
  point: GeoPoint;
  label: string;
  /** USPS state code, when the place is a US city. */
  state?: string;
}

export type GeocodeResult =
  | { status: 'found'; place: Place }
  | { status: 'ambiguous'; candidates: Place[] }
  | { status: 'not-found' }
  | { status: 'empty' };

/**
 * Turns what a person typed into a place. A host may supply its own (for
 * street addresses); the default resolves ZIPs and "City, ST" from the
 * offline geo data that ships beside the script.
 */
export type Geocoder = (text: string, options: { signal: AbortSignal }) => Promise<GeocodeResult>;

/**
 * The built-in geocoder: ZIPs and "City, ST" from small shards of offline
 * data at `dataUrl`, never a third-party service (offline-lookup.ts). Its
 * code loads with the first lookup, so nothing of it has to arrive before
 * the search box works.
 */
export function createOfflineGeocoder(dataUrl: URL): Geocoder {
  let lookup: Promise<Geocoder> | undefined;
  return async (text, options) => {
    lookup ??= import('./offline-lookup.js').then(({ createOfflineLookup }) => createOfflineLookup(dataUrl));
    // A failed load (a dropped connection) is tried again on the next lookup.
    lookup.catch(() => (lookup = undefined));
    return (await lookup)(text, options);
  };
}
