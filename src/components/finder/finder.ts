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
  SpineErrorEvent,
  SpineResultsEvent,
  SpineSearchEvent,
  SpineSearchRequestEvent,
  SpineSelectEvent,
} from '../../events.js';
import type { DistanceUnit } from '../../geo/distance.js';
import { isDistanceUnit, toKm } from '../../geo/distance.js';
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
const MAX_LIMIT = 500;

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

  /** URL template of a raster tile service; none (offline basemap) by default. */
  @property({ attribute: 'tile-url' }) tileUrl?: string;

  /** Attribution text the tile service requires. */
  @property({ attribute: 'tile-attribution' }) tileAttribution?: string;

  /**
   * Replaces the built-in geocoder (ZIP and "City, ST" from offline data),
   * e.g. to resolve street addresses with a service the host chooses.
   */
  @property({ attribute: false }) geocoder?: Geocoder;

  @state() private selectedId?: string;

  @query('spine-results') private results?: SpineResults;
  @query('spine-search-box') private searchBox?: SpineSearchBox;

  private readonly locale = new LocaleController(this);
  private directory?: DirectoryAdapter;
  private defaultGeocoder?: Geocoder;
  private readonly reportedConfiguration = new Set<string>();
  private focusFirstAdded = false;

  private readonly searches = new SearchController(this, {
    adapter: () => this.directory,
    geocoder: () => this.geocoder ?? (this.defaultGeocoder ??= createOfflineGeocoder(new URL('geo/', getAssetsPath()))),
    onSearch: (request, place) => this.dispatchEvent(new SpineSearchEvent(place, request.radius, request.units)),
    onResults: (outcome) => {
      if (outcome.added === outcome.page.matches.length) this.selectedId = undefined;
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
    if (!this.focusFirstAdded || this.searches.pending) return;
    this.focusFirstAdded = false;
    const firstAdded = this.searches.outcome?.firstAddedId;
    if (firstAdded) await this.results?.revealCard(firstAdded, { focus: true });
  }

  override render() {
    const outcome = this.searches.outcome;
    const failure = this.searches.failure;
    const units = outcome?.request.units ?? this.effectiveUnits;
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
        <div class="body" @spine-select=${this.handleSelect}>
          <div class="list ${failure && outcome ? 'stale' : ''}">
            <spine-results
              .results=${outcome?.page.matches ?? []}
              units=${units}
              .selectedId=${this.selectedId}
            ></spine-results>
            ${
              outcome?.page.next && !failure
                ? html`<button
                    class="secondary more"
                    part="more-button"
                    type="button"
                    ?disabled=${this.searches.pending}
                    @click=${this.handleMore}
                  >
                    ${this.searches.loadingMore ? this.strings.loadingMore : this.strings.moreResults}
                  </button>`
                : nothing
            }
          </div>
          <spine-map
            .results=${outcome?.page.matches ?? []}
            .center=${outcome?.place.point}
            .radiusKm=${outcome ? toKm(outcome.request.radius, outcome.request.units) : undefined}
            .selectedId=${this.selectedId}
            units=${units}
            tile-url=${this.tileUrl ?? nothing}
            tile-attribution=${this.tileAttribution ?? nothing}
          ></spine-map>
        </div>
      </div>
    `;
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
    const shown = page.matches.length;
    const total = Math.max(page.total ?? shown, shown);
    const lang = this.locale.lang;
    if (page.total === undefined && page.next) {
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
    this.focusFirstAdded = true;
    this.searches.loadMore();
  }

  private handleRetry() {
    this.searchBox?.focus();
    this.searches.retry();
  }

  private handleSelect(event: SpineSelectEvent) {
    const id = event.provider.id;
    this.selectedId = id;
    if (event.source === 'map') void this.results?.revealCard(id, { focus: event.viaKeyboard });
  }
}
