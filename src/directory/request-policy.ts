/**
 * How the finder talks to a directory over HTTP, and its defaults: what the
 * finder needs before its first search, apart from the code that does the
 * talking (http.ts), which loads with the adapters.
 */
import { DEFAULT_COORDINATE_PRECISION_KM } from '../geo/coordinate-precision.js';

/** How adapters talk to a directory over HTTP. */
export interface RequestPolicy {
  /** Milliseconds one attempt may take before it counts as a timeout. */
  timeoutMs: number;
  /** Further attempts after a network error, a 5xx or a 429. */
  retries: number;
  /** Extra request headers (an API key, say). Set through a property, never an attribute. */
  headers: Readonly<Record<string, string>>;
  /** `omit` unless the host opts in: the directory sees no cookies. */
  credentials: RequestCredentials;
  /**
   * Most bytes of a response body read (after any decompression): a larger
   * or endless answer fails as `invalid-response` instead of filling the
   * page's memory.
   */
  maxBytes: number;
  /**
   * The searched point is snapped to a grid this many km wide before it is
   * sent (`0`: sent as it is, to 5 decimals). Distances shown are still
   * measured from the point itself.
   */
  coordinatePrecisionKm: number;
}

/** A page of the protocol holds at most 500 clinicians (a few hundred KB); a FHIR Bundle a few times that. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export const DEFAULT_REQUEST_POLICY: RequestPolicy = {
  timeoutMs: 10_000,
  retries: 2,
  headers: {},
  credentials: 'omit',
  maxBytes: MAX_RESPONSE_BYTES,
  coordinatePrecisionKm: DEFAULT_COORDINATE_PRECISION_KM,
};
