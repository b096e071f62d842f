/**
 * axe-core in each state a person meets, element by element: while a search
 * runs, nothing found, a failure, details open, the referral sheet, the map
 * with clusters and with a group practice's list open, in Spanish, on a dark
 * page, and the printed referral sheet.
 *
 * States already checked beside each element's own tests are not repeated
 * here: the finder before and after a search (finder.test.ts), without a map
 * and on a narrow screen (finder-map.test.ts), with an ambiguous city and in
 * the compact layout (finder-search-options.test.ts), with clinicians on the
 * referral sheet (finder-referral.test.ts); each leaf element's first state,
 * a card with its details and explanation open in English and Spanish
 * (provider-card.test.ts), the map with one cluster and with a group
 * practice's list open (map-clusters.test.ts), the tray with its copy field
 * (referral-tray.test.ts) and the English referral sheet
 * (print-referral.test.ts).
 *
 * Each test first asserts that the state is the one named, so that a change
 * which skips the state cannot pass by checking something else.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { SpineFilters } from '../../src/components/filters/filters.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineMap } from '../../src/components/map/map.js';
import type { SpineProviderCard } from '../../src/components/provider-card/provider-card.js';
import type { SpineReferralTray } from '../../src/components/referral-tray/referral-tray.js';
import type { SpineResults } from '../../src/components/results/results.js';
import type { SpineSearchBox } from '../../src/components/search-box/search-box.js';
import type { Match } from '../../src/directory/adapter.js';
import type { GeoPoint } from '../../src/directory/schema.js';
import type { SpineErrorEvent } from '../../src/events.js';
import { buildReferralSheet } from '../../src/referral/print-referral.js';
import { mapReady, partsOf, searchAndWait, searchFor } from '../helpers.js';
import { openDetails, shadowPart } from './a11y-helpers.js';

const [ANA, BEN, CARLA, DAVID] = SAMPLE_PROVIDERS;
const CHICAGO: GeoPoint = { lat: 41.9229, lng: -87.6483 };
const MATCHES: Match[] = SAMPLE_PROVIDERS.map((provider, index) => ({ provider, distanceKm: 1 + index * 3 }));

/** An element inside a section of the page in `lang`, as a host page in that language has it. */
async function inLanguage<T extends Element>(lang: string, template: ReturnType<typeof html>): Promise<T> {
  const section = document.createElement('div');
  section.lang = lang;
  return fixture<T>(template, { parentNode: section });
}

describe('axe: <spine-finder>', () => {
  it('while a search runs: status "Searching…" and a busy search button', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/slow/3000"></spine-finder>`);
    await searchFor(finder, '60614');
    await finder.updateComplete;
    const { status, searchBox } = partsOf(finder);
    expect(status.textContent!.trim()).to.equal('Searching…');
    await searchBox.updateComplete;
    expect(shadowPart(searchBox, 'button').getAttribute('aria-busy')).to.equal('true');
    await expect(finder).to.be.accessible();
    // Still the same state once axe has finished (it takes far less than the endpoint's 3 s).
    expect(status.textContent!.trim()).to.equal('Searching…');
  });

  it('when nothing is found: the message and the one-click suggestions', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    // The test directory's clinicians are all around Chicago.
    await searchAndWait(finder, 'Denver, CO');
    expect(partsOf(finder).status.textContent!.trim()).to.equal('No clinicians found within 25 miles of Denver, CO.');
    const suggestions = [...finder.shadowRoot!.querySelectorAll('[part~="suggestion-button"]')];
    expect(suggestions.map((button) => button.textContent!.trim())).to.deep.equal([
      'Search within 50 miles',
      'Show clinicians offering telehealth',
    ]);
    await expect(finder).to.be.accessible();
  });

  it('after a failure: the alert, Retry, and the earlier results marked as stale', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    finder.endpoint = `/test-api/flaky/axe-${Math.random().toString(36).slice(2)}?failures=1&fault=status&status=404`;
    const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    await searchFor(finder, 'Evanston, IL');
    await error;
    await finder.updateComplete;
    const { alert, retryButton, cardNames } = partsOf(finder);
    expect(alert.textContent).to.contain('The directory answered with an error (404).');
    expect(retryButton(), 'a Retry button').not.to.equal(null);
    expect(cardNames()).to.have.length(4);
    await expect(finder).to.be.accessible();
  });

  it('when a place cannot be found: the alert alone', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    await searchFor(finder, '00000');
    await error;
    await finder.updateComplete;
    expect(partsOf(finder).alert.textContent).to.contain('We could not find “00000”');
    await expect(finder).to.be.accessible();
  });

  it('with results, a card’s details and outcome explanation open, and the map drawn with its clusters', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    const { map, cards } = partsOf(finder);
    await mapReady(map);
    expect(map.clusterElements().length, 'clusters on the map').to.be.greaterThan(0);
    await openDetails(cards()[0]);
    shadowPart<HTMLButtonElement>(cards()[0], 'explain-button').click();
    await cards()[0].updateComplete;
    expect(shadowPart(cards()[0], 'explanation').hidden).to.equal(false);
    await expect(finder).to.be.accessible();
  });

  it('in Spanish: results with details open, and the map', async () => {
    const finder = await inLanguage<SpineFinder>(
      'es',
      html`<spine-finder endpoint="/test-api/directory"></spine-finder>`,
    );
    await searchAndWait(finder, '60614');
    const { map, cards, status } = partsOf(finder);
    expect(status.textContent!.trim()).to.equal('4 profesionales a menos de 25 millas de 60614');
    await mapReady(map);
    await openDetails(cards()[0]);
    await expect(finder).to.be.accessible();
  });

  it('in Spanish: nothing found, and a failure', async () => {
    const finder = await inLanguage<SpineFinder>(
      'es',
      html`<spine-finder endpoint="/test-api/directory"></spine-finder>`,
    );
    await searchAndWait(finder, 'Denver, CO');
    expect(finder.shadowRoot!.querySelectorAll('[part~="suggestion-button"]')).to.have.length(2);
    await expect(finder).to.be.accessible();

    finder.endpoint = '/test-api/status/404';
    const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    await searchFor(finder, '60614');
    await error;
    await finder.updateComplete;
    expect(partsOf(finder).retryButton()!.textContent!.trim()).to.equal('Reintentar');
    await expect(finder).to.be.accessible();
  });
});

