import { oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SpineFinder } from '../src/components/finder/finder.js';
import type { SpineMap } from '../src/components/map/map.js';
import type { SpineProviderCard } from '../src/components/provider-card/provider-card.js';
import type { SpineResults } from '../src/components/results/results.js';
import type { SpineSearchBox } from '../src/components/search-box/search-box.js';
import type { SpineResultsEvent } from '../src/events.js';

/** The parts of a finder a person sees, found through its shadow roots. */
export function partsOf(finder: SpineFinder) {
  const root = finder.shadowRoot!;
  const searchBox = root.querySelector<SpineSearchBox>('spine-search-box')!;
  const results = root.querySelector<SpineResults>('spine-results')!;
  const map = root.querySelector<SpineMap>('spine-map')!;
  return {
    searchBox,
    /** The location field (not there in the compact layout). */
    get input() {
      return searchBox.shadowRoot!.querySelector('input')!;
    },
    status: root.querySelector<HTMLElement>('[role="status"]')!,
    alert: root.querySelector<HTMLElement>('[role="alert"]')!,
    results,
    map,
    cards: () => [...results.shadowRoot!.querySelectorAll<SpineProviderCard>('spine-provider-card')],
    cardNames: () =>
      [...results.shadowRoot!.querySelectorAll<SpineProviderCard>('spine-provider-card')].map((card) =>
        card.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim(),
      ),
    retryButton: () => root.querySelector<HTMLButtonElement>('[part~="retry-button"]'),
  };
}

/** Types into the location field as a person would and presses Enter. */
export async function searchFor(finder: SpineFinder, text: string): Promise<void> {
  const { input } = partsOf(finder);
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

/** Searches and waits for the results event. */
export async function searchAndWait(finder: SpineFinder, text: string): Promise<SpineResultsEvent> {
  const results = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
  await searchFor(finder, text);
  const event = await results;
  await finder.updateComplete;
  await partsOf(finder).results.whenDrawn();
  return event;
}

/** Waits until the map has loaded Leaflet and drawn the current results. */
export async function mapReady(map: SpineMap): Promise<void> {
  await waitUntil(() => map.shadowRoot!.querySelector('.leaflet-container'), 'Leaflet did not start', {
    timeout: 5000,
  });
  await map.mapReady;
}
