/**
 * A host styles the finder's insides with ::part() on <spine-finder>: the
 * parts of its inner elements are exported through every shadow root.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';

describe('<spine-finder> parts', () => {
  it('lets the host page reach the cards, the search, the filters and the map with ::part()', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed::part(card) { border-color: rgb(1, 2, 3); }
      .themed::part(title) { color: rgb(4, 5, 6); }
      .themed::part(search-button) { background-color: rgb(7, 8, 9); }
      .themed::part(input) { border-color: rgb(10, 11, 12); }
      .themed::part(filters-form) { gap: 13px; }
      .themed::part(map) { border-color: rgb(14, 15, 16); }
      .themed::part(status) { color: rgb(17, 18, 19); }
    `;
    document.head.append(style);
    try {
      const finder = await fixture<SpineFinder>(
        html`<spine-finder class="themed" endpoint="/test-api/directory"></spine-finder>`,
      );
      await searchAndWait(finder, '60614');
      const { cards, searchBox, input, map, status } = partsOf(finder);
      const card = cards()[0].shadowRoot!;
      expect(getComputedStyle(card.querySelector('[part~="card"]')!).borderTopColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(card.querySelector('[part~="title"]')!).color).to.equal('rgb(4, 5, 6)');
      const button = searchBox.shadowRoot!.querySelector('[part~="button"]')!;
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(7, 8, 9)');
      expect(getComputedStyle(input).borderTopColor).to.equal('rgb(10, 11, 12)');
      const filtersForm = finder.shadowRoot!.querySelector('spine-filters')!.shadowRoot!.querySelector('form')!;
      expect(getComputedStyle(filtersForm).columnGap).to.equal('13px');
      await mapReady(map);
      expect(getComputedStyle(map.shadowRoot!.querySelector('[part~="map"]')!).borderTopColor).to.equal(
        'rgb(14, 15, 16)',
      );
      expect(getComputedStyle(status).color).to.equal('rgb(17, 18, 19)');
    } finally {
      style.remove();
    }
  });
});
