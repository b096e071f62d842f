/**
 * Dark mode: with the person's system set to dark (prefers-color-scheme),
 * and with theme="dark" on a light system, every element paints a dark
 * surface, its text keeps 4.5:1 (3:1 when large), edges, checkboxes, focus
 * rings and the map's marks keep 3:1, and axe passes. theme="light" keeps
 * the finder light on a dark system, and an element used on its own follows
 * the system. The host page stays white throughout: a dark finder must not
 * lean on a dark page for its contrast.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { nothing } from 'lit';
import '../../src/define.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineMap } from '../../src/components/map/map.js';
import type { SpineResults } from '../../src/components/results/results.js';
import type { Match } from '../../src/directory/adapter.js';
import type { GeoPoint } from '../../src/directory/schema.js';
import type { SpineErrorEvent } from '../../src/events.js';
import {
  backgroundBehind,
  openDetails,
  parseColor,
  ratioAgainst,
  shadowPart,
  shown,
  weakEdges,
} from '../a11y/a11y-helpers.js';
import { mapReady, partsOf, searchAndWait, searchFor } from '../helpers.js';
import { surfacesNotIn, tabThrough, weakMapMarks, weakText } from './theme-helpers.js';

const CHICAGO: GeoPoint = { lat: 41.9229, lng: -87.6483 };
const MATCHES: Match[] = SAMPLE_PROVIDERS.map((provider, index) => ({ provider, distanceKm: 1 + index * 3 }));

type Scheme = 'light' | 'dark';

/**
 * A finder in every state that paints something of its own: results, a
 * card's details and explanation open, a chosen card and its marker, a
 * clinician on the referral sheet, the map drawn; between two buttons of
 * the page, for the Tab walk.
 */
async function finderInEveryState(theme?: Scheme): Promise<{ page: HTMLElement; finder: SpineFinder }> {
  const page = await fixture<HTMLElement>(html`
    <div>
      <button type="button" id="before">Before</button>
      <spine-finder endpoint="/test-api/directory" theme=${theme ?? nothing}></spine-finder>
      <button type="button" id="after">After</button>
    </div>
  `);
  const finder = page.querySelector<SpineFinder>('spine-finder')!;
  await searchAndWait(finder, '60614');
  const { map, cards } = partsOf(finder);
  await mapReady(map);
  await openDetails(cards()[0]);
  shadowPart<HTMLButtonElement>(cards()[0], 'explain-button').click();
  shadowPart<HTMLButtonElement>(cards()[1], 'referral-button').click();
  await waitUntil(() => finder.shadowRoot!.querySelector('spine-referral-tray'), 'no referral tray');
  shadowPart<HTMLButtonElement>(cards()[2], 'select-button').click();
  await waitUntil(() => map.markerElement('fx-3')?.classList.contains('selected'), 'the chosen marker', {
    timeout: 5000,
  });
  await map.mapReady;
  await cards()[0].updateComplete;
  return { page, finder };
}

/** Each of the checks, in one scheme, on a finder in every state. */
function checksIn(scheme: Scheme, setUp: () => Promise<{ page: HTMLElement; finder: SpineFinder }>) {
  it(`paints ${scheme} surfaces, with the browser's own controls in the ${scheme} scheme too`, async () => {
    const { finder } = await setUp();
    expect(surfacesNotIn(finder, scheme)).to.deep.equal([]);
    const input = partsOf(finder).input;
    expect(getComputedStyle(input).colorScheme).to.equal(scheme);
  });

  it('keeps every text at 4.5:1 (3:1 when large)', async () => {
    const { finder } = await setUp();
    expect(weakText(finder)).to.deep.equal([]);
  });

  it('keeps the edges of fields, selects, buttons and badges, and ticked checkboxes, at 3:1', async () => {
    const { finder } = await setUp();
    const edged = shown(finder, 'input[type="text"], select, textarea, button:not(.text-button), [part~="badge"]');
    expect(edged.length).to.be.greaterThan(20);
    expect(weakEdges(edged)).to.deep.equal([]);
    for (const box of shown(finder, 'input[type="checkbox"]')) {
      const accent = parseColor(getComputedStyle(box).accentColor);
      expect(ratioAgainst(accent, backgroundBehind(box, { includeSelf: false }))).to.be.at.least(3);
    }
  });

  it('keeps the markers, clusters, chosen marker and search area at 3:1 on land and water', async () => {
    const { finder } = await setUp();
    const { map } = partsOf(finder);
    expect(map.clusterElements().length, 'clusters').to.be.greaterThan(0);
    expect(weakMapMarks(map)).to.deep.equal([]);
  });

  it('shows a focus ring of 2px or more at 3:1 at every Tab stop', async () => {
    const { page, finder } = await setUp();
    const { stops, problems } = await tabThrough(page.querySelector<HTMLElement>('#before')!, finder);
    expect(problems).to.deep.equal([]);
    expect(stops, 'stops checked').to.be.greaterThan(45);
  });

  it('passes axe', async () => {
    const { finder } = await setUp();
    await expect(finder).to.be.accessible();
  });

  it('after a failure: the alert and Retry', async () => {
    const { finder } = await setUp();
    finder.endpoint = '/test-api/status/500';
    const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    await searchFor(finder, 'Evanston, IL');
    await error;
    await finder.updateComplete;
    expect(partsOf(finder).retryButton(), 'a Retry button').not.to.equal(null);
    expect(surfacesNotIn(finder, scheme)).to.deep.equal([]);
    expect(weakText(finder)).to.deep.equal([]);
    expect(weakEdges(shown(finder, '[part~="alert"], [part~="retry-button"]'))).to.deep.equal([]);
    await expect(finder).to.be.accessible();
  });
}

