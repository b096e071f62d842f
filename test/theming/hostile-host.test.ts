/**
 * A host page whose global CSS never had a widget in mind (demo/hostile.css,
 * loaded as the page's own style sheet): content-box everywhere, a 24 px
 * root, line height, spacing, uppercase, centred, nowrap text on the body,
 * the same with !important on every element (the finder's own included),
 * and resets of buttons, fields, lists, links, paragraphs and headings. The
 * finder keeps its layout at 320 and 1280 px: nothing sideways, no text cut
 * off, controls of 24 px or more with visible edges, cards that read as
 * cards, a map with height. Without the reset layer of shared.styles.ts the
 * same checks fail, which the last test shows.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import { sharedStyles } from '../../src/styles/shared.styles.js';
import {
  describe as describeElement,
  inMapPane,
  isRendered,
  isVisuallyHidden,
  openDetails,
  overflowingText,
  shadowRootsUnder,
  weakEdges,
} from '../a11y/a11y-helpers.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';
import { hasOwnText, linkPageStyleSheet } from './theme-helpers.js';

const DEFAULT_VIEWPORT = { width: 800, height: 600 };

/** A finder with a page of results and two cards' details open, on the hostile page. */
async function finderOnHostilePage(): Promise<SpineFinder> {
  const page = await fixture<HTMLElement>(html`
    <main>
      <!-- The page's own words wrap (as demo/hostile.html has them), so that only the finder could scroll it sideways. -->
      <h1 style="white-space: normal !important">Find a Primary Spine Practitioner</h1>
      <p style="white-space: normal !important">The page's own words, in its own style.</p>
      <spine-finder endpoint="/api/directory"></spine-finder>
    </main>
  `);
  const finder = page.querySelector<SpineFinder>('spine-finder')!;
  await searchAndWait(finder, '60614');
  for (const card of partsOf(finder).cards().slice(0, 2)) await openDetails(card);
  return finder;
}

/** Elements of the shadow roots under `root` a person sees laid out (not the map's markers and tiles). */
function laidOut(root: Element): HTMLElement[] {
  return shadowRootsUnder(root)
    .flatMap((shadow) => [...shadow.querySelectorAll<HTMLElement>('*')])
    .filter((element) => isRendered(element) && !isVisuallyHidden(element) && !inMapPane(element));
}

/** Everything the page's CSS could have broken, as a list of what it did break. */
function layoutProblems(finder: SpineFinder): string[] {
  const problems: string[] = [];
  const page = document.documentElement.scrollWidth;
  if (page > window.innerWidth) problems.push(`the page scrolls sideways: ${page}px in ${window.innerWidth}px`);
  const frame = finder.getBoundingClientRect();
  for (const element of laidOut(finder)) {
    const box = element.getBoundingClientRect();
    if (box.left < frame.left - 1 || box.right > frame.right + 1) {
      problems.push(
        `${describeElement(element)}: ${Math.round(box.left)}–${Math.round(box.right)}px, outside the finder`,
      );
    }
  }
  problems.push(...overflowingText(finder));

  const controls = laidOut(finder).filter((element) => element.matches('button, input, select, textarea'));
  for (const control of controls) {
    const { width, height } = control.getBoundingClientRect();
    if (width < 24 || height < 24) {
      problems.push(`${describeElement(control)}: ${width.toFixed(1)}×${height.toFixed(1)}px`);
    }
  }
  const edged = controls.filter((control) =>
    control.matches('input:not([type="checkbox"]), select, textarea, button:not(.text-button)'),
  );
  for (const control of edged) {
    const style = getComputedStyle(control);
    if (style.borderTopStyle === 'none' || parseFloat(style.borderTopWidth) < 1) {
      problems.push(`${describeElement(control)}: no border`);
    }
  }
  problems.push(...weakEdges(edged));

  for (const card of partsOf(finder).cards()) {
    for (const element of laidOut(card).filter(hasOwnText)) {
      const style = getComputedStyle(element);
      if (style.textTransform !== 'none')
        problems.push(`${describeElement(element)}: text-transform ${style.textTransform}`);
      // A button centres its words whatever the page does.
      if (!element.matches('button') && !['start', 'left'].includes(style.textAlign))
        problems.push(`${describeElement(element)}: text-align ${style.textAlign}`);
      if (style.letterSpacing !== 'normal')
        problems.push(`${describeElement(element)}: letter-spacing ${style.letterSpacing}`);
      if (parseFloat(style.lineHeight) > 2 * parseFloat(style.fontSize)) {
        problems.push(`${describeElement(element)}: line-height ${style.lineHeight} for ${style.fontSize} text`);
      }
    }
  }
  return problems;
}

