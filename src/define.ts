/**
 * Registers every spine-finder element and the one global the finder adds,
 * `SpineFinder`: the drop-in script is this module bundled.
 *
 * A page may load the finder twice: a CMS block and a theme both include
 * it, or two versions meet. The first copy to run keeps its elements and
 * its namespace; a later copy changes nothing and says so once in the
 * console, naming both versions. Where there is no `customElements` (a
 * server rendering the page without Lit's DOM shim) this does nothing.
 */
import { getAssetsPath, setAssetsPath } from './assets.js';
import { SpineFilters } from './components/filters/filters.js';
import { SpineFinder } from './components/finder/finder.js';
import { SpineMap } from './components/map/map.js';
import { SpineProviderCard } from './components/provider-card/provider-card.js';
import { SpineReferralTray } from './components/referral-tray/referral-tray.js';
import { SpineResults } from './components/results/results.js';
import { SpineSearchBox } from './components/search-box/search-box.js';
import { VERSION } from './version.js';

const ELEMENTS: ReadonlyArray<[string, CustomElementConstructor]> = [
  ['spine-finder', SpineFinder],
  ['spine-search-box', SpineSearchBox],
  ['spine-filters', SpineFilters],
  ['spine-results', SpineResults],
  ['spine-provider-card', SpineProviderCard],
  ['spine-map', SpineMap],
  ['spine-referral-tray', SpineReferralTray],
];

/** `globalThis.SpineFinder`: what a page that loads the drop-in can reach of it, frozen. */
export interface SpineFinderNamespace {
  /** The version whose elements the page uses. */
  readonly version: string;
  /** The tags it defined. */
  readonly elements: readonly string[];
  /** Where the data files are read from (by default `spine-assets/` beside the script). */
  readonly setAssetsPath: (url: string | URL) => void;
  readonly getAssetsPath: () => URL;
}

declare global {
  var SpineFinder: SpineFinderNamespace | undefined;
}

function defineElements(): void {
  if (typeof customElements === 'undefined') return;
  const existing: unknown = globalThis.SpineFinder;
  if (isNamespace(existing)) {
    sayLoadedTwice(existing.version);
    return;
  }
  const taken = ELEMENTS.filter(([tag]) => customElements.get(tag)).map(([tag]) => tag);
  if (taken.length === ELEMENTS.length) {
    // A copy from before the namespace, or another library's elements of the same names.
    sayLoadedTwice(undefined);
    return;
  }
  const defined = ELEMENTS.filter(([tag]) => !taken.includes(tag));
  for (const [tag, element] of defined) customElements.define(tag, element);
  if (taken.length) {
    console.warn(
      `spine-finder ${VERSION}: ${taken.join(', ')} were already defined on this page and are left as they are.`,
    );
  }
  if (existing !== undefined) {
    console.warn(`spine-finder ${VERSION}: the page has a global SpineFinder of its own, so the finder leaves it be.`);
    return;
  }
  const namespace: SpineFinderNamespace = Object.freeze({
    version: VERSION,
    elements: Object.freeze(defined.map(([tag]) => tag)),
    setAssetsPath,
    getAssetsPath,
  });
  Object.defineProperty(globalThis, 'SpineFinder', { value: namespace, writable: false, configurable: false });
}

function isNamespace(value: unknown): value is SpineFinderNamespace {
  return typeof value === 'object' && value !== null && typeof (value as { version?: unknown }).version === 'string';
}

/**
 * A later copy of the finder on the page: the first keeps working. Two
 * copies of one version are harmless (an info); two versions mean this one
 * is not the one in use (a warning).
 */
function sayLoadedTwice(firstVersion: string | undefined): void {
  const first = firstVersion ? `spine-finder ${firstVersion}` : 'another copy of spine-finder';
  const message =
    `spine-finder ${VERSION} is loaded on a page where ${first} already is: ` +
    `its elements and its SpineFinder namespace stay in use, and this copy defines nothing. ` +
    `Loading the script once is enough.`;
  if (firstVersion === VERSION) console.info(message);
  else console.warn(message);
}

defineElements();

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
