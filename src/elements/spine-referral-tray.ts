/**
 * `spine-finder/elements/spine-referral-tray.js`: registers `<spine-referral-tray>` and
 * exports its class. A tag already defined is left as it is. For the class
 * alone, with nothing registered, import it from `spine-finder`.
 */
import { SpineReferralTray } from '../components/referral-tray/referral-tray.js';

// Nothing to define where there is no customElements (a server rendering the page).
if (typeof customElements !== 'undefined' && !customElements.get('spine-referral-tray')) {
  customElements.define('spine-referral-tray', SpineReferralTray);
}

export { SpineReferralTray };

declare global {
  interface HTMLElementTagNameMap {
    'spine-referral-tray': SpineReferralTray;
  }
}