describe('axe: a dark page', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  /**
   * A host page that turns dark with the system, and the finder with it
   * (its own dark scheme, test/theming/dark-mode.test.ts): its text must
   * stay readable on the page's dark.
   */
  async function onDarkPage(template: ReturnType<typeof html>): Promise<HTMLElement> {
    await emulateMedia({ colorScheme: 'dark' });
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
    const page = await fixture<HTMLElement>(html`
      <div>
        <style>
          @media (prefers-color-scheme: dark) {
            .dark-host {
              color-scheme: dark;
              background: #121212;
              color: #e8e8e8;
            }
          }
        </style>
        <div class="dark-host">${template}</div>
      </div>
    `);
    expect(getComputedStyle(page.querySelector('.dark-host')!).backgroundColor).to.equal('rgb(18, 18, 18)');
    return page;
  }

  it('keeps the finder readable: results, details open, the map', async () => {
    const page = await onDarkPage(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    const finder = page.querySelector<SpineFinder>('spine-finder')!;
    await finder.updateComplete;
    await searchAndWait(finder, '60614');
    const { map, cards } = partsOf(finder);
    await mapReady(map);
    await openDetails(cards()[0]);
    await expect(page).to.be.accessible();
  });

  it('keeps each element readable on its own', async () => {
    // The map first: it loads only when it is about to be seen.
    const page = await onDarkPage(html`
      <spine-map .results=${MATCHES} .center=${CHICAGO} .radiusKm=${20}></spine-map>
      <spine-search-box></spine-search-box>
      <spine-filters .filters=${{ telehealth: true }}></spine-filters>
      <spine-referral-tray .providers=${[ANA]}></spine-referral-tray>
      <spine-results .results=${MATCHES}></spine-results>
    `);
    const results = page.querySelector<SpineResults>('spine-results')!;
    await results.whenDrawn();
    await mapReady(page.querySelector<SpineMap>('spine-map')!);
    await expect(page).to.be.accessible();
  });
});

