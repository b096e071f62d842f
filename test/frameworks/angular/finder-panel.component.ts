import { Component, CUSTOM_ELEMENTS_SCHEMA, input, output, signal } from '@angular/core';
import 'spine-finder/elements/spine-finder.js';
import type { DirectoryFilters, SpineResultsEvent, SpineSelectEvent } from 'spine-finder';

@Component({
  selector: 'app-finder-panel',
  // Lets the template use <spine-finder>, an element Angular does not know.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  // [filters] sets a property (an object); (spine-results) listens to the element's event.
  template: `
    <section>
      <spine-finder
        #finder
        [endpoint]="endpoint()"
        location="60614"
        no-map
        [filters]="filters"
        (spine-results)="onResults($event)"
        (spine-select)="onSelect($event)"
      ></spine-finder>
      <button type="button" (click)="finder.search('Chicago, IL')">Search Chicago</button>
      @if (found() !== undefined) {
        <p role="status">{{ found() }} accepting new patients</p>
      }
    </section>
  `,
})
export class FinderPanelComponent {
  readonly endpoint = input.required<string>();
  readonly choose = output<string>();
  readonly found = signal<number | undefined>(undefined);
  readonly filters: DirectoryFilters = { acceptingNewPatients: true };

  onResults(event: Event): void {
    this.found.set((event as SpineResultsEvent).matches.length);
  }

  onSelect(event: Event): void {
    this.choose.emit((event as SpineSelectEvent).provider.name);
  }
}
