/**
 * The Angular example of docs/frameworks.md, compiled in the browser by
 * Angular's JIT compiler (an Angular CLI build compiles it ahead of time):
 * CUSTOM_ELEMENTS_SCHEMA lets the template use <spine-finder>, [filters]
 * sets an object as a property, (spine-results) hears the event. The
 * component's types are checked by `npm run typecheck`; its template is
 * checked only as far as the JIT compiler does (syntax and bindings, not
 * types).
 */
import '@angular/compiler';
import { Component, Input, Output } from '@angular/core';
import type { ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { SpineFinder, SpineSearchEvent } from 'spine-finder';
import { partsOf } from '../helpers.js';
import { FinderPanelComponent } from './angular/finder-panel.component.js';

// What the Angular CLI's JIT transform adds for input() and output(): the
// JIT compiler cannot see them in field initializers.
Input({ isSignal: true, alias: 'endpoint', required: true, transform: undefined } as Input)(
  FinderPanelComponent.prototype,
  'endpoint',
);
Output('choose')(FinderPanelComponent.prototype, 'choose');

@Component({
  selector: 'app-root',
  imports: [FinderPanelComponent],
  template: `<app-finder-panel endpoint="/test-api/directory" (choose)="chosen.push($event)" />`,
})
class HostApp {
  readonly chosen: string[] = [];
}

describe('the Angular example', () => {
  let app: ApplicationRef | undefined;

  afterEach(() => {
    app?.destroy();
    document.querySelector('app-root')?.remove();
  });

  it('renders the finder with its properties and hears its events', async () => {
    const root = document.createElement('app-root');
    document.body.append(root);
    app = await bootstrapApplication(HostApp);

    // spine-results reached the component's handler, which drew the count.
    await waitUntil(() => root.querySelector('p[role="status"]'), 'no results reached Angular');
    expect(root.querySelector('p[role="status"]')!.textContent!.trim()).to.equal('1 accepting new patients');
    const finder = root.querySelector<SpineFinder>('spine-finder')!;
    await expect(finder).to.be.accessible();
    expect(partsOf(finder).cardNames()).to.deep.equal(['Ana Lopez, DC']);
    expect(finder.filters).to.deep.equal({ acceptingNewPatients: true });
    expect(finder.hasAttribute('filters')).to.equal(false);
    expect(finder.noMap).to.equal(true);
    expect(finder.endpoint).to.equal('/test-api/directory');

    partsOf(finder).cards()[0].shadowRoot!.querySelector<HTMLButtonElement>('[part~="select-button"]')!.click();
    expect(app.components[0].instance.chosen).to.deep.equal(['Ana Lopez']);

    const searched = oneEvent(finder, 'spine-search') as Promise<SpineSearchEvent>;
    root.querySelector('button')!.click();
    expect((await searched).place.label).to.equal('Chicago, IL');
  });
});
