import { html, LitElement, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { getAssetsPath } from '../../assets.js';
import type { DirectoryAdapter, Match } from '../../directory/adapter.js';
import { ADAPTER_NAMES, createAdapter } from '../../directory/adapters.js';
import type { AdapterName } from '../../directory/adapters.js';
import type { DirectoryFilters, SortOrder } from '../../directory/filters.js';
import { hasFilters, SORT_ORDERS } from '../../directory/filters.js';
import { DEFAULT_REQUEST_POLICY } from '../../directory/request-policy.js';
import type { Provider } from '../../directory/schema.js';
import {
  SpineAreaSearchEvent,
  SpineErrorEvent,
  SpineFiltersChangeEvent,
  SpineLocateRequestEvent,
  SpineReferralToggleEvent,
  SpineResultsEvent,
  SpineSearchEvent,
  SpineSearchRequestEvent,
  SpineSelectEvent,
} from '../../events.js';
import type { CoordinatePrecision } from '../../geo/coordinate-precision.js';
import { DEFAULT_COORDINATE_PRECISION_KM, precisionKm } from '../../geo/coordinate-precision.js';
import { currentPosition } from '../../geo/current-position.js';
import type { DistanceUnit } from '../../geo/distance.js';
import { fromKm, isDistanceUnit, toKm } from '../../geo/distance.js';
import type { Geocoder, Place } from '../../geo/geocoder.js';
import { createOfflineGeocoder } from '../../geo/geocoder.js';
import { failureMessage } from '../../i18n/failure-message.js';
import {
  defaultUnitsFor,
  formatCount,
  formatRadius,
  LocaleController,
  refreshLocales,
  registerHostLanguages,
} from '../../i18n/locale.js';
import type { Translations } from '../../i18n/locale.js';
import type { SpineStrings } from '../../i18n/strings.js';
import type { SearchFailure, SearchOutcome, SearchRequest } from '../../state/search-controller.js';
import { SearchController } from '../../state/search-controller.js';
import type { SharedSearch } from '../../state/url-state.js';
import { parseFiltersAttribute, readSharedSearch, writeSharedSearch } from '../../state/url-state.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { RADIUS_CHOICES } from '../search-box/search-box.js';
import type { SpineResults } from '../results/results.js';
import type { SpineSearchBox } from '../search-box/search-box.js';
import {
  CONFIG_KEYS,
  invalidOption,
  optionProblem,
  readConfig,
  readConfigScript,
  REQUEST_CREDENTIALS,
  sameEntry,
} from './finder-config.js';
import type { ConfigKey, ConfigSource, FinderConfig, Layout } from './finder-config.js';
import { finderStyles } from './finder.styles.js';

const DEFAULT_RADIUS = 25;
const DEFAULT_LIMIT = 50;
/** In-browser directories can hand the map a whole region at once. */
const MAX_LIMIT = 100_000;
/** Cards shown at a time; "Show more clinicians" adds as many again. */
const LIST_PAGE = 50;

export { LAYOUTS } from './finder-config.js';
export type { Layout } from './finder-config.js';

/**
 * @summary The whole finder: a search box, filters, the list of clinicians
 * and a map, kept in step, with a referral sheet. Reads the directory at
 * `endpoint`. `layout="compact"` makes it a partner clinic's "nearest
 * practitioners" list.
 *
 * @tagname spine-finder
 *
 * @attr endpoint - URL of the directory.
 * @attr {'json' | 'static' | 'fhir'} [adapter='json'] - How `endpoint` is read: `json` (the directory protocol),
 *   `static` (one JSON file, or a sharded directory's `manifest.json`, searched in the browser) or `fhir` (a Plan-Net
 *   FHIR server). The property also takes an object with a `search()` method: an adapter of your own
 *   (docs/directory-protocol.md).
 * @attr {string} [filters] - Preset filters, as JSON: `filters='{"acceptingNewPatients": true, "disciplines":
 *   ["chiropractic"]}'`.
 *   The property is a `DirectoryFilters` object: `disciplines`, `acceptingNewPatients`, `telehealth`,
 *   `registryParticipant`, `language`, `insurance`, `query`.
 * @attr {'distance' | 'name' | 'quality'} [sort='distance'] - The order of results: nearest first, by name, or by
 *   pain outcomes (best first).
 * @attr [location] - Searched on load: a ZIP, "City, ST" or "lat,lng".
 * @attr {'full' | 'compact'} [layout='full'] - `compact`: the nearest clinicians to `location` as a list, with no
 *   search box, filters or map (a partner clinic's page).
 * @attr [finder-url] - With `layout="compact"`, the full finder's page, linked as "See all clinicians near …".
 * @attr {boolean} [sync-url=false] - Writes the search to the URL fragment and reads it back on load, so a search can
 *   be shared. Off by default: the location is never put in the URL unless the host asks.
 * @attr {number} [timeout=10000] - Milliseconds to wait for the directory before saying it took too long.
 * @attr {'omit' | 'same-origin' | 'include'} [request-credentials='omit'] - `omit` sends no cookies; `same-origin` or
 *   `include` for a directory that needs a session.
 * @attr {number | 'exact'} [coordinate-precision=1] - The searched point is snapped to a grid this many km wide
 *   before it goes to the directory (distances shown are still measured from the point itself); `0` or `exact` sends
 *   it as it is. "Use my location" is always rounded to about a kilometre. See docs/security.md.
 * @attr {number} [radius=25] - Search radius, in `units`. People can choose 5, 10, 25, 50 or 100.
 * @attr {'mi' | 'km'} [units] - Units of distance. By default miles for US English and Spanish, kilometres otherwise.
 * @attr {number} [limit=50] - Clinicians per request to the directory; "Show more clinicians" asks for the next ones.
 * @attr {'light' | 'dark'} [theme] - The colour theme, whatever the person's system prefers; without it the finder
 *   follows `prefers-color-scheme`. Reflected, for styling.
 * @attr {boolean} [no-map=false] - Leaves the map out: a list only.
 * @attr {boolean} [no-geolocation=false] - Hides "Use my location".
 * @attr [tile-url] - A raster XYZ tile URL, e.g. `https://tiles.example.org/{z}/{x}/{y}.png`; none by default: the
 *   offline basemap, with no request to anyone.
 * @attr [tile-attribution] - The attribution text your tile service requires (plain text).
 * @attr [basemap] - URL of a self-hosted PMTiles vector basemap (docs/basemaps.md); shown instead of `tile-url`.
 * @attr [basemap-attribution] - Attribution text for the vector basemap, instead of the archive's own (plain text).
 * @attr {string} [lang] - `en` or `es`, or a language added through `translations`; set on the element or any ancestor
 *   (usually `<html lang>`). English when the finder has no words for the language.
 * @prop {Record<string, string>} [requestHeaders={}] - Extra request headers for the directory, e.g. an API key.
 *   Property only: never put secrets in attributes.
 * @prop {Translations | undefined} translations - Words of the host's own, by language: any strings to change
 *   (`{ en: { searchButton: 'Find' } }`), or a whole table to add a language. See `SpineStrings` for every key.
 * @prop {Geocoder | undefined} geocoder - Replaces the built-in geocoder (ZIP and "City, ST" from offline data), e.g.
 *   for street addresses. Whatever a person types is then sent to the service it calls: say so in your privacy notice.
 * @prop {FinderConfig | undefined} config - Every option in one object, each under its property name:
 *   `{ endpoint, radius, noMap, filters, requestHeaders, translations, … }` (`checkFinderConfig` checks it). An
 *   attribute on the element wins over the same entry, and an entry wins over the default. The same object as JSON
 *   can sit in a `<script type="application/json">` inside the element: parsed, never run, so a strict CSP allows it;
 *   the property's entries win over the script's. An entry that is not valid is left out and named once in the
 *   console with what it takes; the rest apply.
 *
 * @fires {SpineSearchEvent} spine-search - A location was understood and the directory is asked: `place`, `radius`,
 *   `units`.
 * @fires {SpineResultsEvent} spine-results - A search finished: `matches` (nearest first, or in the chosen order),
 *   `total` (when the directory says), `dropped` (invalid records left out), `place`.
 * @fires {SpineSelectEvent} spine-select - A person chose a clinician on a card or on the map: `provider`, `source`
 *   (`list` or `map`), `viaKeyboard`.
 * @fires {SpineErrorEvent} spine-error - A search failed: `kind`, `message` (what the person was shown), `cause`.
 * @fires {SpineAreaSearchEvent} spine-area-search - A person pressed "Search this area" on the map: `center`,
 *   `radiusKm`. The finder then searches there, with a `spine-search`.
 * @fires {SpineReferralToggleEvent} spine-referral-toggle - A clinician was added to or taken off the referral sheet:
 *   `provider`, `included`.
 * @fires {SpineReferralPrintEvent} spine-referral-print - The referral sheet was sent to the printer: `providers`.
 * @fires {SpineReferralCopyEvent} spine-referral-copy - The sheet's details were copied (by the button or by hand):
 *   `providers`.
 * @fires {SpineReferralClearEvent} spine-referral-clear - The person pressed Clear on the referral sheet: `providers`
 *   (those that were on it).
 *
 * @csspart finder - The outer layout.
 * @csspart status - The live region with the result count.
 * @csspart alert - The error message and its Retry button.
 * @csspart retry-button - The Retry button.
 * @csspart place-button - Each place offered when a city name is ambiguous.
 * @csspart suggestion-button - Each suggestion when nothing was found.
 * @csspart more-button - "Show more clinicians".
 * @csspart view-button - The List and Map buttons on narrow screens.
 * @csspart see-all-link - The compact layout's link to the full finder.
 * @csspart skip-link - "Skip the map", shown when it has focus.
 * @csspart search-form - The search box's form.
 * @csspart input - The location field.
 * @csspart radius - The radius select.
 * @csspart search-button - The search button.
 * @csspart locate-button - The "Use my location" button.
 * @csspart filters-form - The filters' form.
 * @csspart clear-filters-button - The "Clear filters" button.
 * @csspart list - The ordered list of cards.
 * @csspart results-heading - The (visually hidden) heading of the list.
 * @csspart card - Each card's article.
 * @csspart title - A clinician's name and credentials.
 * @csspart badge - Each status badge (accepting new patients, telehealth, registry participant).
 * @csspart address - A practice address (and each address in the details).
 * @csspart quality - A clinician's outcome measures.
 * @csspart explain-button - The "What does this mean?" button of the outcome measures.
 * @csspart explanation - What the outcome measures mean.
 * @csspart select-button - A card's "Show on map" button.
 * @csspart referral-button - A card's "Add to referral sheet" button.
 * @csspart details-button - A card's "More details" button.
 * @csspart details - A card's details section.
 * @csspart location - Each location in a card's details.
 * @csspart directions - Each location's directions links.
 * @csspart map - The map region.
 * @csspart area-search-button - The map's "Search this area" button.
 * @csspart map-notice - The notice shown when map tiles fail.
 * @csspart referral-bar - The referral sheet's bar.
 * @csspart referral-count - "2 clinicians on the referral sheet".
 * @csspart referral-actions - The referral bar's row of buttons.
 * @csspart print-button - The "Print referral sheet" button.
 * @csspart copy-button - The "Copy details" button.
 * @csspart clear-referral-button - The referral bar's "Clear" button.
 * @csspart referral-status - The live region that says whether the details were copied.
 * @csspart copy-text - The read-only field with the details, when they could not be copied.
 * @csspart badge-negative - "Not accepting new patients".
 * @csspart badge-positive - "Accepting new patients" and "Offers telehealth".
 * @csspart badge-registry - "Spine IQ registry participant".
 * @csspart badges - The row of status badges.
 * @csspart card-actions - A card's row of buttons.
 * @csspart contact - Phone, fax and links.
 * @csspart distance - The distance from the searched place.
 * @csspart filters-check-label - Each checkbox filter's label.
 * @csspart filters-checkbox - Each checkbox filter.
 * @csspart filters-group - Each group of filters.
 * @csspart filters-input - The text filters (language, insurance, name).
 * @csspart filters-label - Each filter field's label.
 * @csspart filters-legend - Each group of filters' legend.
 * @csspart filters-select - The discipline and sort selects.
 * @csspart insurance - The insurance plans in the details.
 * @csspart link - Each web, booking, phone or email link.
 * @csspart map-loading - "Loading the map…", while the map loads.
 * @csspart meta - Discipline and practice name.
 * @csspart note - The note saying how many directory records were left out as invalid.
 * @csspart search-hint - The hint under the location field.
 * @csspart search-label - The location and radius labels.
 * @csspart suggestions - What to try when nothing was found.
 * @csspart view-switch - The List/Map switch on narrow screens.
 *
 * @cssprop --spine-color-scheme - The browser’s own parts: form controls, scrollbars, the datalist popup.
 * @cssprop --spine-color-accent - Buttons (fill and edge), links, ticked checkboxes, the search area on the map.
 * @cssprop --spine-color-accent-text - Text on the accent: primary buttons, the pressed List/Map button.
 * @cssprop --spine-color-text - Body text.
 * @cssprop --spine-color-muted - Secondary text: discipline and practice, distance, hints, notes.
 * @cssprop --spine-color-surface - Background of the finder, cards, fields and secondary buttons.
 * @cssprop --spine-color-surface-alt - Background of the referral bar, the outcome explanation, earlier results.
 * @cssprop --spine-color-border - Edges of fields, selects, cards, the map and the pan buttons (keep 3:1 on the
 *   surface).
 * @cssprop --spine-color-danger - The alert’s edge and heading colour.
 * @cssprop --spine-color-success - Default of the positive badges.
 * @cssprop --spine-color-focus - The focus ring of every control (keep 3:1 on the surface).
 * @cssprop --spine-color-selected - Background of the chosen card.
 * @cssprop --spine-color-selected-border - Edge of the chosen card.
 * @cssprop --spine-color-badge-positive - Text and edge of “Accepting new patients” and “Offers telehealth”.
 * @cssprop --spine-color-badge-negative - Text and edge of “Not accepting new patients”.
 * @cssprop --spine-color-badge-registry - Text and edge of “Spine IQ registry participant”.
 * @cssprop --spine-color-badge-background - Fill of every badge.
 * @cssprop --spine-map-land - Land of the offline basemap.
 * @cssprop --spine-map-water - Water and everything outside the US on the offline basemap.
 * @cssprop --spine-map-border - State borders of the offline basemap.
 * @cssprop --spine-map-county-border - County borders of the offline basemap (zoomed in).
 * @cssprop --spine-marker-color - Fill of a clinician’s marker (keep 3:1 on land and water).
 * @cssprop --spine-marker-border - Edge of markers and clusters.
 * @cssprop --spine-marker-text - The count on a group practice’s marker.
 * @cssprop --spine-marker-selected-color - Fill of the chosen clinician’s marker.
 * @cssprop --spine-marker-selected-ring - Ring around the chosen marker (keep 3:1 on land and water).
 * @cssprop --spine-cluster-color - Fill of a cluster of clinicians.
 * @cssprop --spine-cluster-text - The count on a cluster.
 * @cssprop --spine-font-family - Every text of the finder (by default the page’s own font).
 * @cssprop --spine-font-family-heading - Each clinician’s name on the cards.
 * @cssprop --spine-font-size - Base text size; everything else is in em and rem, so it follows a person’s text size.
 * @cssprop --spine-line-height - Line height of the text (not less than 1.5 for long text).
 * @cssprop --spine-radius - Corners of buttons, fields, cards, the map and the referral bar (0 for square).
 * @cssprop --spine-space - The unit of every gap and padding.
 * @cssprop --spine-control-height - Least height and width of buttons, fields and selects (at least 24px, WCAG 2.5.8).
 * @cssprop --spine-finder-padding - Padding inside the finder’s own background.
 * @cssprop --spine-list-width - Width of the list of cards beside the map (a grid track: 2fr against the map’s 3fr,
 *   24rem…).
 * @cssprop --spine-card-gap - Space between cards.
 * @cssprop --spine-card-padding - Padding inside a card.
 * @cssprop --spine-card-shadow - Shadow under each card.
 * @cssprop --spine-map-height - Height of the map, and of the scrolling list beside it.
 * @cssprop --spine-map-height-narrow - Height of the map on a narrow screen, where list and map take turns.
 */
export class SpineFinder extends LitElement {
  static override styles = [sharedStyles, finderStyles];

  /** URL of the directory to search. */
  @property() endpoint?: string;

  /**
   * How `endpoint` is read: `json` (the finder's protocol), `static` (one JSON
   * file searched in the browser) or `fhir` (a Plan-Net FHIR server). As a
   * property it also takes an object with a `search()` method of your own.
   */
  @property() adapter: AdapterName | DirectoryAdapter = 'json';

  /**
   * What searches are narrowed by. As an attribute, JSON:
   * `filters='{"telehealth": true, "disciplines": ["chiropractic"]}'`.
   */
  @property({
    converter: {
      // What is wrong with the JSON is told by attributeChangedCallback, which knows the element.
      fromAttribute: (value: string | null) => (value && parseFiltersAttribute(value)) || {},
    },
  })
  filters: DirectoryFilters = {};

  /** The order of results: `distance` (nearest first), `name` or `quality` (outcome measures). */
  @property() sort: SortOrder = 'distance';

  /** A location searched on load: a ZIP, "City, ST" or "lat,lng". */
  @property() location?: string;

  /** `full` (the default) or `compact`: the nearest clinicians to `location`, as a list, no search box. */
  @property() layout: Layout = 'full';

  /** In the compact layout, the page of the full finder to link to. */
  @property({ attribute: 'finder-url' }) finderUrl?: string;

  /** Writes the search to the URL fragment, and reads it back on load, so a search can be shared. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Milliseconds to wait for the directory before saying it took too long. */
  @property({ type: Number }) timeout = DEFAULT_REQUEST_POLICY.timeoutMs;

  /** Extra request headers for the directory (an API key, say). Property only: never put secrets in attributes. */
  @property({ attribute: false }) requestHeaders: Record<string, string> = {};

  /** `omit` (the default: no cookies), `same-origin` or `include` for a directory that needs a session. */
  @property({ attribute: 'request-credentials' }) requestCredentials: RequestCredentials = 'omit';

  /** Width in km of the grid the searched point is snapped to before it is sent; `0` or `exact`: as it is. */
  @property({
    attribute: 'coordinate-precision',
    // A blank value is a mistake, not 0: it must not turn rounding off.
    converter: (value) => {
      const text = value?.trim();
      if (text === undefined || text === 'exact') return text;
      return text === '' ? Number.NaN : Number(text);
    },
  })
  coordinatePrecision: CoordinatePrecision = DEFAULT_COORDINATE_PRECISION_KM;

  /** Search radius, in `units`. */
  @property({ type: Number }) radius = DEFAULT_RADIUS;

  /** `mi` or `km`; by default miles for US English and Spanish, else km. */
  @property() units?: DistanceUnit;

  /** Clinicians per request to the directory. */
  @property({ type: Number }) limit = DEFAULT_LIMIT;

  /**
   * `light` or `dark`, whatever the person's system prefers; by default the
   * finder follows `prefers-color-scheme`.
   */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Leaves the map out: the finder is a list only. */
  @property({ type: Boolean, attribute: 'no-map' }) noMap = false;

  /** Hides "Use my location". */
  @property({ type: Boolean, attribute: 'no-geolocation' }) noGeolocation = false;

  /** URL template of a raster tile service; none (offline basemap) by default. */
  @property({ attribute: 'tile-url' }) tileUrl?: string;

  /** Attribution text the tile service requires. */
  @property({ attribute: 'tile-attribution' }) tileAttribution?: string;

  /** URL of a self-hosted PMTiles vector basemap (docs/basemaps.md). */
  @property() basemap?: string;

  /** Attribution for the vector basemap, instead of the archive's own (plain text). */
  @property({ attribute: 'basemap-attribution' }) basemapAttribution?: string;

  /**
   * Words of the host's own: any strings to change, by language
   * (`{ en: { searchButton: 'Find' } }`), or a whole table to add a language
   * (`{ fr: { … } }`). See `SpineStrings` for every key.
   */
  @property({ attribute: false }) translations?: Translations;

  /**
   * Replaces the built-in geocoder (ZIP and "City, ST" from offline data),
   * e.g. to resolve street addresses with a service the host chooses.
   * Whatever a person types is then sent to that service: see the README.
   */
  @property({ attribute: false }) geocoder?: Geocoder;

  /**
   * Every option in one object, each under its property name. An attribute
   * on the element wins over the same entry; an entry wins over the default.
   * Entries that are not valid are left out, each told once in the console.
   */
  @property({ attribute: false })
  get config(): FinderConfig | undefined {
    return this.configObject;
  }
  set config(config: FinderConfig | undefined) {
    this.configObject = config;
    this.propertyConfig = this.readConfiguration(readConfig(config, 'config'));
    this.applyConfig();
  }

  @state() private selectedId?: string;
  /** How many of the loaded clinicians the list shows. */
  @state() private shownCount = LIST_PAGE;
  /** On a narrow screen, which of list and map is shown. */
  @state() private narrowView: 'list' | 'map' = 'list';
  /** The clinicians on the referral sheet, in the order they were added. */
  @state() private referral: ReadonlyMap<string, Provider> = new Map();

  @query('spine-results') private results?: SpineResults;
  @query('spine-search-box') private searchBox?: SpineSearchBox;

  private readonly locale = new LocaleController(this);
  private directory?: DirectoryAdapter;
  private defaultGeocoder?: Geocoder;
  private readonly reportedConfiguration = new Set<string>();
  private configObject?: FinderConfig;
  /** The valid entries of `config` and of the `<script type="application/json">` inside the element. */
  private propertyConfig: Partial<Record<ConfigKey, unknown>> = {};
  private scriptConfig: Partial<Record<ConfigKey, unknown>> = {};
  private scriptText?: string;
  private scriptObserver?: MutationObserver;
  /** The entries last applied, and the values they replaced, so a configuration without them gives those back. */
  private appliedConfig: Partial<Record<ConfigKey, unknown>> = {};
  private readonly beforeConfig = new Map<ConfigKey, unknown>();
  /** A card to move focus to once it is drawn: the first of those just shown. */
  private focusAfterUpdate?: string;
  /** "Show more" asked the directory for a page: focus its first card when it comes. */
  private focusFirstOfNextPage = false;
  /** A clinician named in a shared link, chosen once the results arrive. */
  private selectWhenFound?: string;
  /** Languages and plans of the loaded clinicians, offered in the filters; worked out once per result set. */
  private suggestions: { languages: string[]; insurance: string[] } = { languages: [], insurance: [] };

  private readonly searches = new SearchController(this, {
    adapter: () => this.directory,
    geocoder: () => this.geocoder ?? (this.defaultGeocoder ??= createOfflineGeocoder(new URL('geo/', getAssetsPath()))),
    currentPosition: () => currentPosition(),
    onSearch: (request, place) => this.dispatchEvent(new SpineSearchEvent(place, request.radius, request.units)),
    onResults: (outcome) => this.handleResults(outcome),
    onFailure: (failure) =>
      this.dispatchEvent(new SpineErrorEvent(failure.kind, failureMessage(failure, this.strings), failure.cause)),
  });

  /** Searches around a location (as a person would type it), or the field's text. */
  search(location?: string): void {
    const box = this.searchBox;
    const text = location ?? box?.value ?? '';
    if (box && location !== undefined) box.value = location;
    this.searches.search(this.requestFor(text, box?.radius ?? this.effectiveRadius));
  }

  private requestFor(text: string, radius: number): SearchRequest {
    return {
      text,
      radius,
      units: this.effectiveUnits,
      limit: this.effectiveLimit,
      filters: this.filters,
      sort: this.effectiveSort,
    };
  }

  private get compact(): boolean {
    return this.layout === 'compact';
  }

  private get effectiveUnits(): DistanceUnit {
    return isDistanceUnit(this.units) ? this.units : defaultUnitsFor(this.locale.lang);
  }

  private get effectiveRadius(): number {
    return Number.isFinite(this.radius) && this.radius > 0 ? this.radius : DEFAULT_RADIUS;
  }

  private get effectiveLimit(): number {
    const limit = Math.round(this.limit);
    return Number.isFinite(limit) && limit > 0 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
  }

  private get effectiveSort(): SortOrder {
    return (SORT_ORDERS as readonly string[]).includes(this.sort) ? this.sort : 'distance';
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // A page in Spanish draws once its words have loaded, never in English first.
    return this.locale.afterLoading(() => super.scheduleUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readScriptConfig();
    // The script may come after the element: a page still loading, or a framework adding children later.
    this.scriptObserver ??= new MutationObserver(() => this.readScriptConfig());
    this.scriptObserver.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    // The search controller aborts any search first; the adapter then ends what it keeps running.
    super.disconnectedCallback();
    this.scriptObserver?.disconnect();
    this.directory?.close?.();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'filters' && value) this.checkFiltersAttribute(value);
    const key = CONFIG_KEYS.find((candidate) => this.attributeFor(candidate) === name);
    // An attribute taken away lets the configuration's entry show again (a reflected one is ours to take away).
    if (value === null && key && key in this.appliedConfig && !this.propertyOptions(key)?.reflect) {
      if (!this.beforeConfig.has(key)) this.beforeConfig.set(key, this[key]);
      this.setOption(key, this.appliedConfig[key]);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    for (const key of CONFIG_KEYS) {
      if (changed.has(key)) this.checkOption(key);
    }
    if (changed.has('translations')) {
      if (this.translations) registerHostLanguages(this.translations);
      // Every part of the finder (and the finder itself) looks up its words again.
      refreshLocales();
    }
    const policyKeys = [
      'endpoint',
      'adapter',
      'timeout',
      'requestHeaders',
      'requestCredentials',
      'coordinatePrecision',
    ] as const;
    if (policyKeys.some((key) => changed.has(key))) {
      const previous = this.directory;
      this.directory = this.createDirectory();
      if (previous !== this.directory) previous?.close?.();
    }
  }

  protected override firstUpdated(): void {
    const shared = this.syncUrl ? readSharedSearch(location.hash) : {};
    if (shared.text || shared.point) this.searchShared(shared);
    else if (this.location) this.search(this.location);
  }

  protected override async updated(): Promise<void> {
    if (!this.focusAfterUpdate || this.searches.pending) return;
    const id = this.focusAfterUpdate;
    this.focusAfterUpdate = undefined;
    await this.results?.revealCard(id, { focus: true });
  }

  override render() {
    const outcome = this.searches.outcome;
    const failure = this.searches.failure;
    const units = outcome?.request.units ?? this.effectiveUnits;
    const matches = outcome?.page.matches ?? [];
    const showMap = !this.noMap && !this.compact;
    return html`
      <div class="finder ${this.compact ? 'compact' : ''}" part="finder" lang=${this.locale.markedLang ?? nothing}>
        ${this.compact ? nothing : this.renderSearch(units)}
        <div class="messages">
          <p class="status" part="status" role="status">${this.statusText()}</p>
          ${
            outcome && outcome.page.dropped > 0 && !this.searches.pending
              ? html`<p class="note" part="note">
                  ${this.strings.droppedRecords(outcome.page.dropped, formatCount(outcome.page.dropped, this.locale.lang))}
                </p>`
              : nothing
          }
          <div class="alert" part="alert" role="alert">${failure ? this.renderFailure(failure) : nothing}</div>
          ${this.renderSuggestions(outcome, failure)}
        </div>
        ${
          this.referral.size && !this.compact
            ? html`<spine-referral-tray
                exportparts="bar: referral-bar, count: referral-count, actions: referral-actions, print-button, copy-button, clear-button: clear-referral-button, status: referral-status, copy-text"
                .providers=${[...this.referral.values()]}
                @spine-referral-clear=${this.handleReferralClear}
              ></spine-referral-tray>`
            : nothing
        }
        ${showMap ? this.renderViewSwitch() : nothing}
        <div
          class="body ${showMap ? '' : 'list-only'}"
          data-view=${this.narrowView}
          @spine-select=${this.handleSelect}
          @spine-area-search=${this.handleAreaSearch}
          @spine-referral-toggle=${this.handleReferralToggle}
        >
          <div class="list ${failure && outcome ? 'stale' : ''}">
            <spine-results
              exportparts="list, heading: results-heading, card, title, meta, distance, badges, badge, badge-positive, badge-negative, badge-registry, address, contact, link, quality, explain-button, explanation, actions: card-actions, select-button, referral-button, details-button, details, location, directions, insurance"
              .results=${matches.slice(0, this.shownCount)}
              units=${units}
              .selectedId=${this.selectedId}
              .referralIds=${new Set(this.referral.keys())}
            ></spine-results>
            ${this.compact ? this.renderSeeAll(outcome?.place) : this.renderMoreButton(failure)}
          </div>
          ${showMap ? this.renderMap(matches, outcome, units) : nothing}
        </div>
      </div>
    `;
  }

  private renderSearch(units: DistanceUnit) {
    return html`
      <spine-search-box
        exportparts="form: search-form, label: search-label, hint: search-hint, input, radius, button: search-button, locate-button"
        .radius=${this.searches.request?.radius ?? this.effectiveRadius}
        units=${units}
        ?busy=${this.searches.pending}
        ?no-geolocation=${this.noGeolocation}
        @spine-search-request=${this.handleSearchRequest}
        @spine-locate-request=${this.handleLocateRequest}
      ></spine-search-box>
      <spine-filters
        exportparts="form: filters-form, group: filters-group, legend: filters-legend, checkbox: filters-checkbox, check-label: filters-check-label, label: filters-label, input: filters-input, select: filters-select, clear-button: clear-filters-button"
        .filters=${this.filters}
        sort=${this.effectiveSort}
        .languageOptions=${this.suggestions.languages}
        .insuranceOptions=${this.suggestions.insurance}
        @spine-filters-change=${this.handleFiltersChange}
      ></spine-filters>
    `;
  }

  /**
   * The map, with a way past it: a keyboard user who has no use for the map
   * need not Tab through every marker to leave the finder.
   */
  private renderMap(matches: readonly Match[], outcome: SearchOutcome | undefined, units: DistanceUnit) {
    return html`<div class="map-area">
      <button class="skip-link secondary" part="skip-link" type="button" @click=${this.skipMap}>
        ${this.strings.skipMap}
      </button>
      <spine-map
        exportparts="map, area-search-button, notice: map-notice, loading: map-loading"
        .results=${matches}
        .center=${outcome?.place.point}
        .radiusKm=${outcome ? toKm(outcome.request.radius, outcome.request.units) : undefined}
        .fitArea=${!outcome?.request.place}
        .selectedId=${this.selectedId}
        units=${units}
        tile-url=${this.tileUrl ?? nothing}
        tile-attribution=${this.tileAttribution ?? nothing}
        basemap=${this.basemap ?? nothing}
        basemap-attribution=${this.basemapAttribution ?? nothing}
      ></spine-map>
      <p id="after-map" class="after-map" tabindex="-1" @blur=${this.handleAfterMapBlur}>${this.strings.afterMap}</p>
    </div>`;
  }

  /** List or map, on a screen too narrow for both (hidden by CSS otherwise). */
  private renderViewSwitch() {
    const strings = this.strings;
    const option = (view: 'list' | 'map', label: string) =>
      html`<button
        type="button"
        class="secondary"
        part="view-button"
        aria-pressed=${this.narrowView === view ? 'true' : 'false'}
        @click=${() => this.showNarrowView(view)}
      >
        ${label}
      </button>`;
    return html`<div class="view-switch" part="view-switch" role="group" aria-label=${strings.viewSwitchLabel}>
      ${option('list', strings.showList)} ${option('map', strings.showMap)}
    </div>`;
  }

  /**
   * "Skip the map": past every marker, to the end of the map, from where the
   * next Tab leaves the finder. The end is a tab stop only while it has
   * focus: Chromium moves Tab from an element that is not one back to the
   * start of the shadow root.
   */
  private skipMap() {
    const end = this.renderRoot.querySelector<HTMLElement>('#after-map');
    if (!end) return;
    end.tabIndex = 0;
    end.focus();
  }

  private handleAfterMapBlur(event: FocusEvent) {
    (event.target as HTMLElement).tabIndex = -1;
  }

  private async showNarrowView(view: 'list' | 'map') {
    this.narrowView = view;
    await this.updateComplete;
    // The map asked for comes into view (and so loads); the list stays where it was read.
    if (view === 'map') this.renderRoot.querySelector('spine-map')?.scrollIntoView({ block: 'nearest' });
  }

  private renderMoreButton(failure: SearchFailure | undefined) {
    const page = this.searches.outcome?.page;
    if (!page || failure) return nothing;
    const hidden = page.matches.length - this.shownCount;
    if (hidden <= 0 && !page.next) return nothing;
    return html`<button
      class="secondary more"
      part="more-button"
      type="button"
      ?disabled=${this.searches.pending}
      @click=${this.handleMore}
    >
      ${this.searches.loadingMore ? this.strings.loadingMore : this.strings.moreResults}
    </button>`;
  }

  /** The compact layout's way to everything else: the full finder, searching the same place. */
  private renderSeeAll(place: Place | undefined) {
    if (!this.finderUrl || !place) return nothing;
    let href: URL;
    try {
      href = new URL(this.finderUrl, document.baseURI);
    } catch {
      return nothing;
    }
    if (href.protocol !== 'https:' && href.protocol !== 'http:') return nothing;
    href.hash = writeSharedSearch(href.hash, { text: this.location ?? place.label, radius: this.effectiveRadius });
    return html`<a class="see-all" part="see-all-link" href=${href.href}>${this.strings.seeAllNear(place.label)}</a>`;
  }

  private renderFailure(failure: SearchFailure) {
    return html`
      <p>${failureMessage(failure, this.strings)}</p>
      ${failure.kind === 'location-ambiguous' ? this.renderPlaceChoices(failure) : nothing}
      ${
        failure.retryable
          ? html`<button class="secondary" part="retry-button" type="button" @click=${this.handleRetry}>
              ${this.strings.retry}
            </button>`
          : nothing
      }
      ${this.searches.outcome ? html`<p>${this.strings.staleResults}</p>` : nothing}
    `;
  }

  /** "Springfield" is in many states: each one, a button. */
  private renderPlaceChoices(failure: SearchFailure) {
    const strings = this.strings;
    return html`<div class="choices" role="group" aria-label=${strings.choosePlace(failure.request.text.trim())}>
      ${failure.candidates.map(
        (place) =>
          html`<button
            class="secondary"
            part="place-button"
            type="button"
            @click=${() => this.searchPlace(failure.request, place)}
          >
            ${place.label}
          </button>`,
      )}
    </div>`;
  }

  /** Nothing found: one-click ways to find someone. */
  private renderSuggestions(outcome: SearchOutcome | undefined, failure: SearchFailure | undefined) {
    if (!outcome || failure || this.searches.pending || outcome.page.matches.length > 0 || this.compact) {
      return nothing;
    }
    const { request } = outcome;
    const strings = this.strings;
    const wider = RADIUS_CHOICES.find((radius) => radius > request.radius);
    const suggestion = (label: string, apply: () => void) =>
      html`<li>
        <button class="secondary" part="suggestion-button" type="button" @click=${apply}>${label}</button>
      </li>`;
    return html`<div class="suggestions" part="suggestions">
      <p>${strings.noResultsHelp}</p>
      <ul>
        ${
          wider
            ? suggestion(strings.widenRadius(formatRadius(wider, request.units, this.locale.lang)), () =>
                this.searches.search({ ...request, radius: wider }),
              )
            : nothing
        }
        ${
          hasFilters(request.filters)
            ? suggestion(strings.clearFilters, () => this.applyFilters({}, this.effectiveSort))
            : nothing
        }
        ${
          request.filters.telehealth
            ? nothing
            : suggestion(strings.telehealthOption, () => {
                // Telehealth clinicians can be far away: look as far as the finder offers.
                const filters = { ...request.filters, telehealth: true };
                this.filters = filters;
                this.searches.search({ ...request, filters, radius: Math.max(request.radius, ...RADIUS_CHOICES) });
              })
        }
      </ul>
    </div>`;
  }

  private get strings(): SpineStrings {
    return this.locale.strings;
  }

  private statusText(): string {
    if (this.searches.loadingMore) return this.strings.loadingMore;
    if (this.searches.pending)
      return this.searches.request?.useCurrentPosition ? this.strings.locating : this.strings.searching;
    const outcome = this.searches.outcome;
    if (!outcome || this.searches.failure) return '';
    const { request, place, page } = outcome;
    const radius = formatRadius(request.radius, request.units, this.locale.lang);
    if (page.matches.length === 0) return this.strings.noResults(radius, place.label);
    const loaded = page.matches.length;
    const shown = Math.min(loaded, this.shownCount);
    const total = Math.max(page.total ?? loaded, loaded);
    const lang = this.locale.lang;
    if (page.total === undefined && page.next && shown === loaded) {
      return this.strings.resultsOpenEnded(shown, formatCount(shown, lang), radius, place.label);
    }
    if (total > shown) {
      return this.strings.resultsPartial(
        formatCount(shown, lang),
        total,
        formatCount(total, lang),
        radius,
        place.label,
      );
    }
    return this.strings.resultsSummary(total, formatCount(total, lang), radius, place.label);
  }

  private createDirectory(): DirectoryAdapter | undefined {
    if (typeof this.adapter === 'object' && this.adapter !== null) return this.adapter;
    if (!this.endpoint) return undefined;
    return createAdapter(this.adapterName(), this.endpoint, {
      timeoutMs: Number.isFinite(this.timeout) && this.timeout > 0 ? this.timeout : DEFAULT_REQUEST_POLICY.timeoutMs,
      headers: this.requestHeaders,
      credentials: this.credentialsMode(),
      coordinatePrecisionKm: precisionKm(this.coordinatePrecision),
    });
  }

  private adapterName(): AdapterName {
    const name = String(this.adapter);
    return (ADAPTER_NAMES as readonly string[]).includes(name) ? (name as AdapterName) : 'json';
  }

  private credentialsMode(): RequestCredentials {
    return (REQUEST_CREDENTIALS as readonly string[]).includes(this.requestCredentials)
      ? this.requestCredentials
      : 'omit';
  }

  /**
   * Applies the configuration: the script's entries, then the property's
   * over them. An entry is written only when it changed, so a host that
   * passes an equal object again (a framework re-rendering) does not undo
   * what the person chose since; an entry whose attribute is on the element
   * gives way to it; an entry taken out gives back the value it replaced.
   */
  private applyConfig(): void {
    const next = { ...this.scriptConfig, ...this.propertyConfig };
    for (const key of CONFIG_KEYS) {
      const wanted = key in next;
      const applied = key in this.appliedConfig;
      if (!wanted && !applied) continue;
      if (wanted && applied && sameEntry(next[key], this.appliedConfig[key])) continue;
      if (this.attributeWins(key)) continue;
      if (wanted) {
        if (!this.beforeConfig.has(key)) this.beforeConfig.set(key, this[key]);
        this.setOption(key, next[key]);
      } else {
        this.setOption(key, this.beforeConfig.get(key));
        this.beforeConfig.delete(key);
      }
    }
    this.appliedConfig = next;
  }

  /** Whether the host set this option's attribute (not the finder reflecting a configured value). */
  private attributeWins(key: ConfigKey): boolean {
    const attribute = this.attributeFor(key);
    if (!attribute || !this.hasAttribute(attribute)) return false;
    const reflected =
      this.propertyOptions(key)?.reflect &&
      key in this.appliedConfig &&
      this.getAttribute(attribute) === String(this.appliedConfig[key]);
    return !reflected;
  }

  private setOption(key: ConfigKey, value: unknown): void {
    (this as unknown as Record<ConfigKey, unknown>)[key] = value;
  }

  private propertyOptions(key: ConfigKey) {
    return (this.constructor as typeof SpineFinder).elementProperties.get(key);
  }

  /** The option's attribute, as Lit names it: its own name, or the property's in lower case. */
  private attributeFor(key: ConfigKey): string | undefined {
    const attribute = this.propertyOptions(key)?.attribute;
    if (attribute === false) return undefined;
    return typeof attribute === 'string' ? attribute : key.toLowerCase();
  }

  /** The JSON of a `<script type="application/json">` child: parsed when it appears or changes, never run. */
  private readScriptConfig(): void {
    const text = this.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
    if (text === this.scriptText) return;
    this.scriptText = text;
    this.scriptConfig = text === undefined ? {} : this.readConfiguration(readConfigScript(text));
    this.applyConfig();
  }

  private readConfiguration({ values, messages }: ReturnType<typeof readConfig>): Partial<Record<ConfigKey, unknown>> {
    for (const message of messages) this.reportConfiguration(message);
    return values;
  }

  /** An option set by attribute or property that the finder cannot use: said once; it falls back. */
  private checkOption(key: ConfigKey): void {
    const problem = optionProblem(key, this[key]);
    if (!problem) return;
    const attribute = this.attributeFor(key);
    const text = attribute ? this.getAttribute(attribute) : null;
    const source: ConfigSource = text === null ? { kind: 'property' } : { kind: 'attribute', name: attribute!, text };
    this.reportConfiguration(invalidOption(key, problem, source));
  }

  private checkFiltersAttribute(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    const problem = optionProblem('filters', json);
    if (problem)
      this.reportConfiguration(invalidOption('filters', problem, { kind: 'attribute', name: 'filters', text }));
  }

  /** Tells the host once about a configuration it got wrong; the finder carries on with what it can use. */
  private reportConfiguration(message: string): void {
    if (this.reportedConfiguration.has(message)) return;
    this.reportedConfiguration.add(message);
    console.warn(`spine-finder: ${message}`);
  }

  /** A search from a shared link: its filters, order and radius, then the chosen clinician. */
  private searchShared(shared: SharedSearch): void {
    if (shared.filters) this.filters = shared.filters;
    if (shared.sort) this.sort = shared.sort;
    this.selectWhenFound = shared.selected;
    const radius = shared.radius ?? this.effectiveRadius;
    if (shared.point) {
      this.searches.search({
        ...this.requestFor(this.strings.yourLocation, radius),
        place: { point: shared.point, label: this.strings.mapArea },
      });
    } else {
      if (this.searchBox) this.searchBox.value = shared.text ?? '';
      this.searches.search(this.requestFor(shared.text ?? '', radius));
    }
  }

  private searchPlace(request: SearchRequest, place: Place): void {
    if (this.searchBox) this.searchBox.value = place.label;
    this.searches.search({ ...request, text: place.label, place });
  }

  private applyFilters(filters: DirectoryFilters, sort: SortOrder): void {
    this.filters = filters;
    this.sort = sort;
    const request = this.searches.request;
    if (request) this.searches.search({ ...request, filters, sort });
  }

  private handleResults(outcome: SearchOutcome): void {
    if (outcome.added === outcome.page.matches.length) {
      this.selectedId = undefined;
      this.shownCount = LIST_PAGE;
      const wanted = this.selectWhenFound;
      this.selectWhenFound = undefined;
      const index = wanted ? outcome.page.matches.findIndex((match) => match.provider.id === wanted) : -1;
      if (index >= 0) {
        this.selectedId = wanted;
        this.shownCount = Math.ceil((index + 1) / LIST_PAGE) * LIST_PAGE;
        void this.updateComplete.then(() => this.results?.revealCard(wanted!));
      }
    } else if (this.focusFirstOfNextPage) {
      this.focusAfterUpdate = outcome.firstAddedId;
    }
    this.focusFirstOfNextPage = false;
    const providers = outcome.page.matches.map((match) => match.provider);
    this.suggestions = {
      languages: distinctValues(providers.flatMap((provider) => provider.languages ?? [])),
      insurance: distinctValues(providers.flatMap((provider) => provider.insurance ?? [])),
    };
    this.writeUrl();
    this.dispatchEvent(
      new SpineResultsEvent(outcome.page.matches, outcome.page.total, outcome.page.dropped, outcome.place),
    );
  }

  /** With `sync-url`, the search and the chosen clinician go into the fragment; no new history entry. */
  private writeUrl(): void {
    const outcome = this.searches.outcome;
    if (!this.syncUrl || !outcome) return;
    const { request, place } = outcome;
    const hash = writeSharedSearch(location.hash, {
      ...(request.place || request.useCurrentPosition ? { point: place.point } : { text: request.text }),
      radius: request.radius,
      filters: request.filters,
      sort: request.sort,
      selected: this.selectedId,
    });
    if (hash !== location.hash)
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }

  private handleSearchRequest(event: SpineSearchRequestEvent) {
    // The finder answers the box itself; the host hears spine-search instead.
    event.stopPropagation();
    this.searches.search(this.requestFor(event.text, event.radius));
  }

  private handleLocateRequest(event: SpineLocateRequestEvent) {
    event.stopPropagation();
    this.searches.search({ ...this.requestFor(this.strings.yourLocation, event.radius), useCurrentPosition: true });
  }

  private handleFiltersChange(event: SpineFiltersChangeEvent) {
    event.stopPropagation();
    this.applyFilters(event.filters, event.sort);
  }

  private handleMore() {
    const outcome = this.searches.outcome;
    if (!outcome) return;
    const matches = outcome.page.matches;
    if (this.shownCount < matches.length) {
      // More are loaded already: show them, and take focus to the first.
      this.focusAfterUpdate = matches[this.shownCount].provider.id;
      this.shownCount += LIST_PAGE;
      return;
    }
    this.shownCount += LIST_PAGE;
    this.focusFirstOfNextPage = true;
    this.searches.loadMore();
  }

  private handleAreaSearch(event: SpineAreaSearchEvent) {
    const units = this.effectiveUnits;
    const radius = Math.max(0.1, Math.round(fromKm(event.radiusKm, units) * 10) / 10);
    this.searches.search({
      ...this.requestFor(this.searchBox?.value ?? '', radius),
      place: { point: event.center, label: this.strings.mapArea },
    });
  }

  private handleRetry() {
    this.searchBox?.focus();
    this.searches.retry();
  }

  private async handleSelect(event: SpineSelectEvent) {
    const id = event.provider.id;
    this.selectedId = id;
    this.writeUrl();
    if (event.source !== 'map') return;
    // A marker's card may be beyond those shown yet: show up to its page.
    const index = this.searches.outcome?.page.matches.findIndex((match) => match.provider.id === id) ?? -1;
    if (index >= this.shownCount) this.shownCount = Math.ceil((index + 1) / LIST_PAGE) * LIST_PAGE;
    await this.updateComplete;
    await this.results?.revealCard(id, { focus: event.viaKeyboard });
  }

  private handleReferralToggle(event: SpineReferralToggleEvent) {
    const referral = new Map(this.referral);
    if (event.included) referral.set(event.provider.id, event.provider);
    else referral.delete(event.provider.id);
    this.referral = referral;
  }

  private async handleReferralClear() {
    this.referral = new Map();
    // The tray goes away with its buttons: focus moves to the list it was about.
    await this.updateComplete;
    this.results?.focusList();
  }
}

/** Each value once, in a stable order, for suggestions. */
function distinctValues(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}
