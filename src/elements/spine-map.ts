/**
 * `spine-finder/elements/spine-map.js`: registers `<spine-map>` and exports
 * its class; Leaflet still loads only when the map is about to be seen. A tag
 * already defined is left as it is. For the class alone, with nothing
 * registered, import it from `spine-finder`.
 */
import { SpineMap } from '../components/map/map.js';

// Nothing to define where there is no customElements (a server rendering the page).
if (typeof customElements !== 'undefined' && !customElements.get('spine-map')) {
  customElements.define('spine-map', SpineMap);
}

export { SpineMap };

declare global {
  interface HTMLElementTagNameMap {
    'spine-map': SpineMap;
  }
}
