import type { DirectoryAdapter } from './adapter.js';
import type { RequestPolicy } from './http.js';

/** Adapters selectable with `<spine-finder adapter="…">`. */
export const ADAPTER_NAMES = ['json', 'static', 'fhir'] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

/**
 * The adapter for a name. Each one's code, with the Provider schema that
 * checks what it reads, loads on its first search: nothing of it has to
 * arrive before the search box works, and pages never download the adapters
 * they do not use.
 */
export function createAdapter(name: AdapterName, endpoint: string, policy: Partial<RequestPolicy>): DirectoryAdapter {
  switch (name) {
    case 'json':
      return loadOnFirstSearch(() =>
        import('./json-adapter.js').then(({ createJsonAdapter }) => createJsonAdapter(endpoint, policy)),
      );
    case 'static':
      return loadOnFirstSearch(() =>
        import('./static-adapter.js').then(({ createStaticAdapter }) => createStaticAdapter(endpoint, policy)),
      );
    case 'fhir':
      return loadOnFirstSearch(() =>
        import('./fhir/fhir-adapter.js').then(({ createFhirAdapter }) => createFhirAdapter(endpoint, policy)),
      );
  }
}

/**
 * An adapter whose code loads on its first search. The loaded adapter is
 * kept: it holds what it has learnt (a FHIR server's capabilities, a static
 * file's index) for the searches after.
 */
function loadOnFirstSearch(load: () => Promise<DirectoryAdapter>): DirectoryAdapter {
  let adapter: Promise<DirectoryAdapter> | undefined;
  let loaded: DirectoryAdapter | undefined;
  return {
    async search(search, options) {
      adapter ??= load().then((ready) => (loaded = ready));
      // A failed load (a dropped connection) is tried again on the next search.
      adapter.catch(() => (adapter = undefined));
      return (await adapter).search(search, options);
    },
    // One still loading has started nothing: the search waiting for it was aborted first.
    close: () => loaded?.close?.(),
  };
}
