import { SAMPLE_PROVIDERS } from '../demo/data/sample-providers.js';
import type { SpineFinder } from '../src/components/finder/finder.js';
import type { SpineProviderCard } from '../src/components/provider-card/provider-card.js';
import type { DirectoryAdapter, Match } from '../src/directory/adapter.js';
import type { GeoPoint } from '../src/directory/schema.js';
import { distanceKm } from '../src/geo/distance.js';

/** ZIP 60614 (Lincoln Park, Chicago), where the sample clinicians are. */
export const LINCOLN_PARK: GeoPoint = { lat: 41.9229, lng: -87.6483 };

/** The sample clinicians as a search from 60614 would return them. */
export const SAMPLE_MATCHES: Match[] = SAMPLE_PROVIDERS.map((provider) => ({
  provider,
  distanceKm: distanceKm(LINCOLN_PARK, provider.location),
})).sort((a, b) => a.distanceKm - b.distanceKm);

/** `count` fictional clinicians scattered around a point, for clustered maps. */
export function scatteredMatches(count: number, around: GeoPoint = LINCOLN_PARK): Match[] {
  return Array.from({ length: count }, (_, i) => {
    const location = {
      lat: around.lat + (((i * 7919) % 1000) / 1000 - 0.5) * 0.6,
      lng: around.lng + (((i * 104729) % 1000) / 1000 - 0.5) * 0.8,
    };
    return {
      provider: { id: `story-${i}`, name: `Clinician ${i + 1}`, credentials: ['DC'], location },
      distanceKm: distanceKm(around, location),
    };
  });
}

/** Three clinicians of one group practice, at one address. */
export const GROUP_PRACTICE: Match[] = ['Ana Lopez', 'Ben Okafor', 'Carla Nguyen'].map((name, i) => ({
  provider: {
    id: `group-${i}`,
    name,
    credentials: [['DC'], ['PT', 'DPT'], ['DO']][i],
    practice: 'Lincoln Park Spine Collaborative',
    address: { line1: '2400 N Clark St', city: 'Chicago', state: 'IL', postalCode: '60614' },
    location: { lat: 41.9245, lng: -87.6402 },
  },
  distanceKm: 0.9,
}));

/**
 * The demo directory (3,000 fictional clinicians) as each place that shows
 * the stories can serve it. Under `storybook dev`, and in the browser tests,
 * the Vite plugin's endpoint answers the directory protocol. The static
 * build (`npm run build-storybook`) has no server: the same clinicians are
 * written into it as one file (.storybook/vite.config.ts), which the finder
 * searches in the browser with its static adapter.
 */
export const DEMO_DIRECTORY: { adapter: 'json' | 'static'; endpoint: string } = import.meta.env?.PROD
  ? { adapter: 'static', endpoint: 'demo-data/providers.json' }
  : { adapter: 'json', endpoint: '/api/directory' };

/** Where the demo directory is not: the directory answers 404, in the static build as under `storybook dev`. */
export const MISSING_DIRECTORY: { adapter: 'json' | 'static'; endpoint: string } = import.meta.env?.PROD
  ? { adapter: 'static', endpoint: 'demo-data/no-such-directory.json' }
  : { adapter: 'json', endpoint: '/api/no-such-directory' };

/**
 * A directory that has not answered yet: the finder stays "Searching…" for
 * as long as the story is shown, and lets go when it searches again.
 */
export const UNANSWERED_DIRECTORY: DirectoryAdapter = {
  search: (_search, { signal }) =>
    new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
};

/** Resolves once `check` returns something, looking again at each frame; fails after `timeout` ms. */
export async function whenShown<T>(check: () => T | null | undefined, what: string, timeout = 10_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const found = check();
    if (found) return found;
    if (performance.now() - start > timeout) throw new Error(`${what} did not show within ${timeout} ms`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The cards of a finder's results, once the search has drawn them. */
export function finderCards(finder: SpineFinder): Promise<SpineProviderCard[]> {
  return whenShown(() => {
    const results = finder.shadowRoot?.querySelector('spine-results');
    const cards = [...(results?.shadowRoot?.querySelectorAll<SpineProviderCard>('spine-provider-card') ?? [])];
    return cards.length > 0 ? cards : undefined;
  }, 'the results');
}

/** Presses a part's button inside an element's shadow root, as a click would. */
export async function press(host: HTMLElement & { updateComplete?: Promise<unknown> }, part: string): Promise<void> {
  const button = await whenShown(
    () => host.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`),
    `<${host.localName}>'s ${part}`,
  );
  button.click();
  await host.updateComplete;
}
