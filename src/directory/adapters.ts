import type { DirectoryAdapter } from './adapter.js';
import type { RequestPolicy } from './http.js';
import { createJsonAdapter } from './json-adapter.js';

/** Adapters selectable with `<spine-finder adapter="…">`. */
export const ADAPTER_NAMES = ['json', 'static', 'fhir'] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

/**
 * The adapter for a name. The json adapter is part of the entry; the static
 * and FHIR adapters load on their first search, so pages that do not use
 * them never download them.
 */
export function createAdapter(name: AdapterName, endpoint: string, policy: Partial<RequestPolicy>): DirectoryAdapter {
  switch (name) {
    case 'json':
      return createJsonAdapter(endpoint, policy);
    case 'static':
    case 'fhir':
      console.error(`spine-finder: adapter="${name}" is not available yet; reading the endpoint as json.`);
      return createJsonAdapter(endpoint, policy);
  }
}
