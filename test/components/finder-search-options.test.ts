/**
 * How a person narrows and steers a search: filters and order, a preset
 * location, "Use my location", ambiguous city names, nothing found, the
 * partner clinic's compact list, and a search shared in the URL.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineFilters } from '../../src/components/filters/filters.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineErrorEvent, SpineResultsEvent, SpineSearchEvent } from '../../src/events.js';
import { readSharedSearch } from '../../src/state/url-state.js';
import { partsOf, searchAndWait, searchFor } from '../helpers.js';

function filtersOf(finder: SpineFinder): SpineFilters {
  return finder.shadowRoot!.querySelector('spine-filters')!;
}

function checkbox(finder: SpineFinder, id: string): HTMLInputElement {
  return filtersOf(finder).shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
}

async function nextResults(finder: SpineFinder, act: () => unknown): Promise<SpineResultsEvent> {
  const results = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
  await act();
  const event = await results;
  await finder.updateComplete;
  await partsOf(finder).results.whenDrawn();
  return event;
}

describe('<spine-finder> filters', () => {
  it('narrows the results when a person ticks a filter, and widens them when it is cleared', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    await expect(filtersOf(finder)).to.be.accessible();
    expect(partsOf(finder).cardNames()).to.have.length(4);

    await nextResults(finder, () => checkbox(finder, 'telehealth').click());
    expect(partsOf(finder).cardNames()).to.deep.equal(['Ben Okafor, PT, DPT']);

    await nextResults(finder, () => checkbox(finder, 'discipline-chiropractic').click());
    expect(partsOf(finder).cardNames()).to.deep.equal([]);
    // Nothing found: the one-click fixes are offered.
    const suggestions = [...finder.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="suggestion-button"]')];
    expect(suggestions.map((button) => button.textContent!.trim())).to.deep.equal([
      'Search within 50 miles',
      'Clear filters',
    ]);
    await nextResults(finder, () => suggestions[1].click());
    expect(partsOf(finder).cardNames()).to.have.length(4);
    expect(checkbox(finder, 'telehealth').checked).to.equal(false);
  });

  it('applies a language typed in its field when the person presses Enter', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    const language = filtersOf(finder).shadowRoot!.querySelector<HTMLInputElement>('#language')!;
    language.focus();
    await nextResults(finder, async () => {
      await sendKeys({ type: 'spanish' });
      await sendKeys({ press: 'Enter' });
    });
    expect(partsOf(finder).cardNames()).to.deep.equal(['Ana Lopez, DC']);
  });

  it('orders by name when asked', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder endpoint="/test-api/directory" sort="name"></spine-finder>`,
    );
    await searchAndWait(finder, 'Evanston, IL');
    expect(partsOf(finder).cardNames()).to.deep.equal([
      'Ana Lopez, DC',
      'Ben Okafor, PT, DPT',
      'Carla Nguyen, DO',
      'David Kim, DC',
    ]);
  });

  it('takes preset filters as JSON, and says once what is wrong with bad JSON', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder endpoint="/test-api/directory" filters='{"acceptingNewPatients": true}'></spine-finder>`,
    );
    await searchAndWait(finder, '60614');
    expect(partsOf(finder).cardNames()).to.deep.equal(['Ana Lopez, DC']);
    expect(checkbox(finder, 'acceptingNewPatients').checked).to.equal(true);

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      finder.setAttribute('filters', '{"telehealth": "yes"}');
      await finder.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(`filters='{"telehealth": "yes"}' (at telehealth) is not valid`);
    expect(finder.filters).to.deep.equal({});
  });
});

describe('<spine-finder> locations', () => {
  it('searches a preset location on load', async () => {
    const searched = new Promise<SpineSearchEvent>((resolve) =>
      document.addEventListener('spine-search', (event) => resolve(event), { once: true }),
    );
    const finder = await fixture<SpineFinder>(
      html`<spine-finder endpoint="/test-api/directory" location="41.9229,-87.6483" radius="5"></spine-finder>`,
    );
    expect((await searched).place.point).to.deep.equal({ lat: 41.9229, lng: -87.6483 });
    await waitUntil(() => partsOf(finder).cardNames().length === 3, 'the preset search did not show its results');
  });

  it('offers the states of an ambiguous city as buttons', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    await searchFor(finder, 'Springfield');
    expect((await error).kind).to.equal('location-ambiguous');
    await finder.updateComplete;
    const choices = [...finder.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="place-button"]')];
    expect(choices.map((button) => button.textContent!.trim())).to.include.members([
      'Springfield, IL',
      'Springfield, MO',
    ]);
    await expect(finder).to.be.accessible();

    const searched = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
    choices.find((button) => button.textContent!.trim() === 'Springfield, IL')!.click();
    const search = await searched;
    expect(search.place.label).to.equal('Springfield, IL');
    expect(search.place.point.lat).to.be.closeTo(39.78, 0.05);
    expect(partsOf(finder).input.value).to.equal('Springfield, IL');
  });

  it('searches near the person when they press "Use my location", rounded to about a kilometre', async () => {
    await executeServerCommand('set-geolocation', { latitude: 41.92291234, longitude: -87.64831234 });
    const finder = await fixture<SpineFinder>(
      html`<spine-finder endpoint="/test-api/directory" radius="5"></spine-finder>`,
    );
    const searched = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
    const results = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
    partsOf(finder).searchBox.shadowRoot!.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
    const search = await searched;
    expect(search.place.point).to.deep.equal({ lat: 41.92, lng: -87.65 });
    expect(search.place.label).to.equal('your location');
    await results;
    await finder.updateComplete;
    expect(partsOf(finder).status.textContent).to.contain('within 5 miles of your location');
  });

  it('explains a refusal to share the location, and the field still works', async () => {
    await executeServerCommand('set-geolocation', { denied: true });
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    partsOf(finder).searchBox.shadowRoot!.querySelector<HTMLButtonElement>('[part~="locate-button"]')!.click();
    expect((await error).kind).to.equal('location-denied');
    await finder.updateComplete;
    expect(partsOf(finder).alert.textContent).to.contain('Your location was not shared');
    expect(partsOf(finder).retryButton()).to.equal(null);
    await searchAndWait(finder, '60614');
    expect(partsOf(finder).cardNames()).to.have.length(4);
  });
});

describe('<spine-finder layout="compact">', () => {
  it('lists the nearest clinicians to a fixed place, with no search box or map, and links to the full finder', async () => {
    const results = new Promise<SpineResultsEvent>((resolve) =>
      document.addEventListener('spine-results', (event) => resolve(event), { once: true }),
    );
    const finder = await fixture<SpineFinder>(
      html`<spine-finder
        layout="compact"
        endpoint="/test-api/directory"
        location="60614"
        limit="3"
        finder-url="/find-a-clinician"
      ></spine-finder>`,
    );
    await results;
    await finder.updateComplete;
    const root = finder.shadowRoot!;
    expect(root.querySelector('spine-search-box')).to.equal(null);
    expect(root.querySelector('spine-filters')).to.equal(null);
    expect(root.querySelector('spine-map')).to.equal(null);
    await partsOf(finder).results.whenDrawn();
    expect(partsOf(finder).cardNames()).to.have.length(3);
    const link = root.querySelector<HTMLAnchorElement>('[part~="see-all-link"]')!;
    expect(link.textContent!.trim()).to.equal('See all clinicians near 60614');
    const href = new URL(link.href);
    expect(href.pathname).to.equal('/find-a-clinician');
    expect(readSharedSearch(href.hash)).to.deep.equal({ text: '60614', radius: 25 });
    await expect(finder).to.be.accessible();
  });
});

describe('<spine-finder sync-url>', () => {
  let original: string;
  beforeEach(() => {
    original = location.href;
  });
  afterEach(() => {
    history.replaceState(null, '', original);
  });

  it('writes the search, filters and chosen clinician to the fragment, never the query string', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#host=1`);
    const search = location.search;
    const finder = await fixture<SpineFinder>(
      html`<spine-finder sync-url endpoint="/test-api/directory" .filters=${{ telehealth: true }}></spine-finder>`,
    );
    await searchAndWait(finder, '60614');
    partsOf(finder).cards()[0].shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-button"]')!.click();
    await finder.updateComplete;
    expect(location.search).to.equal(search);
    const params = new URLSearchParams(location.hash.slice(1));
    expect(params.get('host')).to.equal('1');
    expect(readSharedSearch(location.hash)).to.deep.equal({
      text: '60614',
      radius: 25,
      filters: { telehealth: true },
      selected: 'fx-2',
    });
  });

  it('reads a shared search back on load: the same results, filters and chosen clinician', async () => {
    history.replaceState(null, '', `${location.pathname}#spine-q=60614&spine-r=5&spine-new=1&spine-sel=fx-1`);
    const results = new Promise<SpineResultsEvent>((resolve) =>
      document.addEventListener('spine-results', (event) => resolve(event), { once: true }),
    );
    const finder = await fixture<SpineFinder>(
      html`<spine-finder sync-url endpoint="/test-api/directory"></spine-finder>`,
    );
    const event = await results;
    expect(event.place.label).to.equal('60614');
    await finder.updateComplete;
    await partsOf(finder).results.whenDrawn();
    expect(partsOf(finder).cardNames()).to.deep.equal(['Ana Lopez, DC']);
    expect(partsOf(finder).input.value).to.equal('60614');
    expect(checkbox(finder, 'acceptingNewPatients').checked).to.equal(true);
    await waitUntil(() => partsOf(finder).cards()[0].selected, 'the shared clinician was not chosen');
  });

  it('leaves the URL alone without sync-url', async () => {
    history.replaceState(null, '', `${location.pathname}`);
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    expect(location.hash).to.equal('');
  });
});
