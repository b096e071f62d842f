/**
 * `spine-finder/elements/spine-finder.js`: registers `<spine-finder>` and the
 * elements it renders (search box, filters, results and their cards, map,
 * referral tray), and exports its class. A tag already defined is left as it
 * is. For the class alone, with nothing registered, import it from
 * `spine-finder`.
 */
import './spine-search-box.js';
import './spine-filters.js';
import './spine-results.js';
import './spine-map.js';
import './spine-referral-tray.js';
import { SpineFinder } from '../components/finder/finder.js';

// Nothing to define where there is no customElements (a server rendering the page).
if (typeof customElements !== 'undefined' && !customElements.get('spine-finder')) {
  customElements.define('spine-finder', SpineFinder);
}

export { SpineFinder };

declare global {
  interface HTMLElementTagNameMap {
    'spine-finder': SpineFinder;
  }
}
