/**
 * Target size (WCAG 2.5.8, AA): every control a person can press or click in
 * any element's shadow root (buttons, links, fields, selects, checkboxes,
 * markers, clusters, the map's own controls) is at least 24 by 24 CSS px, or
 * is spaced so that a 24 px circle on its centre touches no other target
 * (the spacing exception), or is a link inside a line of text (the inline
 * exception). The exceptions found are listed by name, so a new one fails.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineMap } from '../../src/components/map/map.js';
import type { Match } from '../../src/directory/adapter.js';
import type { SpineErrorEvent } from '../../src/events.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import { mapReady, partsOf, searchAndWait, searchFor } from '../helpers.js';
import { describe as describeElement, interactiveElementsIn, openDetails, shadowPart } from './a11y-helpers.js';

const MINIMUM = 24;

interface Verdict {
  element: HTMLElement;
  width: number;
  height: number;
  passes: 'size' | 'spacing' | 'inline';
}

interface Failure {
  element: string;
  size: string;
}

/** Whether a link sits in a line of text: inline, in a block that has text of its own around it. */
function isInlineInText(element: HTMLElement): boolean {
  if (element.localName !== 'a' || getComputedStyle(element).display !== 'inline') return false;
  const block = element.parentElement;
  if (!block) return false;
  const ownText = [...block.childNodes]
    .filter((node) => node !== element)
    .map((node) => node.textContent ?? '')
    .join('')
    .trim();
  return ownText.length > 0;
}

/** Distance from a point to the nearest point of a box. */
function distanceToBox(x: number, y: number, box: DOMRect): number {
  const dx = Math.max(box.left - x, 0, x - box.right);
  const dy = Math.max(box.top - y, 0, y - box.bottom);
  return Math.hypot(dx, dy);
}

/** Every control in `root`'s shadow roots, judged by WCAG 2.5.8. */
function judgeTargets(root: Element): { verdicts: Verdict[]; failures: Failure[] } {
  // Leaflet's container is the whole map: a target far larger than 24 px.
  const elements = interactiveElementsIn(root).filter((element) => element.getBoundingClientRect().width > 1);
  const boxes = elements.map((element) => element.getBoundingClientRect());
  const small = boxes.map((box) => box.width < MINIMUM - 0.01 || box.height < MINIMUM - 0.01);
  const centre = (box: DOMRect) => [box.left + box.width / 2, box.top + box.height / 2] as const;
  const verdicts: Verdict[] = [];
  const failures: Failure[] = [];
  elements.forEach((element, i) => {
    const box = boxes[i];
    const size = { width: box.width, height: box.height };
    if (!small[i]) {
      verdicts.push({ element, ...size, passes: 'size' });
      return;
    }
    const [x, y] = centre(box);
    const spaced = () =>
      elements.every((other, j) => {
        if (j === i || other.contains(element) || element.contains(other)) return true;
        if (small[j]) {
          const [ox, oy] = centre(boxes[j]);
          return Math.hypot(ox - x, oy - y) >= MINIMUM;
        }
        return distanceToBox(x, y, boxes[j]) >= MINIMUM / 2;
      });
    if (isInlineInText(element)) verdicts.push({ element, ...size, passes: 'inline' });
    else if (spaced()) verdicts.push({ element, ...size, passes: 'spacing' });
    else failures.push({ element: describeElement(element), size: `${box.width.toFixed(1)}×${box.height.toFixed(1)}` });
  });
  return { verdicts, failures };
}

/** The controls that pass only by an exception, by name. */
function exceptions(verdicts: Verdict[], kind: 'spacing' | 'inline'): string[] {
  return verdicts.filter((verdict) => verdict.passes === kind).map((verdict) => describeElement(verdict.element));
}

