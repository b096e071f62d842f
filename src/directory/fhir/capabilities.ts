/**
 * What a FHIR server says it can do, from its CapabilityStatement
 * (`{base}/metadata`), read once per adapter.
 */
import { DirectoryError } from '../adapter.js';
import { fetchJson } from '../http.js';
import type { RequestPolicy } from '../http.js';
import { asObject, asText, objects, texts } from './json.js';
import { resourceUrl } from './queries.js';

export interface ServerCapabilities {
  /**
   * Location supports `near` and `_revinclude=PractitionerRole:location`:
   * the server can find Locations around a point and bring the roles at
   * them. Plan-Net requires neither, so both must be declared.
   */
  locationNear: boolean;
}

const NO_CAPABILITIES: ServerCapabilities = { locationNear: false };

export function readCapabilities(statement: unknown): ServerCapabilities {
  const capability = asObject(statement);
  if (capability?.resourceType !== 'CapabilityStatement') return NO_CAPABILITIES;
  const locations = objects(capability.rest)
    .filter((rest) => rest.mode !== 'client')
    .flatMap((rest) => objects(rest.resource))
    .filter((resource) => resource.type === 'Location');
  return {
    locationNear: locations.some(
      (location) =>
        objects(location.searchParam).some((param) => asText(param.name) === 'near') &&
        texts(location.searchRevInclude).includes('PractitionerRole:location'),
    ),
  };
}

/**
 * The server's capabilities. A server that answers `metadata` with an HTTP
 * 4xx (other than 429) or something unreadable still has a Plan-Net search:
 * it gets the search every Plan-Net server supports. A server that cannot be
 * reached fails the search (the person can retry), and the next search asks
 * again.
 */
export async function fetchCapabilities(base: URL, policy: RequestPolicy): Promise<ServerCapabilities> {
  try {
    // Not the caller's signal: the answer is shared by every search (see sharedLoad).
    return readCapabilities(await fetchJson(resourceUrl(base, 'metadata'), policy, new AbortController().signal));
  } catch (error) {
    const status = error instanceof DirectoryError && error.kind === 'http' ? (error.status ?? 500) : undefined;
    const answered =
      (error instanceof DirectoryError && error.kind === 'invalid-response') ||
      (status !== undefined && status < 500 && status !== 429);
    if (answered) return NO_CAPABILITIES;
    throw error;
  }
}
