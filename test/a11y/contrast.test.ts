/**
 * Contrast of what is not text (WCAG 1.4.11) and use of colour (1.4.1).
 * Text contrast (1.4.3) is axe's color-contrast rule, run in every state by
 * axe-states.test.ts. Here: the edges of fields, selects and buttons, the
 * checkboxes, the map's markers, clusters, selection and search area against
 * the basemap, and badges and selection that say what they mean in words or
 * shape, not by colour alone. Colours are read from the computed styles.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineProviderCard } from '../../src/components/provider-card/provider-card.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';
import {
  backgroundBehind,
  describe as describeElement,
  parseColor,
  ratioAgainst,
  shadowPart,
  shown,
  weakEdges,
} from './a11y-helpers.js';

async function finderWithResults(): Promise<SpineFinder> {
  const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
  await searchAndWait(finder, '60614');
  return finder;
}

describe('non-text contrast (1.4.11)', () => {
  it('the edges of fields, selects and buttons stand at 3:1 or more against the surface', async () => {
    const finder = await finderWithResults();
    const fields = shown(finder, 'input[type="text"], select, textarea');
    const buttons = shown(finder, 'button:not(.text-button)');
    expect(fields.length, 'fields and selects').to.equal(6);
    expect(buttons.length, 'buttons').to.be.greaterThan(10);
    expect(weakEdges([...fields, ...buttons])).to.deep.equal([]);
    const skip = finder.shadowRoot!.querySelector<HTMLElement>('[part~="skip-link"]')!;
    skip.focus();
    expect(weakEdges([skip])).to.deep.equal([]);
    skip.blur();
    // Filled (primary) and outlined (secondary) buttons both.
    const fills = buttons.map((button) => getComputedStyle(button).backgroundColor);
    expect(new Set(fills).size).to.be.greaterThan(1);
  });

  it('the checkboxes: Chromium’s own box, and the accent that fills a ticked one at 3:1 or more', async () => {
    const finder = await finderWithResults();
    const boxes = shown(finder, 'input[type="checkbox"]');
    expect(boxes).to.have.length(8);
    for (const box of boxes) {
      const style = getComputedStyle(box);
      // Drawn by the browser (its unticked frame is #767676, 4.5:1 on white), not restyled into something fainter.
      expect(style.appearance, describeElement(box)).to.equal('auto');
      const accent = parseColor(style.accentColor);
      expect(ratioAgainst(accent, backgroundBehind(box, { includeSelf: false }))).to.be.at.least(3);
    }
  });

  it('the map’s markers, clusters, chosen marker and search area stand out from land and water', async () => {
    const finder = await finderWithResults();
    const { map, cards } = partsOf(finder);
    await mapReady(map);
    const root = map.shadowRoot!;
    await waitUntil(() => root.querySelector('path.spine-state'), 'no basemap');
    const land = parseColor(getComputedStyle(root.querySelector('path.spine-state')!).fill);
    const water = parseColor(getComputedStyle(root.querySelector('.leaflet-container')!).backgroundColor);

    const [cluster] = map.clusterElements();
    const single = map.markerElement('fx-4')!;
    for (const [name, element] of [
      ['cluster', cluster],
      ['marker', single],
    ] as const) {
      const fill = parseColor(getComputedStyle(element).backgroundColor);
      expect(ratioAgainst(fill, land), `${name} on land`).to.be.at.least(3);
      expect(ratioAgainst(fill, water), `${name} on water`).to.be.at.least(3);
    }

    const area = root.querySelector<SVGPathElement>('path.spine-search-area')!;
    const stroke = parseColor(getComputedStyle(area).stroke);
    expect(parseFloat(getComputedStyle(area).strokeWidth)).to.be.at.least(2);
    expect(ratioAgainst(stroke, land), 'search area on land').to.be.at.least(3);
    expect(ratioAgainst(stroke, water), 'search area on water').to.be.at.least(3);

    // The chosen marker differs by more than its colour: a dark ring around it.
    shadowPart<HTMLButtonElement>(cards()[3], 'select-button').click();
    await waitUntil(() => single.classList.contains('selected'), 'not chosen');
    const chosen = getComputedStyle(single);
    expect(chosen.outlineStyle).to.equal('solid');
    expect(parseFloat(chosen.outlineWidth)).to.be.at.least(2);
    expect(ratioAgainst(parseColor(chosen.outlineColor), land), 'ring on land').to.be.at.least(3);
    expect(ratioAgainst(parseColor(chosen.outlineColor), water), 'ring on water').to.be.at.least(3);
    expect(single.getAttribute('aria-pressed')).to.equal('true');
  });
});

describe('colour is never the only sign (1.4.1)', () => {
  it('says each badge in words, and the opposite states in different words, with an edge at 3:1', async () => {
    const card = await fixture<SpineProviderCard>(
      html`<div>
        <spine-provider-card .provider=${SAMPLE_PROVIDERS[0]}></spine-provider-card>
        <spine-provider-card .provider=${SAMPLE_PROVIDERS[1]}></spine-provider-card>
      </div>`,
    );
    const badges = shown(card, '[part~="badge"]');
    const words = badges.map((badge) => badge.textContent!.replace(/\s+/g, ' ').trim());
    expect(words).to.deep.equal([
      'Accepting new patients',
      'Spine IQ registry participant (opens in a new tab)',
      'Not accepting new patients',
      'Offers telehealth',
    ]);
    expect(weakEdges(badges)).to.deep.equal([]);
  });

  it('underlines every link, the map’s credit included, so none is told from its text by colour alone', async () => {
    const finder = await finderWithResults();
    const { map, cards } = partsOf(finder);
    await mapReady(map);
    shadowPart<HTMLButtonElement>(cards()[0], 'details-button').click();
    await cards()[0].updateComplete;
    const links = shown(finder, 'a[href]:not([role="button"])');
    expect(links.map((link) => link.textContent!.trim())).to.include('Leaflet');
    const plain = links.filter((link) => !getComputedStyle(link).textDecorationLine.includes('underline'));
    expect(plain.map((link) => describeElement(link))).to.deep.equal([]);
  });

  it('marks the selected card with a border and a pressed "Show on map", not a tint alone', async () => {
    const finder = await finderWithResults();
    const card = partsOf(finder).cards()[0];
    shadowPart<HTMLButtonElement>(card, 'select-button').click();
    await waitUntil(() => card.selected, 'not selected');
    await card.updateComplete;
    const article = shadowPart(card, 'card');
    const style = getComputedStyle(article);
    expect(
      ratioAgainst(parseColor(style.borderTopColor), backgroundBehind(article, { includeSelf: false })),
    ).to.be.at.least(3);
    expect(style.boxShadow, 'a thicker edge').to.contain('inset');
    expect(shadowPart(card, 'select-button').getAttribute('aria-pressed')).to.equal('true');
  });
});
