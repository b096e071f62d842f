import type { DirectoryFilters, SortOrder } from './filters.js';
import type { GeoPoint, Provider } from './schema.js';

/** One search, in the units of the protocol (kilometres). */
export interface DirectorySearch {
  point: GeoPoint;
  radiusKm: number;
  /** Most matches wanted in this page. */
  limit: number;
  /** Narrowing the adapter applies (on the server where it can). */
  filters: DirectoryFilters;
  /** The `next` cursor of the previous page, to ask for the page after it. */
  cursor?: string;
  /** The order of the matches; nearest first when absent. */
  sort?: SortOrder;
}

/** A provider found by a search, with its distance from the search point. */
export interface Match {
  provider: Provider;
  distanceKm: number;
  /**
   * True when the record had no usable coordinates and was placed at the
   * centre of its postal code: the distance is then only approximate.
   */
  distanceApproximate?: boolean;
}

/** One page of matches, in the order asked for (nearest first by default). */
export interface DirectoryPage {
  matches: Match[];
  /** How many providers match in all, when the directory says. */
  total?: number;
  /** Opaque cursor for the next page, when there is one. */
  next?: string;
  /** Records in the response that failed validation and were left out. */
  dropped: number;
}

/**
 * How the finder reads a directory. An adapter turns a search into a page of
 * validated providers, nearest first; it must honour `signal` (a newer search
 * aborts an older one) and throw a `DirectoryError` for anything a person
 * should be told about. A host can pass its own object with this one method
 * as `<spine-finder>`'s `adapter` property.
 */
export interface DirectoryAdapter {
  search(search: DirectorySearch, options: { signal: AbortSignal }): Promise<DirectoryPage>;
  /**
   * Called when the finder leaves the page (or changes adapter): end anything
   * kept running between searches (a worker, a timer). Searches under way
   * have been aborted; a later search may start it all again.
   */
  close?(): void;
}

export type DirectoryErrorKind = 'network' | 'offline' | 'timeout' | 'http' | 'invalid-response';

/** A failure to read the directory, by kind, so it can be explained. */
export class DirectoryError extends Error {
  constructor(
    readonly kind: DirectoryErrorKind,
    message: string,
    readonly status?: number,
    /** How long a 429 or 503 asked to wait before asking again, when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}
