/**
 * Text spacing (WCAG 1.4.12): with the spacing a person's own style sheet
 * may set (line height 1.5, paragraphs 2 em apart, letters 0.12 em, words
 * 0.16 em), no text is cut off and no control runs into another. The style
 * sheet goes into every shadow root, as a person's user style or a text
 * spacing extension would reach it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';
import { openDetails, overflowingText, overlappingControls, shadowPart, shadowRootsUnder } from './a11y-helpers.js';

const SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

/** The spacing style sheet, added to the page and to every shadow root under `root`. */
function spaceText(root: Element): void {
  for (const scope of [document, ...shadowRootsUnder(root)]) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(SPACING);
    scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  }
}

describe('text spacing (1.4.12)', () => {
  let added: CSSStyleSheet[] = [];
  beforeEach(() => {
    added = [...document.adoptedStyleSheets];
  });
  afterEach(() => {
    document.adoptedStyleSheets = added;
  });

  it('loses nothing with wider lines, letters, words and paragraphs: search, filters, cards with details, tray, map', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    const { cards, map } = partsOf(finder);
    await mapReady(map);
    for (const card of cards().slice(0, 5)) await openDetails(card);
    shadowPart<HTMLButtonElement>(cards()[0], 'referral-button').click();
    await waitUntil(() => finder.shadowRoot!.querySelector('spine-referral-tray'), 'no tray');
    await finder.shadowRoot!.querySelector('spine-referral-tray')!.updateComplete;

    spaceText(finder);
    const label = partsOf(finder).input.labels![0];
    expect(getComputedStyle(label).letterSpacing, 'the spacing applies').not.to.equal('normal');

    expect(overflowingText(finder)).to.deep.equal([]);
    expect(overlappingControls(finder)).to.deep.equal([]);
  });
});
