import { html, LitElement, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { getAssetsPath } from '../../assets.js';
import type { DirectoryAdapter } from '../../directory/adapter.js';
import { DirectoryError } from '../../directory/adapter.js';
import { ADAPTER_NAMES, createAdapter } from '../../directory/adapters.js';
import type { AdapterName } from '../../directory/adapters.js';
import type { DirectoryFilters } from '../../directory/filters.js';
import { DEFAULT_REQUEST_POLICY } from '../../directory/http.js';
import {
  SpineAreaSearchEvent,
  SpineErrorEvent,
  SpineResultsEvent,
  SpineSearchEvent,
  SpineSearchRequestEvent,
  SpineSelectEvent,
} from '../../events.js';
import type { DistanceUnit } from '../../geo/distance.js';
import { fromKm, isDistanceUnit, toKm } from '../../geo/distance.js';
import type { Geocoder } from '../../geo/geocoder.js';
import { createOfflineGeocoder } from '../../geo/geocoder.js';
import { defaultUnitsFor, formatCount, formatRadius, LocaleController } from '../../i18n/locale.js';
import type { SpineStrings } from '../../i18n/strings.js';
import type { SearchFailure, SearchRequest } from '../../state/search-controller.js';
import { SearchController } from '../../state/search-controller.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import type { SpineResults } from '../results/results.js';
import type { SpineSearchBox } from '../search-box/search-box.js';
import { finderStyles } from './finder.styles.js';

const DEFAULT_RADIUS = 25;
const DEFAULT_LIMIT = 50;
/** In-browser directories can hand the map a whole region at once. */
const MAX_LIMIT = 100_000;
/** Cards shown at a time; "Show more clinicians" adds as many again. */
const LIST_PAGE = 50;

/**
 * @summary The whole finder: a search box, the list of clinicians and a map,
 * kept in step. Reads the directory at `endpoint`.
 *
 * @fires spine-search - A search started (`place`, `radius`, `units`).
 * @fires spine-results - A search finished (`matches`, `total`, `dropped`, `place`).
 * @fires spine-select - A clinician was chosen on a card or the map (`provider`, `source`).
 * @fires spine-error - A search failed (`kind`, `message`).
 *
 * @csspart finder - The outer layout.
 * @csspart status - The live region with the result count.
 * @csspart alert - The error message and its Retry button.
 * @csspart retry-button - The Retry button.
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

  /** What searches are narrowed by (disciplines, accepting, telehealth, language, insurance, name). */
  @property({ attribute: false }) filters: DirectoryFilters = {};

  /** Milliseconds to wait for the directory before saying it took too long. */
  @property({ type: Number }) timeout = DEFAULT_REQUEST_POLICY.timeoutMs;

  /** Extra request headers for the directory (an API key, say). Property only: never put secrets in attributes. */
  @property({ attribute: false }) requestHeaders: Record<string, string> = {};

  /** `omit` (the default: no cookies), `same-origin` or `include` for a directory that needs a session. */
  @property({ attribute: 'request-credentials' }) requestCredentials: RequestCredentials = 'omit';

  /** Search radius, in `units`. */
  @property({ type: Number }) radius = DEFAULT_RADIUS;

  /** `mi` or `km`; by default miles for US English and Spanish, else km. */
  @property() units?: DistanceUnit;

  /** Most clinicians to ask the directory for in one search. */
  @property({ type: Number }) limit = DEFAULT_LIMIT;

  /** Leaves the map out: the finder is a list only. */
  @property({ type: Boolean, attribute: 'no-map' }) noMap = false;

  /** URL template of a raster tile service; none (offline basemap) by default. */
  @property({ attribute: 'tile-url' }) tileUrl?: string;

  /** Attribution text the tile service requires. */
  @property({ attribute: 'tile-attribution' }) tileAttribution?: string;

  /** URL of a self-hosted PMTiles vector basemap (docs/basemaps.md). */
  @property() basemap?: string;

  /** Attribution for the vector basemap, instead of the archive's own (plain text). */
  @property({ attribute: 'basemap-attribution' }) basemapAttribution?: string;

  /**
   * Replaces the built-in geocoder (ZIP and "City, ST" from offline data),
   * e.g. to resolve street addresses with a service the host chooses.
   */
  @property({ attribute: false }) geocoder?: Geocoder;

  @state() private selectedId?: string;
  /** How many of the loaded clinicians the list shows. */
  @state() private shownCount = LIST_PAGE;
  /** On a narrow screen, which of list and map is shown. */
  @state() private narrowView: 'list' | 'map' = 'list';

  @query('spine-results') private results?: SpineResults;
  @query('spine-search-box') private searchBox?: SpineSearchBox;

  private readonly locale = new LocaleController(this);
  private directory?: DirectoryAdapter;
  private defaultGeocoder?: Geocoder;
  private readonly reportedConfiguration = new Set<string>();
  /** A card to move focus to once it is drawn: the first of those just shown. */
  private focusAfterUpdate?: string;
  /** "Show more" asked the directory for a page: focus its first card when it comes. */
  private focusFirstOfNextPage = false;

  private readonly searches = new SearchController(this, {
    adapter: () => this.directory,
    geocoder: () => this.geocoder ?? (this.defaultGeocoder ??= createOfflineGeocoder(new URL('geo/', getAssetsPath()))),
    onSearch: (request, place) => this.dispatchEvent(new SpineSearchEvent(place, request.radius, request.units)),
    onResults: (outcome) => {
      if (outcome.added === outcome.page.matches.length) {
        this.selectedId = undefined;
        this.shownCount = LIST_PAGE;
      } else if (this.focusFirstOfNextPage) {
        this.focusAfterUpdate = outcome.firstAddedId;
      }
      this.focusFirstOfNextPage = false;
      this.dispatchEvent(
        new SpineResultsEvent(outcome.page.matches, outcome.page.total, outcome.page.dropped, outcome.place),
      );
    },
    onFailure: (failure) =>
      this.dispatchEvent(new SpineErrorEvent(failure.kind, this.failureMessage(failure), failure.cause)),
  });

  /** Searches around a location (as a person would type it), or the field's text. */
  search(location?: string): void {
    const box = this.searchBox;
    const text = location ?? box?.value ?? '';
    if (box && location !== undefined) box.value = location;
    this.searches.search(this.requestFor(text, box?.radius ?? this.effectiveRadius));
  }

  private requestFor(text: string, radius: number): SearchRequest {
    return { text, radius, units: this.effectiveUnits, limit: this.effectiveLimit, filters: this.filters };
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    const policyKeys = ['endpoint', 'adapter', 'timeout', 'requestHeaders', 'requestCredentials'] as const;
    if (policyKeys.some((key) => changed.has(key))) this.directory = this.createDirectory();
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
    return html`
      <div class="finder" part="finder">
        <spine-search-box
          .radius=${this.effectiveRadius}
          units=${units}
          ?busy=${this.searches.pending}
          @spine-search-request=${this.handleSearchRequest}
        ></spine-search-box>
        <div class="messages">
          <p class="status" part="status" role="status">${this.statusText()}</p>
          ${
            outcome && outcome.page.dropped > 0 && !this.searches.pending
              ? html`<p class="note">
                  ${this.strings.droppedRecords(outcome.page.dropped, formatCount(outcome.page.dropped, this.locale.lang))}
                </p>`
              : nothing
          }
          <div class="alert" part="alert" role="alert">${failure ? this.renderFailure(failure) : nothing}</div>
        </div>
        ${this.noMap ? nothing : this.renderViewSwitch()}
        <div
          class="body ${this.noMap ? 'list-only' : ''}"
          data-view=${this.narrowView}
          @spine-select=${this.handleSelect}
          @spine-area-search=${this.handleAreaSearch}
        >
          <div class="list ${failure && outcome ? 'stale' : ''}">
            <spine-results
              .results=${matches.slice(0, this.shownCount)}
              units=${units}
              .selectedId=${this.selectedId}
            ></spine-results>
            ${this.renderMoreButton(failure)}
          </div>
          ${
            this.noMap
              ? nothing
              : html`<spine-map
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
                ></spine-map>`
          }
        </div>
      </div>
    `;
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
        @click=${() => (this.narrowView = view)}
      >
        ${label}
      </button>`;
    return html`<div class="view-switch" role="group" aria-label=${strings.viewSwitchLabel}>
      ${option('list', strings.showList)} ${option('map', strings.showMap)}
    </div>`;
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

  private renderFailure(failure: SearchFailure) {
    return html`
      <p>${this.failureMessage(failure)}</p>
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

  private get strings(): SpineStrings {
    return this.locale.strings;
  }

  private statusText(): string {
    if (this.searches.loadingMore) return this.strings.loadingMore;
    if (this.searches.pending) return this.strings.searching;
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

  private failureMessage(failure: SearchFailure): string {
    const strings = this.strings;
    switch (failure.kind) {
      case 'location-empty':
        return strings.errorLocationEmpty;
      case 'location-not-found':
        return strings.errorLocationNotFound(failure.request.text.trim());
      case 'location-ambiguous':
        return strings.errorLocationAmbiguous(
          failure.request.text.trim(),
          failure.candidates.map((place) => place.state ?? place.label).join(strings.listSeparator),
          failure.candidates[0]?.label ?? '',
        );
      case 'geo-data':
        return strings.errorGeoData;
      case 'offline':
        return strings.errorOffline;
      case 'timeout':
        return strings.errorTimeout;
      case 'http':
        return strings.errorHttp(failure.cause instanceof DirectoryError ? (failure.cause.status ?? 0) : 0);
      case 'invalid-response':
        return strings.errorInvalidResponse;
      case 'configuration':
        return strings.errorConfiguration;
      case 'network':
        return strings.errorNetwork;
    }
  }

  private createDirectory(): DirectoryAdapter | undefined {
    if (typeof this.adapter === 'object' && this.adapter !== null) return this.adapter;
    if (!this.endpoint) return undefined;
    return createAdapter(this.adapterName(), this.endpoint, {
      timeoutMs: Number.isFinite(this.timeout) && this.timeout > 0 ? this.timeout : DEFAULT_REQUEST_POLICY.timeoutMs,
      headers: this.requestHeaders,
      credentials: this.credentialsMode(),
    });
  }

  private adapterName(): AdapterName {
    const name = String(this.adapter);
    if ((ADAPTER_NAMES as readonly string[]).includes(name)) return name as AdapterName;
    this.reportConfiguration(
      `adapter="${name}" is not one of ${ADAPTER_NAMES.join(', ')}; reading the endpoint as json.`,
    );
    return 'json';
  }

  private credentialsMode(): RequestCredentials {
    const modes: readonly string[] = ['omit', 'same-origin', 'include'];
    if (modes.includes(this.requestCredentials)) return this.requestCredentials;
    this.reportConfiguration(
      `request-credentials="${this.requestCredentials}" is not one of ${modes.join(', ')}; sending no cookies (omit).`,
    );
    return 'omit';
  }

  /** Tells the host once about a configuration it got wrong; the finder carries on. */
  private reportConfiguration(message: string): void {
    if (this.reportedConfiguration.has(message)) return;
    this.reportedConfiguration.add(message);
    console.error(`spine-finder: ${message}`);
  }

  private handleSearchRequest(event: SpineSearchRequestEvent) {
    // The finder answers the box itself; the host hears spine-search instead.
    event.stopPropagation();
    this.searches.search(this.requestFor(event.text, event.radius));
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
    if (event.source !== 'map') return;
    // A marker's card may be beyond those shown yet: show up to its page.
    const index = this.searches.outcome?.page.matches.findIndex((match) => match.provider.id === id) ?? -1;
    if (index >= this.shownCount) this.shownCount = Math.ceil((index + 1) / LIST_PAGE) * LIST_PAGE;
    await this.updateComplete;
    await this.results?.revealCard(id, { focus: event.viaKeyboard });
  }
}
