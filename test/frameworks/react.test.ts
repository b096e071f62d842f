/**
 * The React 19 example of docs/frameworks.md, mounted as a host app would:
 * React sets the finder's properties (an object among them) and hears its
 * events through `on` + the event's name, with no wrapper.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import type { SpineFinder, SpineSearchEvent } from 'spine-finder';
import { partsOf } from '../helpers.js';
import { FinderPanel } from './react/finder-panel.js';

describe('the React 19 example', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('renders the finder with its properties and hears its events', async () => {
    const chosen: string[] = [];
    root.render(createElement(FinderPanel, { endpoint: '/test-api/directory', onChoose: (name) => chosen.push(name) }));

    // spine-results reached React's handler, which drew the count.
    await waitUntil(() => container.querySelector('p[role="status"]'), 'no results reached React');
    expect(container.querySelector('p[role="status"]')!.textContent).to.equal('1 accepting new patients');
    const finder = container.querySelector<SpineFinder>('spine-finder')!;
    await expect(finder).to.be.accessible();
    expect(partsOf(finder).cardNames()).to.deep.equal(['Ana Lopez, DC']);
    // Objects and booleans arrive as properties, not as attributes like "[object Object]".
    expect(finder.filters).to.deep.equal({ acceptingNewPatients: true });
    expect(finder.hasAttribute('filters')).to.equal(false);
    expect(finder.noMap).to.equal(true);
    expect(finder.shadowRoot!.querySelector('spine-map')).to.equal(null);

    partsOf(finder).cards()[0].shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-button"]')!.click();
    expect(chosen).to.deep.equal(['Ana Lopez']);

    // The app calls the element's method through a ref.
    const searched = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
    container.querySelector('button')!.click();
    expect((await searched).place.label).to.equal('Chicago, IL');
  });
});
