/**
 * `spine-finder/elements/spine-provider-card.js`: registers `<spine-provider-card>` and
 * exports its class. A tag already defined is left as it is. For the class
 * alone, with nothing registered, import it from `spine-finder`.
 */
import { SpineProviderCard } from '../components/provider-card/provider-card.js';

// Nothing to define where there is no customElements (a server rendering the page).
if (typeof customElements !== 'undefined' && !customElements.get('spine-provider-card')) {
  customElements.define('spine-provider-card', SpineProviderCard);
}

export { SpineProviderCard };

declare global {
  interface HTMLElementTagNameMap {
    'spine-provider-card': SpineProviderCard;
  }
}