describe('dark mode', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  describe('when the system prefers dark', () => {
    checksIn('dark', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      return finderInEveryState();
    });
  });

  describe('theme="dark" on a light system', () => {
    checksIn('dark', async () => {
      await emulateMedia({ colorScheme: 'light' });
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(false);
      return finderInEveryState('dark');
    });
  });

  describe('theme="light" on a dark system', () => {
    checksIn('light', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      return finderInEveryState('light');
    });
  });

  describe('elements on their own', () => {
    async function elementsAlone(): Promise<HTMLElement> {
      // The map first: it loads only when it is about to be seen.
      const page = await fixture<HTMLElement>(html`
        <div>
          <spine-map .results=${MATCHES} .center=${CHICAGO} .radiusKm=${20} .selectedId=${'fx-2'}></spine-map>
          <spine-search-box value="60614"></spine-search-box>
          <spine-filters .filters=${{ telehealth: true }}></spine-filters>
          <spine-referral-tray .providers=${[SAMPLE_PROVIDERS[0]]}></spine-referral-tray>
          <spine-provider-card .provider=${SAMPLE_PROVIDERS[0]} details-open selected></spine-provider-card>
          <spine-results .results=${MATCHES}></spine-results>
        </div>
      `);
      await page.querySelector<SpineResults>('spine-results')!.whenDrawn();
      await mapReady(page.querySelector<SpineMap>('spine-map')!);
      return page;
    }

    for (const scheme of ['dark', 'light'] as const) {
      it(`follow the system when it prefers ${scheme}`, async () => {
        await emulateMedia({ colorScheme: scheme });
        const page = await elementsAlone();
        for (const element of page.children) {
          expect(surfacesNotIn(element, scheme), element.localName).to.deep.equal([]);
          expect(weakText(element), element.localName).to.deep.equal([]);
        }
        expect(weakMapMarks(page.querySelector<SpineMap>('spine-map')!)).to.deep.equal([]);
        await expect(page).to.be.accessible();
      });
    }
  });

  it('tells a light surface, faint text and a faint mark from good ones (the checks themselves)', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const page = await fixture<HTMLElement>(html`
      <div style="--spine-color-surface: #777777; --spine-color-muted: #5a5a5a; --spine-marker-color: #2a3038">
        <spine-map .results=${MATCHES} .center=${CHICAGO} .radiusKm=${20}></spine-map>
        <spine-provider-card .provider=${SAMPLE_PROVIDERS[0]}></spine-provider-card>
      </div>
    `);
    const card = page.querySelector('spine-provider-card')!;
    expect(surfacesNotIn(card, 'dark').join(' ')).to.contain('luminance 0.18');
    expect(weakText(card).join(' ')).to.contain('"meta": text 1.54:1');
    const map = page.querySelector<SpineMap>('spine-map')!;
    await mapReady(map);
    // A marker the colour of the dark land.
    expect(weakMapMarks(map).join(' ')).to.contain('on land: 1.00:1');
  });
});
