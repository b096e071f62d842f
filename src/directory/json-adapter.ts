import { distanceKm } from '../geo/distance.js';
import type { DirectoryAdapter, DirectoryPage, DirectorySearch, Match } from './adapter.js';
import { DirectoryError } from './adapter.js';
import { DirectoryResponseSchema, parseProviders } from './schema.js';

export interface JsonAdapterOptions {
  /** Milliseconds before a request is given up as a timeout. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The project's own protocol: `GET {endpoint}?lat&lng&radius(km)&limit`
 * answering `{ providers, total?, next? }` (docs/directory-protocol.md).
 */
export function createJsonAdapter(endpoint: string | URL, options: JsonAdapterOptions = {}): DirectoryAdapter {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    async search(search, { signal }) {
      const url = searchUrl(endpoint, search);
      const body = await fetchJson(url, signal, timeoutMs);
      return toPage(body, search);
    },
  };
}

function searchUrl(endpoint: string | URL, search: DirectorySearch): URL {
  const url = new URL(endpoint, document.baseURI);
  url.searchParams.set('lat', search.point.lat.toFixed(5));
  url.searchParams.set('lng', search.point.lng.toFixed(5));
  url.searchParams.set('radius', String(Math.round(search.radiusKm * 1000) / 1000));
  url.searchParams.set('limit', String(search.limit));
  return url;
}

async function fetchJson(url: URL, signal: AbortSignal, timeoutMs: number): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      signal: AbortSignal.any([signal, timeout]),
      credentials: 'omit',
      referrerPolicy: 'strict-origin-when-cross-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw new DirectoryError('http', `${url.origin} answered HTTP ${response.status}`, response.status);
    }
    text = await response.text();
  } catch (error) {
    throw describeFetchFailure(error, signal, timeout);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new DirectoryError('invalid-response', 'The response is not JSON (or was cut short)');
  }
}

function describeFetchFailure(error: unknown, signal: AbortSignal, timeout: AbortSignal): unknown {
  // The caller's own abort passes through untouched: it is not a failure.
  if (signal.aborted || error instanceof DirectoryError) return error;
  if (timeout.aborted) return new DirectoryError('timeout', 'The directory did not answer in time');
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    return new DirectoryError('offline', 'The browser is offline');
  }
  return new DirectoryError('network', error instanceof Error ? error.message : String(error));
}

function toPage(body: unknown, search: DirectorySearch): DirectoryPage {
  const envelope = DirectoryResponseSchema.safeParse(body);
  if (!envelope.success) {
    throw new DirectoryError('invalid-response', 'The response has no "providers" array');
  }
  const { providers, rejected } = parseProviders(envelope.data.providers);
  if (rejected.length > 0) {
    console.warn(
      `spine-finder: dropped ${rejected.length} of ${envelope.data.providers.length} directory records that failed validation`,
      rejected,
    );
  }
  const matches: Match[] = providers
    .map((provider) => ({ provider, distanceKm: distanceKm(search.point, provider.location) }))
    .sort((a, b) => a.distanceKm - b.distanceKm);
  return {
    matches,
    total: envelope.data.total,
    next: envelope.data.next ?? undefined,
    dropped: rejected.length,
  };
}
