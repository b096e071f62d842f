/**
 * Reflow (WCAG 1.4.10) and resize text (1.4.4): at 320 CSS px wide the page
 * never scrolls sideways, in the list, on the map and with a card's details
 * open, in English and in Spanish (longer words); with the page's text at
 * 200% at 1280 px wide, no label or button text is cut off and no control
 * overlaps another. The finder sizes its text in rem and em, so a host page
 * whose root font size is 200% is what a person's larger text setting does.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';
import { interactiveElementsIn, openDetails, overflowingText, overlappingControls } from './a11y-helpers.js';

const DEFAULT_VIEWPORT = { width: 800, height: 600 };

async function finderWithResults(lang = 'en'): Promise<SpineFinder> {
  const section = document.createElement('div');
  section.lang = lang;
  const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/api/directory"></spine-finder>`, {
    parentNode: section,
  });
  await searchAndWait(finder, '60614');
  expect(partsOf(finder).cards().length, 'a page of results').to.be.greaterThan(10);
  return finder;
}

/** How far the page scrolls sideways, if at all. */
function pageScrollWidth(): number {
  return document.documentElement.scrollWidth;
}

/** The List or Map button of the narrow layout. */
function viewButton(finder: SpineFinder, index: 0 | 1): HTMLButtonElement {
  const buttons = finder.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="view-button"]');
  return buttons[index];
}

describe('reflow at 320 CSS px', () => {
  beforeEach(async () => {
    await setViewport({ width: 320, height: 640 });
  });

  afterEach(async () => {
    // The finder goes before the window changes back (see the last test).
    fixtureCleanup();
    await setViewport(DEFAULT_VIEWPORT);
  });

  for (const lang of ['en', 'es']) {
    it(`never scrolls sideways: the list, a card’s details, the map (${lang})`, async () => {
      expect(window.innerWidth).to.equal(320);
      const finder = await finderWithResults(lang);
      expect(pageScrollWidth(), 'the list').to.be.at.most(320);

      for (const card of partsOf(finder).cards().slice(0, 5)) await openDetails(card);
      expect(pageScrollWidth(), 'with details open').to.be.at.most(320);

      viewButton(finder, 1).click();
      await finder.updateComplete;
      const { map } = partsOf(finder);
      await mapReady(map);
      expect(map.getBoundingClientRect().width, 'the map is shown').to.be.greaterThan(200);
      expect(pageScrollWidth(), 'the map').to.be.at.most(320);
    });
  }
});

describe('text at 200% at 1280 px wide', () => {
  beforeEach(async () => {
    await setViewport({ width: 1280, height: 800 });
    document.documentElement.style.fontSize = '200%';
  });

  afterEach(async () => {
    fixtureCleanup();
    document.documentElement.style.fontSize = '';
    await setViewport(DEFAULT_VIEWPORT);
  });

  it('cuts off no text, overlaps no controls, and scrolls no wider than the window', async () => {
    const finder = await finderWithResults();
    const { searchBox, input } = partsOf(finder);
    // The text really is twice the size.
    expect(parseFloat(getComputedStyle(input).fontSize)).to.equal(32);
    expect(searchBox.getBoundingClientRect().width).to.be.greaterThan(1000);
    for (const card of partsOf(finder).cards().slice(0, 5)) await openDetails(card);
    expect(interactiveElementsIn(finder).length, 'every card’s controls are checked').to.be.greaterThan(200);

    expect(overflowingText(finder)).to.deep.equal([]);
    expect(overlappingControls(finder)).to.deep.equal([]);
    expect(pageScrollWidth()).to.be.at.most(1280);
  });

  it('on the map too: its controls and notices', async () => {
    const finder = await finderWithResults('es');
    // At 200% the finder is too narrow for list and map side by side: the map is one press away.
    viewButton(finder, 1).click();
    await finder.updateComplete;
    await mapReady(partsOf(finder).map);
    expect(overflowingText(finder)).to.deep.equal([]);
    expect(overlappingControls(finder)).to.deep.equal([]);
    expect(pageScrollWidth()).to.be.at.most(1280);
  });

  it('finds text that is cut off (the check itself)', async () => {
    const finder = await finderWithResults();
    const label = partsOf(finder).searchBox.shadowRoot!.querySelector<HTMLElement>('label')!;
    label.style.cssText = 'display: block; width: 3em; overflow: hidden; white-space: nowrap';
    expect(overflowingText(finder).join('\n')).to.contain('label');
    label.style.cssText = 'display: block; position: relative; top: 3rem';
    expect(overlappingControls(finder).join('\n')).to.contain('label');
  });
});

describe('a map removed just after the window is resized', () => {
  afterEach(async () => {
    await setViewport(DEFAULT_VIEWPORT);
  });

  // Leaflet's own window-resize listener fires "moveend" from a 200 ms timer
  // that map.remove() does not clear; a finder that leaves the page in that
  // time (a single-page app navigating just after a phone is turned) must not
  // throw in the host page. MapView leaves resizing to its ResizeObserver.
  it('throws nothing', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    await mapReady(partsOf(finder).map);
    const errors: string[] = [];
    const record = (event: ErrorEvent) => {
      errors.push(event.message);
      event.preventDefault();
    };
    window.addEventListener('error', record);
    try {
      await setViewport({ width: 700, height: 600 });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      fixtureCleanup();
      await new Promise((resolve) => setTimeout(resolve, 400));
    } finally {
      window.removeEventListener('error', record);
    }
    expect(errors).to.deep.equal([]);
  });
});
