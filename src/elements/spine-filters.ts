/**
 * `spine-finder/elements/spine-filters.js`: registers `<spine-filters>` and
 * exports its class. A tag already defined is left as it is. For the class
 * alone, with nothing registered, import it from `spine-finder`.
 */
import { SpineFilters } from '../components/filters/filters.js';

// Nothing to define where there is no customElements (a server rendering the page).
if (typeof customElements !== 'undefined' && !customElements.get('spine-filters')) {
  customElements.define('spine-filters', SpineFilters);
}

export { SpineFilters };

declare global {
  interface HTMLElementTagNameMap {
    'spine-filters': SpineFilters;
  }
}
