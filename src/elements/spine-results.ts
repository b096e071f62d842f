/**
 * `spine-finder/elements/spine-results.js`: registers `<spine-results>` and
 * the cards it renders, and exports its class. A tag already defined is left
 * as it is. For the class alone, with nothing registered, import it from
 * `spine-finder`.
 */
import './spine-provider-card.js';
import { SpineResults } from '../components/results/results.js';

// Nothing to define where there is no customElements (a server rendering the page).
if (typeof customElements !== 'undefined' && !customElements.get('spine-results')) {
  customElements.define('spine-results', SpineResults);
}

export { SpineResults };

declare global {
  interface HTMLElementTagNameMap {
    'spine-results': SpineResults;
  }
}
