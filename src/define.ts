/**
 * Registers every spine-finder element. The drop-in script is this module
 * bundled. A tag that is already defined (a second copy of the script on the
 * page, or another version) is left as it is.
 */
import { SpineFilters } from './components/filters/filters.js';
import { SpineFinder } from './components/finder/finder.js';
import { SpineMap } from './components/map/map.js';
import { SpineProviderCard } from './components/provider-card/provider-card.js';
import { SpineReferralTray } from './components/referral-tray/referral-tray.js';
import { SpineResults } from './components/results/results.js';
import { SpineSearchBox } from './components/search-box/search-box.js';

const ELEMENTS: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['spine-finder', SpineFinder],
  ['spine-search-box', SpineSearchBox],
  ['spine-filters', SpineFilters],
  ['spine-results', SpineResults],
  ['spine-provider-card', SpineProviderCard],
  ['spine-map', SpineMap],
  ['spine-referral-tray', SpineReferralTray],
];

for (const [tag, element] of ELEMENTS) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'spine-finder': SpineFinder;
    'spine-search-box': SpineSearchBox;
    'spine-filters': SpineFilters;
    'spine-results': SpineResults;
    'spine-provider-card': SpineProviderCard;
    'spine-map': SpineMap;
    'spine-referral-tray': SpineReferralTray;
  }
}