/** The map's height once it is shown: beside the list, or after "Map" on a narrow finder. */
async function mapHeight(finder: SpineFinder): Promise<number> {
  const mapButton = finder.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="view-button"]')[1];
  if (mapButton && isRendered(mapButton)) {
    mapButton.click();
    await finder.updateComplete;
  }
  const { map } = partsOf(finder);
  // It loads when it comes into view: below the large search and filters at 1280 px.
  map.scrollIntoView();
  await mapReady(map);
  return map.shadowRoot!.querySelector('[part~="map"]')!.getBoundingClientRect().height;
}

describe('a hostile host page', () => {
  let link: HTMLLinkElement;

  beforeEach(async () => {
    link = await linkPageStyleSheet('/demo/hostile.css');
  });

  afterEach(async () => {
    // The finder goes before the window changes back (test/a11y/reflow-and-text-size.test.ts says why).
    fixtureCleanup();
    link.remove();
    await setViewport(DEFAULT_VIEWPORT);
  });

  it('is hostile: its rules reach the page and the finder’s own element', async () => {
    const finder = await finderOnHostilePage();
    const heading = document.querySelector('h1')!;
    expect(getComputedStyle(heading).textTransform).to.equal('uppercase');
    expect(getComputedStyle(document.documentElement).fontSize).to.equal('24px');
    const host = getComputedStyle(finder);
    expect(host.boxSizing).to.equal('content-box');
    expect(host.lineHeight).to.equal('90px');
    expect(host.textAlign).to.equal('center');
    expect(host.whiteSpace).to.equal('nowrap');
  });

  for (const width of [320, 1280]) {
    it(`keeps the finder's layout at ${width} px`, async () => {
      await setViewport({ width, height: 800 });
      const finder = await finderOnHostilePage();
      // The root's 24 px reaches the finder's text, as a person's larger text setting would.
      expect(getComputedStyle(partsOf(finder).input).fontSize).to.equal('24px');
      expect(layoutProblems(finder)).to.deep.equal([]);
      expect(await mapHeight(finder), 'the map’s height').to.be.at.least(200);
      expect(layoutProblems(finder)).to.deep.equal([]);
    });
  }

  it('breaks it without the reset layer of shared.styles.ts (the check itself)', async () => {
    await setViewport({ width: 320, height: 800 });
    // Every element shares one style sheet for sharedStyles: take the layer out of it, for this test only.
    const sheet = sharedStyles.styleSheet!;
    const index = [...sheet.cssRules].findIndex(
      (rule) => rule instanceof CSSLayerBlockRule && rule.name === 'spine-reset',
    );
    expect(index, 'the reset layer').to.be.at.least(0);
    const resetRule = sheet.cssRules[index].cssText;
    sheet.deleteRule(index);
    try {
      const finder = await finderOnHostilePage();
      const problems = layoutProblems(finder).join('\n');
      expect(problems).to.contain('the page scrolls sideways');
      expect(problems).to.contain('text-transform uppercase');
      expect(problems).to.contain('text-align center');
      expect(problems).to.contain('line-height');
    } finally {
      sheet.insertRule(resetRule, index);
    }
  });
});