describe('axe: the leaf elements', () => {
  it('<spine-search-box> busy, in Spanish', async () => {
    const box = await inLanguage<SpineSearchBox>('es', html`<spine-search-box busy></spine-search-box>`);
    expect(shadowPart(box, 'button').textContent!.trim()).to.equal('Buscar');
    await expect(box).to.be.accessible();
  });

  it('<spine-filters> with filters chosen (Clear filters shown) and suggestions, in Spanish', async () => {
    const filters = await inLanguage<SpineFilters>(
      'es',
      html`<spine-filters
        .filters=${{ telehealth: true, disciplines: ['chiropractic'], language: 'Spanish' }}
        sort="quality"
        .languageOptions=${['English', 'Spanish']}
        .insuranceOptions=${['Aetna', 'Medicare']}
      ></spine-filters>`,
    );
    expect(shadowPart(filters, 'clear-button').textContent!.trim()).to.equal('Quitar filtros');
    expect(filters.shadowRoot!.querySelectorAll('datalist')).to.have.length(2);
    await expect(filters).to.be.accessible();
  });

  it('<spine-results> with a selected card and one on the referral sheet, in Spanish', async () => {
    const results = await inLanguage<SpineResults>(
      'es',
      html`<spine-results .results=${MATCHES} selected-id="fx-2" .referralIds=${new Set(['fx-1'])}></spine-results>`,
    );
    await results.whenDrawn();
    const cards = [...results.shadowRoot!.querySelectorAll<SpineProviderCard>('spine-provider-card')];
    await Promise.all(cards.map((card) => card.updateComplete));
    expect(cards[1].selected).to.equal(true);
    expect(shadowPart(cards[0], 'referral-button').getAttribute('aria-pressed')).to.equal('true');
    await expect(results).to.be.accessible();
  });

  it('<spine-provider-card> selected, on the referral sheet, details open', async () => {
    const card = await fixture<SpineProviderCard>(
      html`<spine-provider-card
        .provider=${ANA}
        .distanceKm=${1.5}
        selected
        .onReferral=${true}
      ></spine-provider-card>`,
    );
    await openDetails(card);
    expect(shadowPart(card, 'referral-button').textContent!.trim()).to.equal('On referral sheet');
    await expect(card).to.be.accessible();
  });

  it('<spine-map> in Spanish, with clusters, a selected marker and "Search this area"', async () => {
    const scattered: Match[] = Array.from({ length: 30 }, (_, i) => ({
      provider: {
        id: `s-${i}`,
        name: `Clínica ${i}`,
        location: { lat: CHICAGO.lat + ((i * 37) % 100) / 5000 - 0.01, lng: CHICAGO.lng + ((i * 61) % 100) / 4000 },
      },
      distanceKm: 1 + i / 10,
    }));
    const results = [...scattered, ...MATCHES];
    const map = await inLanguage<SpineMap>(
      'es',
      html`<spine-map .results=${results} .center=${CHICAGO} .radiusKm=${40} selected-id="fx-4"></spine-map>`,
    );
    await mapReady(map);
    expect(map.clusterElements().length).to.be.greaterThan(0);
    expect(map.clusterElements()[0].getAttribute('aria-label')).to.match(/^Grupo de/);
    await waitUntil(() => map.markerElement('fx-4')?.classList.contains('selected'), 'no selected marker', {
      timeout: 5000,
    });
    // Zooming out with the keyboard offers "Search this area".
    const container = map.shadowRoot!.querySelector<HTMLElement>('.leaflet-container')!;
    container.focus();
    await sendKeys({ press: '-' });
    await waitUntil(() => map.shadowRoot!.querySelector('[part~="area-search-button"]'), 'no "Search this area"', {
      timeout: 5000,
    });
    await expect(map).to.be.accessible();
  });

  it('<spine-map> with a group practice’s list open, in Spanish', async () => {
    const group: Match[] = [ANA, BEN, CARLA].map((provider) => ({
      provider: { ...provider, location: CHICAGO, address: { line1: '2400 N Clark St' } },
      distanceKm: 0.5,
    }));
    const map = await inLanguage<SpineMap>(
      'es',
      html`<spine-map .results=${group} .center=${CHICAGO} .radiusKm=${2}></spine-map>`,
    );
    await mapReady(map);
    map.markerElement('fx-1')!.click();
    await waitUntil(() => map.shadowRoot!.querySelector('.spine-site-member'), 'the list did not open');
    await expect(map).to.be.accessible();
  });

  it('<spine-referral-tray> after a copy, in Spanish', async () => {
    await executeServerCommand('set-clipboard-permission', { granted: true });
    const tray = await inLanguage<SpineReferralTray>(
      'es',
      html`<spine-referral-tray .providers=${[ANA, DAVID]}></spine-referral-tray>`,
    );
    shadowPart<HTMLButtonElement>(tray, 'copy-button').click();
    await waitUntil(() => shadowPart(tray, 'status').textContent!.trim() !== '', 'the copy was not reported');
    expect(shadowPart(tray, 'status').textContent!.trim()).to.equal('Copiado al portapapeles.');
    await expect(tray).to.be.accessible();
  });

  it('the printed referral sheet in Spanish', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.append(buildReferralSheet([ANA, BEN, CARLA, DAVID], { lang: 'es', date: new Date(2026, 0, 5) }));
    expect(container.querySelector('h1')!.textContent).to.match(/^Referido/);
    await expect(container).to.be.accessible();
  });
});
