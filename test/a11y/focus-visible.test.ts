/**
 * Focus visible (WCAG 2.4.7) and focus not obscured (2.4.11): every control
 * reached with Tab shows a focus indicator at least 2 CSS px thick whose
 * colour has at least 3:1 contrast with the background next to it (1.4.11),
 * and is not entirely hidden by anything drawn over it. Colours are read
 * from the computed styles; contrast is WCAG's relative luminance formula.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineMap } from '../../src/components/map/map.js';
import type { Match } from '../../src/directory/adapter.js';
import type { GeoPoint } from '../../src/directory/schema.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';
import {
  backgroundBehind,
  containsDeep,
  contrastRatio,
  deepActiveElement,
  deepElementFromPoint,
  describe as describeElement,
  focusIndicatorOf,
  formatRatio,
  openDetails,
  over,
  shadowPart,
} from './a11y-helpers.js';

const CHICAGO: GeoPoint = { lat: 41.9229, lng: -87.6483 };

/** What is wrong with the focused element's indicator, or nothing. */
function focusProblems(element: Element): string[] {
  const problems: string[] = [];
  const indicator = focusIndicatorOf(element);
  if (indicator.kind === 'none') return [`${describeElement(element)}: no outline or ring when focused`];
  if (indicator.width < 2) problems.push(`${describeElement(element)}: ${indicator.kind} only ${indicator.width}px`);
  const adjacent = indicator.inside ? backgroundBehind(element) : backgroundBehind(element, { includeSelf: false });
  const ratio = contrastRatio(over(indicator.color, adjacent), adjacent);
  if (ratio < 3) problems.push(`${describeElement(element)}: ${indicator.kind} contrast ${formatRatio(ratio)}`);
  if (entirelyObscured(element)) problems.push(`${describeElement(element)}: entirely hidden by ${coveredBy(element)}`);
  return problems;
}

/** Points across an element's box, within the window. */
function samplePoints(element: Element): Array<[number, number]> {
  const box = element.getBoundingClientRect();
  const points: Array<[number, number]> = [];
  for (const fx of [0.1, 0.5, 0.9]) {
    for (const fy of [0.1, 0.5, 0.9]) {
      const x = box.left + box.width * fx;
      const y = box.top + box.height * fy;
      if (x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight) points.push([x, y]);
    }
  }
  return points;
}

/** Whether, at every visible point of its box, something else is on top (or it is out of sight). */
function entirelyObscured(element: Element): boolean {
  return !samplePoints(element).some(([x, y]) => containsDeep(element, deepElementFromPoint(x, y)));
}

function coveredBy(element: Element): string {
  const [point] = samplePoints(element);
  const top = point ? deepElementFromPoint(...point) : null;
  return top ? describeElement(top) : 'the edge of the window';
}

/**
 * Tabs from where focus is until `last` has focus, checking each stop inside
 * `within` (the host page's own controls are not ours); returns how many
 * stops were checked and their problems.
 */
async function tabAndCheck(within: Element, last: Element, limit = 80): Promise<{ stops: number; problems: string[] }> {
  const problems: string[] = [];
  for (let stops = 1; stops <= limit; stops++) {
    await sendKeys({ press: 'Tab' });
    const focused = deepActiveElement()!;
    if (containsDeep(within, focused)) problems.push(...focusProblems(focused));
    if (focused === last) return { stops, problems };
  }
  throw new Error(`Tab never reached ${describeElement(last)}`);
}

