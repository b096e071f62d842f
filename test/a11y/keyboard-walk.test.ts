/**
 * The finder with the keyboard alone, as a person who cannot use a mouse
 * goes through it: from a button before the finder, Tab, type, Enter, Shift+
 * Tab, out through a button after it. Only sendKeys acts; focus is read from
 * the page, through the shadow roots, after each key.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineResultsEvent } from '../../src/events.js';
import { mapReady, partsOf } from '../helpers.js';
import { containsDeep, deepActiveElement } from './a11y-helpers.js';

/** What a screen reader would call the focused control, roughly: its role and its name. */
function stopName(element: Element | null): string {
  if (!element) return '(nothing)';
  if (element.classList.contains('leaflet-container')) return 'the map';
  const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();
  const label = (node: HTMLInputElement | HTMLSelectElement) => (node.labels?.[0] ? text(node.labels[0]) : '');
  if (element instanceof HTMLInputElement) {
    return `${element.type === 'checkbox' ? 'checkbox' : 'textbox'} ${label(element)}`;
  }
  if (element instanceof HTMLSelectElement) return `combobox ${label(element)}`;
  const role = element.getAttribute('role') ?? (element instanceof HTMLAnchorElement ? 'link' : element.localName);
  return `${role} ${element.getAttribute('aria-label') ?? text(element)}`;
}

/** Presses a key (with Shift held for "Shift+…") and says where focus went. */
async function press(key: string): Promise<string> {
  const shifted = key.startsWith('Shift+');
  if (shifted) await sendKeys({ down: 'Shift' });
  try {
    await sendKeys({ press: shifted ? key.slice('Shift+'.length) : key });
  } finally {
    if (shifted) await sendKeys({ up: 'Shift' });
  }
  return stopName(deepActiveElement());
}

/** Tabs (or Shift+Tabs) until focus is on `last`, at most `limit` times, and lists every stop on the way. */
async function walk(direction: 'Tab' | 'Shift+Tab', last: Element, limit = 80): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < limit; i++) {
    stops.push(await press(direction));
    if (deepActiveElement() === last) return stops;
  }
  throw new Error(`never reached ${stopName(last)}:\n${stops.join('\n')}`);
}

/** The page: a button, the finder, a button. */
async function pageWithFinder() {
  const page = await fixture<HTMLElement>(html`
    <div>
      <button type="button" id="before">Before the finder</button>
      <spine-finder endpoint="/test-api/directory"></spine-finder>
      <button type="button" id="after">After the finder</button>
    </div>
  `);
  const finder = page.querySelector<SpineFinder>('spine-finder')!;
  await finder.updateComplete;
  const before = page.querySelector<HTMLButtonElement>('#before')!;
  const after = page.querySelector<HTMLButtonElement>('#after')!;
  // Where the person starts: the page's own control before the finder (not the thing tested).
  before.focus();
  return { finder, before, after };
}

/** From the button before the finder: Tab into the field, type 60614, Enter; the list and map are drawn. */
async function searchWithTheKeyboard(finder: SpineFinder): Promise<void> {
  expect(await press('Tab')).to.equal('textbox ZIP code or city');
  const results = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
  await sendKeys({ type: '60614' });
  await sendKeys({ press: 'Enter' });
  await results;
  await finder.updateComplete;
  await partsOf(finder).results.whenDrawn();
  await mapReady(partsOf(finder).map);
}

const SEARCH_AND_FILTERS = [
  'combobox Distance',
  'button Search',
  'button Use my location',
  'checkbox Chiropractic',
  'checkbox Physical therapy',
  'checkbox Osteopathic medicine',
  'checkbox Medicine',
  'checkbox Other spine care',
  'checkbox Accepting new patients',
  'checkbox Offers telehealth',
  'checkbox Spine IQ registry participant',
  'textbox Language spoken',
  'textbox Insurance accepted',
  'textbox Name or practice',
  'combobox Sort by',
];

/** Each card's controls in reading order: links in its text, then its actions. */
const CARDS = [
  // Ana Lopez: registry profile, phone, outcomes explained, actions, website, details.
  'link Spine IQ registry participant (opens in a new tab)',
  'link (312) 555-0101',
  'button What does this mean?',
  'button Show on map',
  'button Add to referral sheet',
  'link Website (opens in a new tab)',
  'button More details',
  // Ben Okafor: phone, actions, details (his hours).
  'link (312) 555-0111',
  'button Show on map',
  'button Add to referral sheet',
  'button More details',
  // Carla Nguyen and David Kim: nothing more to show.
  'button Show on map',
  'button Add to referral sheet',
  'button Show on map',
  'button Add to referral sheet',
];

/** At 25 miles around 60614 the three Lincoln Park clinicians are one cluster; Evanston's stands alone. */
const MAP = [
  'button Skip the map',
  'the map',
  'button Cluster of 3 providers',
  'button David Kim, DC, 8.7 miles',
  'button Zoom in',
  'button Zoom out',
  'button Move the map up',
  'button Move the map left',
  'button Move the map right',
  'button Move the map down',
  'link Leaflet',
];

