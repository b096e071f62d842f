/**
 * Forced colours (Windows high contrast): Chromium paints with the person's
 * system colours, drops backgrounds and shadows, and forces borders and
 * text to a few colours. Every button, field, select, checkbox, marker and
 * cluster must still show where it is (a border, an outline, or a system
 * colour fill of its own), and a state shown by colour (pressed, chosen)
 * must still show.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineMap } from '../../src/components/map/map.js';
import type { Match } from '../../src/directory/adapter.js';
import type { ForcedColorsPayload } from '../../scripts/test-runner-plugins.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';
import {
  backgroundBehind,
  contrastRatio,
  describe as describeElement,
  interactiveElementsIn,
  isVisuallyHidden,
  openDetails,
  parseColor,
  shadowPart,
} from './a11y-helpers.js';
import type { Rgba } from './a11y-helpers.js';

async function forcedColors(active: boolean): Promise<void> {
  await executeServerCommand<boolean, ForcedColorsPayload>('emulate-forced-colors', { active });
}

function differs(a: Rgba, b: Rgba): boolean {
  return a.a > 0 && contrastRatio(a, b) > 1.1;
}

/** How a control shows where it is in forced colours, or nothing. */
function visibleEdge(element: HTMLElement): string | undefined {
  const style = getComputedStyle(element);
  if (element instanceof HTMLInputElement && element.type === 'checkbox' && style.appearance === 'auto') {
    return 'drawn by the system';
  }
  const around = backgroundBehind(element, { includeSelf: false });
  if (parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none') {
    if (differs(parseColor(style.borderTopColor), around)) return 'border';
  }
  if (parseFloat(style.outlineWidth) > 0 && style.outlineStyle !== 'none') {
    if (differs(parseColor(style.outlineColor), around)) return 'outline';
  }
  if (differs(parseColor(style.backgroundColor), around)) return 'fill';
  return undefined;
}

/** A link: text in the system's link colour, underlined (a link that acts as a button is a button). */
function isPlainLink(element: HTMLElement): boolean {
  return element.localName === 'a' && element.getAttribute('role') !== 'button';
}

/** The controls that cannot be told from the page around them. */
function invisibleControls(root: Element): string[] {
  return (
    interactiveElementsIn(root)
      .filter((element) => !element.classList.contains('leaflet-container') && !isPlainLink(element))
      // Out of sight until focused ("Skip the map"): checked once focused, below.
      .filter((element) => !isVisuallyHidden(element))
      .filter((element) => visibleEdge(element) === undefined)
      .map((element) => describeElement(element))
  );
}

/** Links that lose the underline that marks them once colours are forced. */
function linksWithoutUnderline(root: Element): string[] {
  return interactiveElementsIn(root)
    .filter(isPlainLink)
    .filter((element) => !getComputedStyle(element).textDecorationLine.includes('underline'))
    .map((element) => describeElement(element));
}

/** A fingerprint of how an element looks, in the properties forced colours keep. */
function look(element: Element): string {
  const style = getComputedStyle(element);
  return [
    style.backgroundColor,
    style.color,
    style.borderTopWidth,
    style.borderTopColor,
    style.outlineStyle,
    style.outlineWidth,
    style.outlineColor,
    style.textDecorationLine,
  ].join(' ');
}

describe('forced colours', () => {
  beforeEach(async () => {
    await forcedColors(true);
  });

  afterEach(async () => {
    await forcedColors(false);
    await setViewport({ width: 800, height: 600 });
  });

  it('is what the page sees: forced-colors matches and a system palette paints', async () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const probe = await fixture<HTMLElement>(html`<p style="color: #ff0000; background: #00ff00">probe</p>`);
    expect(getComputedStyle(probe).color).not.to.equal('rgb(255, 0, 0)');
  });

  it('shows every control of the finder: search, filters, cards with details, the tray, markers and clusters', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    const { cards, map } = partsOf(finder);
    await mapReady(map);
    await openDetails(cards()[0]);
    shadowPart<HTMLButtonElement>(cards()[0], 'referral-button').click();
    await waitUntil(() => finder.shadowRoot!.querySelector('spine-referral-tray'), 'no tray');
    shadowPart<HTMLButtonElement>(cards()[3], 'select-button').click();
    await waitUntil(() => map.markerElement('fx-4')?.classList.contains('selected'), 'not chosen');

    const controls = interactiveElementsIn(finder);
    expect(controls.length).to.be.greaterThan(40);
    expect(map.clusterElements().length + (map.markerElement('fx-4') ? 1 : 0)).to.be.at.least(2);
    expect(invisibleControls(finder)).to.deep.equal([]);
    expect(linksWithoutUnderline(finder)).to.deep.equal([]);
    const skip = finder.shadowRoot!.querySelector<HTMLElement>('[part~="skip-link"]')!;
    skip.focus();
    expect(visibleEdge(skip), 'Skip the map, focused').not.to.equal(undefined);
  });

  it('shows which marker is chosen, and a group practice’s list', async () => {
    const center = { lat: 41.9229, lng: -87.6483 };
    const group: Match[] = SAMPLE_PROVIDERS.slice(0, 3).map((provider) => ({
      provider: { ...provider, location: center, address: { line1: '2400 N Clark St' } },
      distanceKm: 0.5,
    }));
    const alone: Match = { provider: { ...SAMPLE_PROVIDERS[3] }, distanceKm: 14 };
    const map = await fixture<SpineMap>(
      html`<spine-map .results=${[...group, alone]} .center=${center} .radiusKm=${20} selected-id="fx-4"></spine-map>`,
    );
    await mapReady(map);
    await waitUntil(() => map.markerElement('fx-4')?.classList.contains('selected'), 'not chosen');
    const chosen = map.markerElement('fx-4')!;
    const site = map.markerElement('fx-1')!;
    expect(look(chosen)).not.to.equal(look(site));
    site.click();
    await waitUntil(() => map.shadowRoot!.querySelector('.spine-site-member'), 'the list did not open');
    expect(invisibleControls(map)).to.deep.equal([]);
  });

  it('shows which of List and Map is pressed on a narrow screen', async () => {
    await setViewport({ width: 360, height: 640 });
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    const [list, map] = finder.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="view-button"]');
    expect(list.getAttribute('aria-pressed')).to.equal('true');
    expect(look(list), 'pressed and not pressed look alike').not.to.equal(look(map));
  });

  it('shows which card is chosen', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    const [first, second] = partsOf(finder).cards();
    shadowPart<HTMLButtonElement>(first, 'select-button').click();
    await waitUntil(() => first.selected, 'not selected');
    await first.updateComplete;
    expect(look(shadowPart(first, 'card')), 'the chosen card looks like the others').not.to.equal(
      look(shadowPart(second, 'card')),
    );
  });
});
