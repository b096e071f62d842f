/**
 * The two health systems' themes of demo/themes.css, loaded as the page's
 * style sheet, on finders as demo/themes.html has them: they look very
 * different (colours, fonts, sizes, corners), and each keeps WCAG AA (text
 * 4.5:1, edges, focus rings and the map's marks 3:1) and passes axe.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import { openDetails, shadowPart, shown, weakEdges } from '../a11y/a11y-helpers.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';
import { linkPageStyleSheet, luminanceOf, surfacesNotIn, tabThrough, weakMapMarks, weakText } from './theme-helpers.js';

const THEMES = [
  { name: 'Lakeshore Health', className: 'lakeshore', theme: 'light', scheme: 'light' },
  { name: 'Desert Valley Clinics', className: 'desert-valley', theme: 'dark', scheme: 'dark' },
] as const;

type ThemeName = (typeof THEMES)[number]['className'];

/**
 * A themed finder after a search, with a card's details open, a chosen
 * card, a clinician on the referral sheet and the map drawn; between two
 * buttons of the page, for the Tab walk.
 */
async function themedFinder(className: ThemeName, theme: 'light' | 'dark') {
  const page = await fixture<HTMLElement>(html`
    <section class=${className}>
      <button type="button" id="before">Before</button>
      <spine-finder theme=${theme} endpoint="/test-api/directory"></spine-finder>
      <button type="button" id="after">After</button>
    </section>
  `);
  const finder = page.querySelector<SpineFinder>('spine-finder')!;
  await searchAndWait(finder, '60614');
  const { map, cards } = partsOf(finder);
  map.scrollIntoView();
  await mapReady(map);
  await openDetails(cards()[0]);
  shadowPart<HTMLButtonElement>(cards()[1], 'referral-button').click();
  await waitUntil(() => finder.shadowRoot!.querySelector('spine-referral-tray'), 'no referral tray');
  shadowPart<HTMLButtonElement>(cards()[2], 'select-button').click();
  await waitUntil(() => map.markerElement('fx-3')?.classList.contains('selected'), 'the chosen marker', {
    timeout: 5000,
  });
  await map.mapReady;
  await cards()[0].updateComplete;
  return { page, finder };
}

/** What sets a brand apart, read from the computed styles of a themed finder. */
function lookOf(finder: SpineFinder) {
  const { searchBox, cards, map } = partsOf(finder);
  const card = cards()[0];
  const article = getComputedStyle(shadowPart(card, 'card'));
  const title = getComputedStyle(shadowPart(card, 'title'));
  const button = getComputedStyle(shadowPart(searchBox, 'button'));
  const surface = getComputedStyle(shadowPart(finder, 'finder'));
  return {
    surface: surface.backgroundColor,
    text: getComputedStyle(partsOf(finder).status).color,
    accent: button.backgroundColor,
    font: getComputedStyle(partsOf(finder).input).fontFamily,
    fontSize: getComputedStyle(partsOf(finder).input).fontSize,
    titleFont: title.fontFamily,
    cardRadius: article.borderTopLeftRadius,
    cardEdge: `${article.borderLeftWidth} ${article.borderLeftColor}`,
    buttonRadius: button.borderTopLeftRadius,
    mapHeight: `${shadowPart(map, 'map').getBoundingClientRect().height}px`,
  };
}

describe('the themes of demo/themes.css', () => {
  let link: HTMLLinkElement;

  beforeEach(async () => {
    link = await linkPageStyleSheet('/demo/themes.css');
  });

  afterEach(() => {
    fixtureCleanup();
    link.remove();
  });

  it('look very different: colours, fonts, sizes, corners, the cards’ edges and the map', async () => {
    const lakeshore = lookOf((await themedFinder('lakeshore', 'light')).finder);
    fixtureCleanup();
    const desert = lookOf((await themedFinder('desert-valley', 'dark')).finder);
    for (const key of Object.keys(lakeshore) as (keyof typeof lakeshore)[]) {
      expect(desert[key], key).not.to.equal(lakeshore[key]);
    }
    expect(luminanceOf(lakeshore.surface), 'Lakeshore is light').to.be.above(0.8);
    expect(luminanceOf(desert.surface), 'Desert Valley is dark').to.be.below(0.05);
    expect(lakeshore.titleFont).to.contain('Georgia');
    expect(desert.font).to.contain('Trebuchet MS');
    expect(lakeshore.buttonRadius).to.equal('999px');
    expect(desert.cardRadius).to.equal('0px');
  });

  it('take effect: without the style sheet the finder has its own defaults', async () => {
    link.remove();
    const plain = lookOf((await themedFinder('lakeshore', 'light')).finder);
    fixtureCleanup();
    link = await linkPageStyleSheet('/demo/themes.css');
    const lakeshore = lookOf((await themedFinder('lakeshore', 'light')).finder);
    expect(plain.accent).to.equal('rgb(11, 92, 173)');
    expect(lakeshore.accent).to.equal('rgb(0, 96, 107)');
    expect(plain.titleFont).not.to.equal(lakeshore.titleFont);
  });

  for (const { name, className, theme, scheme } of THEMES) {
    describe(name, () => {
      it(`paints ${scheme} surfaces and keeps every text at 4.5:1 (3:1 when large)`, async () => {
        const { finder } = await themedFinder(className, theme);
        expect(surfacesNotIn(finder, scheme)).to.deep.equal([]);
        expect(weakText(finder)).to.deep.equal([]);
      });

      it('keeps edges, the map’s marks and focus rings at 3:1', async () => {
        const { page, finder } = await themedFinder(className, theme);
        const edged = shown(finder, 'input[type="text"], select, textarea, button:not(.text-button)');
        expect(edged.length).to.be.greaterThan(20);
        expect(weakEdges(edged)).to.deep.equal([]);
        expect(weakMapMarks(partsOf(finder).map)).to.deep.equal([]);
        const { stops, problems } = await tabThrough(page.querySelector<HTMLElement>('#before')!, finder);
        expect(problems).to.deep.equal([]);
        expect(stops, 'stops checked').to.be.greaterThan(45);
      });

      it('passes axe', async () => {
        const { finder } = await themedFinder(className, theme);
        await expect(finder).to.be.accessible();
      });
    });
  }
});