describe('the finder with the keyboard alone', () => {
  it('searches from the field with Enter, keeps focus there and announces the count', async () => {
    const { finder } = await pageWithFinder();
    const { input, status } = partsOf(finder);
    await searchWithTheKeyboard(finder);
    expect(deepActiveElement() === input, 'focus stays in the field').to.equal(true);
    expect(input.value).to.equal('60614');
    expect(status.textContent!.trim()).to.equal('4 clinicians within 25 miles of 60614');
  });

  it('Tabs through the search, the filters, each card’s controls in order, the map, and out of the finder', async () => {
    const { finder, after } = await pageWithFinder();
    await searchWithTheKeyboard(finder);
    const stops = await walk('Tab', after);
    expect(stops).to.deep.equal([...SEARCH_AND_FILTERS, ...CARDS, ...MAP, 'button After the finder']);
  });

  it('walks back with Shift+Tab through the same stops, in reverse, to the button before the finder', async () => {
    const { finder, before, after } = await pageWithFinder();
    await searchWithTheKeyboard(finder);
    await walk('Tab', after);
    const back = await walk('Shift+Tab', before);
    expect(back).to.deep.equal(
      ['button Before the finder', 'textbox ZIP code or city', ...SEARCH_AND_FILTERS, ...CARDS, ...MAP].reverse(),
    );
  });

  it('opens "More details" with Enter and keeps focus on it; Tab then goes into the details', async () => {
    const { finder } = await pageWithFinder();
    await searchWithTheKeyboard(finder);
    const card = partsOf(finder).cards()[0];
    const button = card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="details-button"]')!;
    await walk('Tab', button);
    expect(await press('Enter')).to.equal('button Fewer details');
    await card.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(deepActiveElement() === button, 'focus stays on the button').to.equal(true);
    // Ana Lopez's two locations: the phone and directions of the first, the phone of the second.
    const next = [];
    for (let i = 0; i < 5; i++) next.push(await press('Tab'));
    expect(next).to.deep.equal([
      'link (312) 555-0101',
      'link Google Maps (opens in a new tab)',
      'link Apple Maps (opens in a new tab)',
      'link OpenStreetMap (opens in a new tab)',
      'link (847) 555-0103',
    ]);
  });

  it('zooms into a cluster with Enter, keeping focus in the map; Enter on a marker moves focus to its card', async () => {
    const { finder } = await pageWithFinder();
    await searchWithTheKeyboard(finder);
    const { map, cards } = partsOf(finder);
    const [cluster] = map.clusterElements();
    await walk('Tab', cluster);
    await sendKeys({ press: 'Enter' });
    // The cluster comes apart: at least one of its three clinicians has a marker of its own.
    const lincolnPark = ['fx-1', 'fx-2', 'fx-3'];
    const alone = () => lincolnPark.findIndex((id) => map.markerElement(id));
    await waitUntil(() => alone() >= 0, 'the cluster did not come apart', { timeout: 5000 });
    expect(containsDeep(map, deepActiveElement()), 'focus is still in the map').to.equal(true);

    const index = alone();
    const marker = map.markerElement(lincolnPark[index])!;
    const stops = await walk('Tab', marker, 10);
    expect(stops.at(-1)).to.match(/^button (Ana Lopez, DC|Ben Okafor, PT, DPT|Carla Nguyen, DO), [\d.]+ miles?$/);
    await sendKeys({ press: 'Enter' });
    const card = cards()[index];
    await waitUntil(() => card.selected, 'the card was not selected');
    await waitUntil(
      () => deepActiveElement() === card.shadowRoot!.querySelector('[part~="select-button"]'),
      `focus did not move to the card (it is on ${stopName(deepActiveElement())})`,
    );
    expect(marker.getAttribute('aria-pressed')).to.equal('true');
  });

  it('skips the map with "Skip the map"; the next Tab leaves the finder', async () => {
    const { finder, after } = await pageWithFinder();
    await searchWithTheKeyboard(finder);
    const skip = finder.shadowRoot!.querySelector('[part~="skip-link"]')!;
    await walk('Tab', skip);
    await press('Enter');
    expect(containsDeep(partsOf(finder).map, deepActiveElement()), 'focus is not inside the map').to.equal(false);
    expect(await press('Tab')).to.equal('button After the finder');
    expect(deepActiveElement() === after).to.equal(true);
  });

  // Leaflet's container takes focus (Tab stops on it, and arrow keys pan):
  // without a role and a name a screen reader announces only its text
  // ("3 + − Leaflet"). MapView names it when it makes the map.
  it('names the map when it takes focus, and says how to use it', async () => {
    const { finder } = await pageWithFinder();
    await searchWithTheKeyboard(finder);
    const container = partsOf(finder).map.shadowRoot!.querySelector('.leaflet-container')!;
    await walk('Tab', container);
    const role = container.getAttribute('role');
    expect(role, 'a role that tells a screen reader it is one widget').to.be.oneOf(['application', 'region', 'group']);
    const labelledBy = (container.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => (container.getRootNode() as ShadowRoot).getElementById(id)?.textContent ?? '')
      .join(' ');
    const name = labelledBy || container.getAttribute('aria-label') || '';
    expect(name).to.match(/map/i);
    expect(`${name} ${container.getAttribute('aria-description') ?? ''}`).to.match(/arrow/i);
  });
});
