/**
 * The Vue 3 example of docs/frameworks.md, mounted with Vue's runtime
 * template compiler: `isCustomElement` leaves <spine-finder> to the browser,
 * `.prop` sets an object as a property, `@spine-results` hears the event.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { App } from 'vue';
import type { SpineFinder, SpineSearchEvent } from 'spine-finder';
import { partsOf } from '../helpers.js';
import { createFinderApp } from './vue/finder-panel.js';

describe('the Vue 3 example', () => {
  let container: HTMLElement;
  let app: App | undefined;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    app?.unmount();
    container.remove();
  });

  it('renders the finder with its properties and hears its events', async () => {
    const chosen: string[] = [];
    const warnings: unknown[] = [];
    app = createFinderApp({ endpoint: '/test-api/directory', onChoose: (name) => chosen.push(name) });
    // Vue warns, among other things, when it takes <spine-finder> for a component it cannot resolve.
    app.config.warnHandler = (message) => warnings.push(message);
    app.mount(container);

    // spine-results reached Vue's handler, which drew the count.
    await waitUntil(() => container.querySelector('p[role="status"]'), 'no results reached Vue');
    expect(container.querySelector('p[role="status"]')!.textContent).to.equal('1 accepting new patients');
    const finder = container.querySelector<SpineFinder>('spine-finder')!;
    await expect(finder).to.be.accessible();
    expect(partsOf(finder).cardNames()).to.deep.equal(['Ana Lopez, DC']);
    expect(finder.filters).to.deep.equal({ acceptingNewPatients: true });
    expect(finder.hasAttribute('filters')).to.equal(false);
    expect(finder.noMap).to.equal(true);
    expect(finder.endpoint).to.equal('/test-api/directory');

    partsOf(finder).cards()[0].shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-button"]')!.click();
    expect(chosen).to.deep.equal(['Ana Lopez']);

    const searched = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
    container.querySelector('button')!.click();
    expect((await searched).place.label).to.equal('Chicago, IL');
    expect(warnings).to.deep.equal([]);
  });
});