describe('focus visible and not obscured', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('every stop in the finder with results, a card’s details, the referral tray and the map', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <button type="button" id="before">Before</button>
        <spine-finder endpoint="/test-api/directory"></spine-finder>
        <button type="button" id="after">After</button>
      </div>
    `);
    const finder = page.querySelector<SpineFinder>('spine-finder')!;
    await searchAndWait(finder, '60614');
    const { cards, map } = partsOf(finder);
    await mapReady(map);
    await openDetails(cards()[0]);
    shadowPart<HTMLButtonElement>(cards()[1], 'referral-button').click();
    await waitUntil(() => finder.shadowRoot!.querySelector('spine-referral-tray'), 'no tray');
    await cards()[1].updateComplete;
    // A selected card, with its tinted background.
    shadowPart<HTMLButtonElement>(cards()[2], 'select-button').click();
    await waitUntil(() => cards()[2].selected, 'not selected');
    // The map zooms to the chosen clinician's marker: walk once it has settled.
    await waitUntil(() => map.markerElement('fx-3')?.classList.contains('selected'), 'marker not shown', {
      timeout: 5000,
    });
    await map.mapReady;

    page.querySelector<HTMLButtonElement>('#before')!.focus();
    const { stops, problems } = await tabAndCheck(finder, page.querySelector('#after')!);
    expect(problems).to.deep.equal([]);
    expect(stops, 'stops checked').to.be.greaterThan(45);
  });

  it('the map’s markers, clusters, controls and a group practice’s list', async () => {
    const group: Match[] = SAMPLE_PROVIDERS.slice(0, 3).map((provider) => ({
      provider: { ...provider, location: CHICAGO, address: { line1: '2400 N Clark St' } },
      distanceKm: 0.5,
    }));
    const scattered: Match[] = Array.from({ length: 20 }, (_, i) => ({
      provider: {
        id: `s-${i}`,
        name: `Clinician ${i}`,
        location: { lat: 42.02 + (i % 5) / 500, lng: -87.75 + i / 400 },
      },
      distanceKm: 10,
    }));
    const map = await fixture<SpineMap>(
      html`<spine-map .results=${[...group, ...scattered]} .center=${CHICAGO} .radiusKm=${12}></spine-map>`,
    );
    await mapReady(map);
    expect(map.clusterElements().length, 'a cluster').to.be.greaterThan(0);
    const site = map.markerElement('fx-1')!;
    site.focus();
    expect(focusProblems(site)).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => map.shadowRoot!.querySelector('.spine-site-member'), 'the list did not open');
    const close = map.shadowRoot!.querySelector('.leaflet-popup-close-button')!;
    const problems = [...focusProblems(deepActiveElement()!)];
    for (let i = 0; i < 3 && deepActiveElement() !== close; i++) {
      await sendKeys({ press: 'Tab' });
      problems.push(...focusProblems(deepActiveElement()!));
    }
    expect(deepActiveElement() === close, 'Tab reached the close button').to.equal(true);
    expect(problems).to.deep.equal([]);

    // Every marker and cluster, the map and its controls, from the start of the map.
    await sendKeys({ press: 'Escape' });
    const container = map.shadowRoot!.querySelector<HTMLElement>('.leaflet-container')!;
    container.focus();
    expect(focusProblems(container)).to.deep.equal([]);
    const attribution = map.shadowRoot!.querySelector('.leaflet-control-attribution a')!;
    const walked = await tabAndCheck(map, attribution, 40);
    expect(walked.problems).to.deep.equal([]);
    expect(walked.stops).to.be.greaterThan(3);
  });

  it('on a narrow screen: the List/Map switch, the suggestions when nothing is found', async () => {
    await setViewport({ width: 360, height: 640 });
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, 'Denver, CO');
    const buttons = [
      ...finder.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="view-button"], [part~="suggestion-button"]'),
    ];
    expect(buttons.length).to.equal(4);
    const { stops, problems } = await tabAndCheck(finder, buttons.at(-1)!);
    expect(problems).to.deep.equal([]);
    expect(stops).to.be.greaterThan(3);
  });

  // Leaflet does not move the map to a marker that takes focus, and its
  // controls sit above the marker pane in a stacking context of their own,
  // so no CSS can lift a marker over them: MapView pans a focused marker
  // clear of them.
  it('brings a marker out from under the zoom buttons when it takes focus', async () => {
    // Two clinicians far enough apart to stand alone show where the map puts a point.
    const reference = (id: string, lat: number, lng: number): Match => ({
      provider: { id, name: `Reference ${id}`, location: { lat, lng } },
      distanceKm: 5,
    });
    const [a, b] = [
      reference('a', CHICAGO.lat + 0.03, CHICAGO.lng - 0.05),
      reference('b', CHICAGO.lat - 0.03, CHICAGO.lng + 0.05),
    ];
    const map = await fixture<SpineMap>(
      html`<spine-map .results=${[a, b]} .center=${CHICAGO} .radiusKm=${10}></spine-map>`,
    );
    await mapReady(map);
    const centre = (element: Element) => {
      const box = element.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    };
    const [pa, pb] = [centre(map.markerElement('a')!), centre(map.markerElement('b')!)];
    const button = centre(map.shadowRoot!.querySelector('.leaflet-control-zoom-in')!);
    const at = (from: number, to: number, p: number, q: number, target: number) =>
      from + ((to - from) * (target - p)) / (q - p);
    const hidden: Match = {
      provider: {
        id: 'hidden',
        name: 'Under the buttons',
        location: {
          lat: at(a.provider.location.lat, b.provider.location.lat, pa.y, pb.y, button.y),
          lng: at(a.provider.location.lng, b.provider.location.lng, pa.x, pb.x, button.x),
        },
      },
      distanceKm: 5,
    };
    map.results = [a, b, hidden];
    await waitUntil(() => map.markerElement('hidden'), 'no marker for the clinician under the buttons');
    const marker = map.markerElement('hidden')!;
    expect(entirelyObscured(marker), 'the marker starts behind the buttons').to.equal(true);
    map.shadowRoot!.querySelector<HTMLElement>('.leaflet-container')!.focus();
    for (let i = 0; i < 3 && deepActiveElement() !== marker; i++) await sendKeys({ press: 'Tab' });
    expect(deepActiveElement() === marker, 'Tab reached the marker').to.equal(true);
    await waitUntil(() => !entirelyObscured(marker), 'the focused marker stayed behind the zoom buttons', {
      timeout: 2000,
    });
  });

  it('tells a missing, thin or faint indicator and a covered element (the check itself)', async () => {
    const page = await fixture<HTMLElement>(html`
      <div style="position: relative; background: #ffffff">
        <button id="none" style="outline: none">none</button>
        <button id="thin" style="outline: 1px solid #000000">thin</button>
        <button id="faint" style="outline: 3px solid #dddddd; outline-offset: 2px">faint</button>
        <button id="ring" style="outline: none; box-shadow: 0 0 0 3px #1b1f24">ring</button>
        <button id="covered" style="outline: 3px solid #000">covered</button>
        <div style="position: absolute; inset: 0; background: #ffffff"></div>
      </div>
    `);
    const problem = (id: string) => focusProblems(page.querySelector(`#${id}`)!).join(' ');
    expect(problem('none')).to.contain('no outline');
    expect(problem('thin')).to.contain('only 1px');
    expect(problem('faint')).to.contain('contrast 1.');
    expect(problem('ring')).to.contain('entirely hidden');
    expect(problem('ring')).not.to.contain('contrast');
    expect(problem('covered')).to.contain('entirely hidden');
  });
});