describe('target size (2.5.8)', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('results with every card’s details and outcomes open, the referral tray and the map', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, '60614');
    const { cards, map } = partsOf(finder);
    await mapReady(map);
    shadowPart<HTMLButtonElement>(cards()[0], 'referral-button').click();
    await waitUntil(() => finder.shadowRoot!.querySelector('spine-referral-tray'), 'no tray');
    for (const card of cards()) {
      if (card.shadowRoot!.querySelector('[part~="details-button"]')) await openDetails(card);
    }
    shadowPart<HTMLButtonElement>(cards()[0], 'explain-button').click();
    await cards()[0].updateComplete;

    const { verdicts, failures } = judgeTargets(finder);
    expect(failures).to.deep.equal([]);
    // What was measured: the kinds of control a person meets here.
    const kinds = new Set(verdicts.map(({ element }) => element.getAttribute('type') ?? element.localName));
    expect([...kinds]).to.include.members(['text', 'checkbox', 'button', 'submit', 'a', 'select', 'div']);
    expect(verdicts.length).to.be.greaterThan(50);
    expect(exceptions(verdicts, 'inline')).to.deep.equal([]);
    // Leaflet's credit in the map's corner (its own 12 px type) is shorter than 24 px, and nothing is within 12 px of its centre.
    expect(exceptions(verdicts, 'spacing')).to.deep.equal(['spine-map › <a> "Leaflet"']);
  });

  it('a group practice’s list on the map, with its close button', async () => {
    const center = { lat: 41.9229, lng: -87.6483 };
    const group: Match[] = SAMPLE_PROVIDERS.slice(0, 3).map((provider) => ({
      provider: { ...provider, location: center, address: { line1: '2400 N Clark St' } },
      distanceKm: 0.5,
    }));
    const map = await fixture<SpineMap>(
      html`<spine-map .results=${group} .center=${center} .radiusKm=${2}></spine-map>`,
    );
    await mapReady(map);
    map.markerElement('fx-1')!.click();
    await waitUntil(() => map.shadowRoot!.querySelector('.spine-site-member'), 'the list did not open');
    const { verdicts, failures } = judgeTargets(map);
    expect(failures).to.deep.equal([]);
    const names = verdicts.map(({ element }) => describeElement(element));
    expect(names.join('\n')).to.contain('spine-site-member');
    expect(names.join('\n')).to.contain('leaflet-popup-close-button');
  });

  it('nothing found, a failure with Retry, an ambiguous place, the narrow List/Map switch', async () => {
    await setViewport({ width: 360, height: 640 });
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, 'Denver, CO');
    expect(finder.shadowRoot!.querySelectorAll('[part~="suggestion-button"]').length).to.be.greaterThan(0);
    expect(judgeTargets(finder).failures).to.deep.equal([]);

    let error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    await searchFor(finder, 'Springfield');
    await error;
    await finder.updateComplete;
    expect(finder.shadowRoot!.querySelectorAll('[part~="place-button"]').length).to.be.greaterThan(1);
    expect(judgeTargets(finder).failures).to.deep.equal([]);

    await searchAndWait(finder, '60614');
    finder.endpoint = '/test-api/status/404';
    error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    await searchFor(finder, '60614');
    await error;
    await finder.updateComplete;
    expect(partsOf(finder).retryButton(), 'Retry').not.to.equal(null);
    expect(
      finder.shadowRoot!.querySelectorAll('[part~="view-button"]')[0].getBoundingClientRect().width,
    ).to.be.greaterThan(0);
    expect(judgeTargets(finder).failures).to.deep.equal([]);
  });

  it('the compact layout’s link to the full finder', async () => {
    const results = new Promise((resolve) => document.addEventListener('spine-results', resolve, { once: true }));
    const finder = await fixture<SpineFinder>(
      html`<spine-finder
        layout="compact"
        endpoint="/test-api/directory"
        location="60614"
        limit="3"
        finder-url="/find"
      ></spine-finder>`,
    );
    await results;
    await finder.updateComplete;
    await partsOf(finder).results.whenDrawn();
    const { verdicts, failures } = judgeTargets(finder);
    expect(failures).to.deep.equal([]);
    expect(verdicts.map(({ element }) => element.getAttribute('part'))).to.include('see-all-link');
  });

  it('tells a target that is too small and too close from one that is spaced (the check itself)', async () => {
    const page = await fixture<HTMLElement>(html`<div><span id="host"></span></div>`);
    const shadow = page.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `
      <div style="display: flex; gap: 2px"><button style="all: unset; width: 16px; height: 16px">a</button><button style="all: unset; width: 16px; height: 16px">b</button></div>
      <div style="display: flex; gap: 30px; margin-top: 30px"><button style="all: unset; width: 16px; height: 16px">c</button><button style="all: unset; width: 16px; height: 16px">d</button></div>
      <p>Read <a href="#x">this link</a> in a sentence.</p>`;
    const { verdicts, failures } = judgeTargets(page);
    expect(failures.map((failure) => failure.element)).to.deep.equal(['span › <button> "a"', 'span › <button> "b"']);
    expect(exceptions(verdicts, 'spacing')).to.deep.equal(['span › <button> "c"', 'span › <button> "d"']);
    expect(exceptions(verdicts, 'inline')).to.deep.equal(['span › <a> "this link"']);
  });
});
