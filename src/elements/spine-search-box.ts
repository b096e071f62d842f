/**
 * `spine-finder/elements/spine-search-box.js`: registers `<spine-search-box>` and
 * exports its class. A tag already defined is left as it is. For the class
 * alone, with nothing registered, import it from `spine-finder`.
 */
import { SpineSearchBox } from '../components/search-box/search-box.js';

// Nothing to define where there is no customElements (a server rendering the page).
if (typeof customElements !== 'undefined' && !customElements.get('spine-search-box')) {
  customElements.define('spine-search-box', SpineSearchBox);
}

export { SpineSearchBox };

declare global {
  interface HTMLElementTagNameMap {
    'spine-search-box': SpineSearchBox;
  }
}
