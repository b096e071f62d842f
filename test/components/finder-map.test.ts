/**
 * The finder's list and map together: a map that is optional, a narrow
 * layout that shows one at a time, "Search this area", and a list that shows
 * a long result set a page at a time while the map shows all of it.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import { SpineSelectEvent } from '../../src/events.js';
import type { SpineResultsEvent, SpineSearchEvent } from '../../src/events.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';

describe('<spine-finder> without a map', () => {
  it('has no map with no-map, and lists the results all the same', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder no-map endpoint="/test-api/directory"></spine-finder>`,
    );
    await searchAndWait(finder, '60614');
    expect(finder.shadowRoot!.querySelector('spine-map') === null, 'no map element').to.equal(true);
    expect(finder.shadowRoot!.querySelector('[part~="view-button"]') === null, 'no list/map switch').to.equal(true);
    expect(partsOf(finder).cardNames()).to.have.length(4);
    await expect(finder).to.be.accessible();
  });
});

describe('<spine-finder> on a narrow screen', () => {
  it('shows the list, with a switch to the map, and loads the map only when it is asked for', async () => {
    const wrapper = document.createElement('div');
    wrapper.style.width = '320px';
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`, {
      parentNode: wrapper,
    });
    await searchAndWait(finder, '60614');
    const { map, cards } = partsOf(finder);
    const [listButton, mapButton] = [
      ...finder.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="view-button"]'),
    ];
    expect(listButton.getAttribute('aria-pressed')).to.equal('true');
    expect(mapButton.getAttribute('aria-pressed')).to.equal('false');
    expect(map.getClientRects().length, 'the map is not laid out').to.equal(0);
    // Leaflet has not started: the map is not about to be seen.
    expect(map.shadowRoot!.querySelector('.leaflet-container') === null, 'no map yet').to.equal(true);
    expect(cards()[0].getBoundingClientRect().width).to.be.greaterThan(0);
    // Nothing wider than the screen: no sideways scrolling at 320 px.
    expect(finder.scrollWidth).to.be.at.most(320);
    await expect(finder).to.be.accessible();

    mapButton.click();
    await finder.updateComplete;
    expect(mapButton.getAttribute('aria-pressed')).to.equal('true');
    expect(map.getClientRects().length, 'the map is laid out').to.equal(1);
    expect(getComputedStyle(finder.shadowRoot!.querySelector('.list')!).display).to.equal('none');
    await mapReady(map);
    expect(map.shadowRoot!.querySelector('.leaflet-container') !== null, 'the map loaded').to.equal(true);
  });
});

describe('<spine-finder> search this area', () => {
  it('searches the map’s centre and visible radius, and leaves the map where the person put it', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    const { map, status } = partsOf(finder);
    await mapReady(map);
    const container = map.shadowRoot!.querySelector<HTMLElement>('.leaflet-container')!;
    container.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Shift' });
    const button = () => map.shadowRoot!.querySelector<HTMLButtonElement>('[part~="area-search-button"]');
    await waitUntil(button, '"Search this area" was not offered', { timeout: 5000 });
    const paneBefore = map.shadowRoot!.querySelector<HTMLElement>('.leaflet-map-pane')!.style.transform;

    const searched = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
    const results = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
    button()!.click();
    const search = await searched;
    expect(search.place.label).to.equal('the map area');
    expect(search.place.point.lat).to.be.lessThan(41.9229);
    await results;
    await finder.updateComplete;
    expect(status.textContent).to.match(/within [\d.]+ miles of the map area/);
    await map.mapReady;
    expect(map.shadowRoot!.querySelector<HTMLElement>('.leaflet-map-pane')!.style.transform).to.equal(paneBefore);
  });
});

describe('<spine-finder> with a long result set', () => {
  it('lists fifty at a time while the map has them all, and reveals a marker’s card when it is chosen', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder
        adapter="static"
        endpoint="/demo-data/providers.json"
        limit="5000"
        radius="50"
      ></spine-finder>`,
    );
    const event = await searchAndWait(finder, 'New York, NY');
    expect(event.matches.length).to.be.greaterThan(100);
    const { cards, status, map } = partsOf(finder);
    expect(cards()).to.have.length(50);
    expect(status.textContent).to.contain(`Showing the 50 nearest of ${event.matches.length.toLocaleString('en')}`);
    await mapReady(map);
    const clustered = map
      .clusterElements()
      .reduce(
        (sum, cluster) => sum + Number(/of ([\d,]+)/.exec(cluster.getAttribute('aria-label')!)![1].replace(/,/g, '')),
        0,
      );
    expect(clustered).to.be.greaterThan(50);

    const more = finder.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more-button"]')!;
    more.click();
    await finder.updateComplete;
    await partsOf(finder).results.whenDrawn();
    expect(cards()).to.have.length(100);
    await waitUntil(() => cards()[50].shadowRoot!.activeElement !== null, 'focus did not move to the first new card');

    // Choosing the farthest clinician on the map shows its card, wherever it is in the list.
    const farthest = event.matches[event.matches.length - 1].provider;
    map.dispatchEvent(new SpineSelectEvent(farthest, 'map', true));
    await waitUntil(() => cards().some((card) => card.provider?.id === farthest.id), 'the card was not revealed');
  });
});

describe('<spine-finder> skip link', () => {
  it('lets a keyboard user jump past the map to what follows the finder', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <spine-finder endpoint="/test-api/directory"></spine-finder>
        <button id="after">After the finder</button>
      </div>
    `);
    const finder = page.querySelector('spine-finder')!;
    await searchAndWait(finder, '60614');
    const skip = finder.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip-link"]')!;
    expect(skip.textContent!.trim()).to.equal('Skip the map');
    // Reached by Tab from the last card action, it shows itself when focused.
    skip.focus();
    expect(skip.getBoundingClientRect().top).to.be.greaterThan(0);
    await sendKeys({ press: 'Enter' });
    const end = finder.shadowRoot!.activeElement as HTMLElement;
    expect(end.id).to.equal('after-map');
    expect(end.textContent!.trim()).to.equal('End of the map');
    // Seen while it has focus, with its focus ring.
    expect(end.getBoundingClientRect().width).to.be.greaterThan(20);
    expect(getComputedStyle(end).outlineStyle).to.equal('solid');
    await sendKeys({ press: 'Tab' });
    const inside = finder.shadowRoot!.activeElement;
    expect(document.activeElement?.id, `focus is on ${inside?.outerHTML.slice(0, 80)}`).to.equal('after');
  });

  it('is nowhere to be seen or clicked until it has focus, wherever the finder is on the page', async () => {
    // A second finder further down a long page: hidden by moving it a fixed distance, its
    // skip link once turned up over the page's top, hiding the text there.
    const page = await fixture<HTMLElement>(html`
      <div>
        <div style="height: 150vh"></div>
        <spine-finder endpoint="/test-api/directory"></spine-finder>
      </div>
    `);
    const finder = page.querySelector('spine-finder')!;
    await searchAndWait(finder, '60614');
    const skip = finder.shadowRoot!.querySelector<HTMLButtonElement>('[part~="skip-link"]')!;
    const hitAnywhere = () => {
      const rect = skip.getBoundingClientRect();
      const points = [
        [rect.left + 2, rect.top + 2],
        [rect.left + rect.width / 2, rect.top + rect.height / 2],
        [rect.right - 2, rect.bottom - 2],
      ];
      return points.some(([x, y]) => finder.shadowRoot!.elementsFromPoint(x, y).includes(skip));
    };
    for (const top of [0, window.innerHeight, document.documentElement.scrollHeight]) {
      window.scrollTo(0, top);
      expect(hitAnywhere(), `seen with the page scrolled to ${top}`).to.equal(false);
    }
    skip.focus();
    expect(hitAnywhere(), 'seen once focused').to.equal(true);
    window.scrollTo(0, 0);
  });
});
