import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { SpineProviderCard } from '../../src/components/provider-card/provider-card.js';
import type { SpineResults } from '../../src/components/results/results.js';
import type { Match } from '../../src/directory/adapter.js';
import type { SpineSelectEvent } from '../../src/events.js';

const MATCHES: Match[] = SAMPLE_PROVIDERS.map((provider, index) => ({ provider, distanceKm: 1 + index * 3 }));

async function resultsFor(results: readonly Match[], selectedId?: string): Promise<SpineResults> {
  const element = await fixture<SpineResults>(
    html`<spine-results .results=${results} .selectedId=${selectedId}></spine-results>`,
  );
  await Promise.all(cardsOf(element).map((card) => card.updateComplete));
  return element;
}

function cardsOf(element: SpineResults): SpineProviderCard[] {
  return [...element.shadowRoot!.querySelectorAll<SpineProviderCard>('spine-provider-card')];
}

function titleOf(card: SpineProviderCard): string {
  return card.shadowRoot!.querySelector('[part~="title"]')!.textContent!.trim();
}

function selectButtonOf(card: SpineProviderCard): HTMLButtonElement {
  return card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-button"]')!;
}

describe('<spine-results>', () => {
  it('is accessible', async () => {
    const element = await resultsFor(MATCHES);
    await expect(element).to.be.accessible();
  });

  it('renders one card per result, in order, each in an item of an ordered list', async () => {
    const element = await resultsFor(MATCHES);
    const list = element.shadowRoot!.querySelector('ol')!;
    const items = [...list.children];
    expect(items.map((item) => item.localName)).to.deep.equal(['li', 'li', 'li', 'li']);
    const cards = items.map((item) => item.querySelector<SpineProviderCard>(':scope > spine-provider-card')!);
    expect(cards.map(titleOf)).to.deep.equal([
      'Ana Lopez, DC',
      'Ben Okafor, PT, DPT',
      'Carla Nguyen, DO',
      'David Kim, DC',
    ]);
    expect(cards.map((card) => card.distanceKm)).to.deep.equal([1, 4, 7, 10]);
    expect(cardsOf(element)).to.have.length(4);
  });

  it('follows a new order of the same results', async () => {
    const element = await resultsFor(MATCHES);
    element.results = [...MATCHES].reverse();
    await element.updateComplete;
    expect(cardsOf(element).map(titleOf)).to.deep.equal([
      'David Kim, DC',
      'Carla Nguyen, DO',
      'Ben Okafor, PT, DPT',
      'Ana Lopez, DC',
    ]);
  });

  it('renders nothing for no results', async () => {
    const element = await resultsFor([]);
    expect(element.shadowRoot!.querySelector('ol')).to.equal(null);
    expect(cardsOf(element)).to.have.length(0);
  });

  it('marks exactly the card of selectedId as selected', async () => {
    const element = await resultsFor(MATCHES, 'fx-2');
    expect(cardsOf(element).map((card) => card.selected)).to.deep.equal([false, true, false, false]);

    element.selectedId = 'fx-4';
    await element.updateComplete;
    expect(cardsOf(element).map((card) => card.selected)).to.deep.equal([false, false, false, true]);
    await cardsOf(element)[3].updateComplete;
    expect(selectButtonOf(cardsOf(element)[3]).getAttribute('aria-pressed')).to.equal('true');
    expect(selectButtonOf(cardsOf(element)[1]).getAttribute('aria-pressed')).to.equal('false');
  });

  it('moves focus to the "Show on map" button of a card revealed with focus', async () => {
    const element = await resultsFor(MATCHES);
    const card = cardsOf(element)[2];
    await element.revealCard('fx-3', { focus: true });
    expect(document.activeElement).to.equal(element);
    expect(element.shadowRoot!.activeElement).to.equal(card);
    expect(card.shadowRoot!.activeElement).to.equal(selectButtonOf(card));
  });

  it('leaves focus where it is when a card is revealed without focus', async () => {
    const element = await resultsFor(MATCHES);
    const before = document.activeElement;
    await element.revealCard('fx-3');
    expect(document.activeElement).to.equal(before);
    expect(element.shadowRoot!.activeElement).to.equal(null);
  });

  it('lets spine-select from a card bubble out of the list', async () => {
    const wrapper = document.createElement('div');
    const element = await fixture<SpineResults>(html`<spine-results .results=${MATCHES}></spine-results>`, {
      parentNode: wrapper,
    });
    const card = cardsOf(element)[1];
    await card.updateComplete;
    const selection = oneEvent(wrapper, 'spine-select') as Promise<SpineSelectEvent>;
    selectButtonOf(card).click();
    const event = await selection;
    expect(event.provider.id).to.equal('fx-2');
    expect(event.source).to.equal('list');
    expect(event.target).to.equal(element);
  });
});
