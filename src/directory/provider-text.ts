import type { Provider } from './schema.js';

/** A clinician's name as it reads everywhere: "Ana Lopez, DC". */
export function displayName(provider: Provider): string {
  return [provider.name, ...(provider.credentials ?? [])].join(', ');
}
