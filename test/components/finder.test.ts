import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineErrorEvent, SpineSearchEvent, SpineSelectEvent } from '../../src/events.js';
import { sendKeys } from '@web/test-runner-commands';
import { mapReady, partsOf, searchAndWait, searchFor } from '../helpers.js';

describe('<spine-finder>', () => {
  it('is accessible before and after a search', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await expect(finder).to.be.accessible();
    await searchAndWait(finder, '60614');
    await expect(finder).to.be.accessible();
  });

  it('names the location field with "ZIP"', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    const { input } = partsOf(finder);
    const label = input.labels![0].textContent!;
    expect(label).to.contain('ZIP');
  });

  it('shows the nearby clinicians as cards, nearest first, when a ZIP is typed and Enter pressed', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder endpoint="/test-api/directory" radius="5"></spine-finder>`,
    );
    const search = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
    const event = await searchAndWait(finder, '60614');
    const started = await search;
    expect(started.place.label).to.equal('60614');
    expect(started.radius).to.equal(5);
    expect(started.units).to.equal('mi');

    const { cardNames, status } = partsOf(finder);
    // Evanston is about 8.6 miles from 60614: outside a 5-mile search.
    expect(cardNames()).to.deep.equal(['Ana Lopez, DC', 'Ben Okafor, PT, DPT', 'Carla Nguyen, DO']);
    expect(event.matches.map((match) => match.provider.id)).to.deep.equal(['fx-1', 'fx-2', 'fx-3']);
    expect(event.dropped).to.equal(0);
    expect(status.textContent!.trim()).to.equal('3 clinicians within 5 miles of 60614');
  });

  it('finds a place written as "City, ST"', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    const event = await searchAndWait(finder, 'Evanston, IL');
    expect(event.place.label).to.equal('Evanston, IL');
    expect(event.matches[0].provider.name).to.equal('David Kim');
  });

  it('explains a ZIP code it cannot find, in an alert, without a Retry', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    await searchFor(finder, '00000');
    expect((await error).kind).to.equal('location-not-found');
    await finder.updateComplete;
    const { alert, retryButton } = partsOf(finder);
    expect(alert.textContent).to.contain('We could not find “00000”');
    expect(retryButton()).to.equal(null);
  });

  it('shows a server error with Retry, keeps earlier results, and recovers when Retry works', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    const key = `retry-${Math.random().toString(36).slice(2)}`;
    // Three failures outlast the adapter's own two retries; the fourth request works.
    finder.endpoint = `/test-api/flaky/${key}?failures=3`;

    const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    await searchFor(finder, '60614');
    expect((await error).kind).to.equal('http');
    await finder.updateComplete;
    const parts = partsOf(finder);
    expect(parts.alert.textContent).to.contain('The directory answered with an error (503)');
    expect(parts.alert.textContent).to.contain('previous search');
    expect(parts.cardNames()).to.have.length(4);

    const recovered = oneEvent(finder, 'spine-results');
    parts.retryButton()!.click();
    await recovered;
    await finder.updateComplete;
    expect(parts.alert.textContent!.trim()).to.equal('');
    expect(parts.status.textContent).to.contain('4 clinicians');
  });

  it('drops invalid records, shows every valid one, and reports how many were dropped', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/mixed"></spine-finder>`);
    const event = await searchAndWait(finder, '60614');
    expect(event.dropped).to.equal(4);
    expect(partsOf(finder).cardNames()).to.have.length(4);
    expect(finder.shadowRoot!.textContent).to.contain('4 listings could not be shown');
  });

  it('highlights the marker of a card that is chosen, and the card of a marker that is chosen', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    const { map, cards } = partsOf(finder);
    await mapReady(map);
    // At the zoom that shows 25 miles, the three Lincoln Park clinicians are one cluster.
    expect(map.markerElement('fx-2') === undefined, 'fx-2 starts inside a cluster').to.equal(true);

    const selectFromList = oneEvent(finder, 'spine-select') as Promise<SpineSelectEvent>;
    cards()[1].shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-button"]')!.click();
    expect((await selectFromList).source).to.equal('list');
    // The map zooms in until Ben Okafor's own marker shows, highlighted.
    await waitUntil(() => map.markerElement('fx-2')?.classList.contains('selected'), 'the marker was not highlighted', {
      timeout: 5000,
    });
    const benMarker = map.markerElement('fx-2')!;
    expect(benMarker.getAttribute('aria-label')).to.match(/^Ben Okafor, PT, DPT, [\d.]+ miles?$/);
    expect(benMarker.getAttribute('role')).to.equal('button');

    await waitUntil(() => map.markerElement('fx-3'), 'Carla Nguyen’s marker is not shown');
    const selectFromMap = oneEvent(finder, 'spine-select') as Promise<SpineSelectEvent>;
    map.markerElement('fx-3')!.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 1, clientY: 1 }));
    const chosen = await selectFromMap;
    expect(chosen.source).to.equal('map');
    expect(chosen.provider.id).to.equal('fx-3');
    await waitUntil(() => cards()[2].selected, 'the card of the chosen marker is not selected');
    expect(cards()[1].selected).to.equal(false);
    expect(benMarker.classList.contains('selected')).to.equal(false);
  });
});

describe('<spine-finder> with the keyboard', () => {
  it('moves focus to the card of a marker chosen with Enter', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    const { map, cards } = partsOf(finder);
    await mapReady(map);

    // Evanston's clinician stands alone on the map; the Lincoln Park three are clustered.
    map.markerElement('fx-4')!.focus();
    await sendKeys({ press: 'Enter' });
    const card = cards()[3];
    await waitUntil(() => card.selected, 'the card was not selected');
    await waitUntil(
      () => card.shadowRoot!.activeElement?.getAttribute('part') === 'select-button',
      'focus did not move into the card',
    );
  });
});

describe('<spine-finder> languages and units', () => {
  it('speaks Spanish when the page is in Spanish, in miles', async () => {
    // The finder is the fixture (so it waits for the element, not a frame)
    // inside a Spanish page section.
    const section = document.createElement('div');
    section.lang = 'es';
    const finder = await fixture<SpineFinder>(
      html`<spine-finder endpoint="/test-api/directory" radius="5"></spine-finder>`,
      { parentNode: section },
    );
    const { input, status } = partsOf(finder);
    expect(input.labels![0].textContent).to.contain('Código postal (ZIP)');
    await searchAndWait(finder, '60614');
    expect(status.textContent!.trim()).to.equal('3 profesionales a menos de 5 millas de 60614');
  });

  it('uses kilometres for British English unless told otherwise', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder lang="en-GB" endpoint="/test-api/directory" radius="10"></spine-finder>`,
    );
    const started = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
    await searchAndWait(finder, '60614');
    expect((await started).units).to.equal('km');
    expect(partsOf(finder).status.textContent).to.contain('within 10 kilometres of 60614');

    finder.units = 'mi';
    await finder.updateComplete;
    const again = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
    await searchAndWait(finder, '60614');
    expect((await again).units).to.equal('mi');
  });
});
