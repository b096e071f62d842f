/**
 * Reduced motion (WCAG 2.3.3 is AAA; we honour the person's setting all the
 * same, and it keeps motion from distracting, 2.2.2): with
 * prefers-reduced-motion: reduce the map is made without zoom, fade or
 * marker animations, a chosen card moves the map in one step, and the list
 * jumps to a card chosen on the map instead of scrolling smoothly. Each
 * check is run once without the setting too, to show that it sees motion
 * when there is some.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import { SpineSelectEvent } from '../../src/events.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';
import { shadowPart } from './a11y-helpers.js';

/** The values `read` takes on each frame for `ms` after `act`, in order, each once. */
async function framesOf(read: () => string, act: () => void, ms = 700): Promise<string[]> {
  const values = [read()];
  act();
  const end = performance.now() + ms;
  while (performance.now() < end) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const value = read();
    if (value !== values.at(-1)) values.push(value);
  }
  return values;
}

async function finderWithMap(): Promise<SpineFinder> {
  const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
  await searchAndWait(finder, '60614');
  await mapReady(partsOf(finder).map);
  return finder;
}

/** Chooses a Lincoln Park clinician, clustered at this zoom, so the map zooms in to show their marker. */
async function chooseClusteredCard(finder: SpineFinder) {
  const { map, cards } = partsOf(finder);
  expect(map.markerElement('fx-2') === undefined, 'Ben Okafor starts inside a cluster').to.equal(true);
  const mapPane = map.shadowRoot!.querySelector<HTMLElement>('.leaflet-map-pane')!;
  let zoomAnimated = false;
  const watch = new MutationObserver(() => {
    zoomAnimated ||= mapPane.classList.contains('leaflet-zoom-anim');
  });
  watch.observe(mapPane, { attributes: true, attributeFilter: ['class'] });
  const transforms = await framesOf(
    () => mapPane.style.transform,
    () => shadowPart<HTMLButtonElement>(cards()[1], 'select-button').click(),
  );
  watch.disconnect();
  await waitUntil(() => map.markerElement('fx-2')?.classList.contains('selected'), 'the marker did not show');
  return { zoomAnimated, transforms };
}

/** Chooses the farthest clinician as a marker would, and follows the list's scroll position. */
async function scrollsOfTheList(finder: SpineFinder): Promise<string[]> {
  const list = finder.shadowRoot!.querySelector<HTMLElement>('.list')!;
  const { cards, map } = partsOf(finder);
  expect(list.scrollHeight, 'the list scrolls').to.be.greaterThan(list.clientHeight + 200);
  const last = cards().at(-1)!;
  return framesOf(
    () => String(list.scrollTop),
    () => map.dispatchEvent(new SpineSelectEvent(last.provider!, 'map', false)),
  );
}

describe('reduced motion', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('with prefers-reduced-motion: reduce', () => {
    beforeEach(async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
    });

    it('makes the map without zoom, fade or marker animation', async () => {
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      const finder = await finderWithMap();
      const { map } = partsOf(finder);
      const container = map.shadowRoot!.querySelector('.leaflet-container')!;
      expect(container.classList.contains('leaflet-fade-anim'), 'fade').to.equal(false);
      // (Leaflet's SVG layers keep the class leaflet-zoom-animated; it moves them only inside a
      // pane marked leaflet-zoom-anim, which the next test shows never happens.)
      // Elements are never handed to chai's diff: Leaflet's objects on them are cyclic.
      const markers = [...container.querySelectorAll('.leaflet-marker-icon')];
      expect(markers.length).to.be.greaterThan(0);
      expect(
        markers.every((marker) => marker.classList.contains('leaflet-zoom-hide')),
        'markers that animate',
      ).to.equal(true);
    });

    it('moves the map to a chosen card’s marker in one step', async () => {
      const finder = await finderWithMap();
      const { zoomAnimated, transforms } = await chooseClusteredCard(finder);
      expect(zoomAnimated, 'a zoom animation').to.equal(false);
      expect(transforms.length, `the map pane moved through ${transforms.join(' → ')}`).to.be.at.most(2);
    });

    it('jumps the list to a card chosen on the map, without smooth scrolling', async () => {
      const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/api/directory"></spine-finder>`);
      await searchAndWait(finder, '60614');
      expect(getComputedStyle(finder.shadowRoot!.querySelector('.list')!).scrollBehavior).to.equal('auto');
      const positions = await scrollsOfTheList(finder);
      expect(positions, 'scrolled straight to the card').to.have.length(2);
    });
  });

  describe('without it (the checks see motion where there is some)', () => {
    it('animates the map’s zoom to a chosen card’s marker', async () => {
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(false);
      const finder = await finderWithMap();
      const container = partsOf(finder).map.shadowRoot!.querySelector('.leaflet-container')!;
      expect(container.classList.contains('leaflet-fade-anim')).to.equal(true);
      const { zoomAnimated } = await chooseClusteredCard(finder);
      expect(zoomAnimated).to.equal(true);
    });

    it('scrolls the list smoothly, through several positions', async () => {
      const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/api/directory"></spine-finder>`);
      await searchAndWait(finder, '60614');
      const positions = await scrollsOfTheList(finder);
      expect(positions.length).to.be.greaterThan(2);
    });
  });
});
