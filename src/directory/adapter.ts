import type { GeoPoint, Provider } from './schema.js';

/** One search, in the units of the protocol (kilometres). */
export interface DirectorySearch {
  point: GeoPoint;
  radiusKm: number;
  limit: number;
}

/** A provider found by a search, with its distance from the search point. */
export interface Match {
  provider: Provider;
  distanceKm: number;
}

/** One page of matches, nearest first. */
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
 * validated providers; it must honour `signal` and throw a `DirectoryError`
 * for anything a person should be told about.
 */
export interface DirectoryAdapter {
  search(search: DirectorySearch, options: { signal: AbortSignal }): Promise<DirectoryPage>;
}

export type DirectoryErrorKind = 'network' | 'offline' | 'timeout' | 'http' | 'invalid-response';

/** A failure to read the directory, by kind, so it can be explained. */
export class DirectoryError extends Error {
  constructor(
    readonly kind: DirectoryErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}
