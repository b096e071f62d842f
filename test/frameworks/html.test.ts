/**
 * The plain HTML example of docs/frameworks.md, loaded as a page of its own
 * (in a frame): the drop-in's script, the finder configured by attributes
 * and its JSON script, and the page's own module hearing its events.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { SpineFinder } from 'spine-finder';
import { partsOf } from '../helpers.js';

describe('the plain HTML example', () => {
  let frame: HTMLIFrameElement;

  afterEach(() => frame.remove());

  it('renders the finder, searches on load, and its events reach the page', async () => {
    frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.style.height = '600px';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/test/frameworks/html/index.html';
    document.body.append(frame);
    await loaded;
    const page = frame.contentDocument!;

    const found = page.querySelector('#found')!;
    await waitUntil(() => found.textContent, 'no results reached the page', { timeout: 8000 });
    const finder = page.querySelector<SpineFinder>('spine-finder')!;
    await finder.updateComplete;
    await partsOf(finder).results.whenDrawn();
    const cards = partsOf(finder).cards();
    expect(cards.length).to.be.greaterThan(0);
    expect(found.textContent).to.equal(`${cards.length} accepting new patients`);
    // The JSON script's entries arrived as properties.
    expect(finder.filters).to.deep.equal({ acceptingNewPatients: true });
    expect(finder.radius).to.equal(10);

    cards[0].shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-button"]')!.click();
    expect(page.querySelector('#chosen')!.textContent).to.match(/^You chose .+\.$/);
  });
});
