import { adoptStyles, html, LitElement, nothing, unsafeCSS } from 'lit';
import type { CSSResult, PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Match } from '../../directory/adapter.js';
import { displayName } from '../../directory/provider-text.js';
import type { GeoPoint } from '../../directory/schema.js';
import { SpineAreaSearchEvent, SpineSelectEvent } from '../../events.js';
import type { DistanceUnit } from '../../geo/distance.js';
import { distanceKm } from '../../geo/distance.js';
import { formatCount, formatDistance, LocaleController } from '../../i18n/locale.js';
import type { MapView, MarkerLabels, VisibleArea } from '../../map/map-view.js';
import type { Site } from '../../map/sites.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { mapStyles } from './map.styles.js';

/** How far the view must move from the searched area before "Search this area" is offered. */
const MOVED_SHARE_OF_RADIUS = 0.2;
const ZOOMED_RATIO = 1.5;

/** Leaflet's styles and the map view's, made once for every map: each keeps its parsed stylesheet. */
let viewStyles: CSSResult[] | undefined;

/**
 * @summary A Leaflet map of the search area and the clinicians found:
 * clustered, keyboard-operable, on an offline basemap. Leaflet loads only
 * when the map is about to be seen.
 *
 * @tagname spine-map
 *
 * @prop {readonly Match[]} [results=[]] - The clinicians to mark. Clinicians at one address share a marker that opens a
 *   list of them; nearby ones gather into clusters.
 * @prop {GeoPoint | undefined} center - Centre of the search, drawn with its radius.
 * @prop {number | undefined} radiusKm - Radius of the search area, in kilometres.
 * @prop {boolean} [fitArea=true] - Whether a new search area moves the map to fit it. Off for a search of the area
 *   already in view, so the map stays where the person put it.
 * @prop {Promise<void>} mapReady - Resolves when the map has loaded and drawn the current results (so never while it is
 *   out of sight).
 * @attr [selected-id] - Id of the selected clinician, whose marker is highlighted (zooming into its cluster if need
 *   be).
 * @attr {'mi' | 'km'} [units='mi'] - Units distances are read out in, in the markers' names.
 * @attr [tile-url] - URL template of a raster tile service (`https://tiles.example.org/{z}/{x}/{y}.png`); none by
 *   default: the offline basemap, with no request to anyone.
 * @attr [tile-attribution] - Attribution text the tile service requires (plain text).
 * @attr [basemap] - URL of a self-hosted PMTiles vector basemap (docs/basemaps.md). Shown instead of `tile-url`'s
 *   tiles; if it fails, they and then the offline basemap take over.
 * @attr [basemap-attribution] - Attribution for the vector basemap, instead of the archive's own (plain text).
 *
 * @fires {SpineSelectEvent} spine-select - A person chose a clinician on the map (a marker, or a name in a group
 *   practice's list), with the mouse or the keyboard: `provider`, `source` (`map`), `viaKeyboard`.
 * @fires {SpineAreaSearchEvent} spine-area-search - A person pressed "Search this area": `center`, `radiusKm` (to the
 *   farthest visible corner).
 *
 * @csspart map - The map region.
 * @csspart area-search-button - The "Search this area" button.
 * @csspart notice - The notice shown when map tiles fail.
 * @csspart loading - "Loading the map…", while the map loads.
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
 * @cssprop --spine-color-focus - The focus ring of every control (keep 3:1 on the surface).
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
 * @cssprop --spine-font-size - Base text size; everything else is in em and rem, so it follows a person’s text size.
 * @cssprop --spine-line-height - Line height of the text (not less than 1.5 for long text).
 * @cssprop --spine-radius - Corners of buttons, fields, cards, the map and the referral bar (0 for square).
 * @cssprop --spine-space - The unit of every gap and padding.
 * @cssprop --spine-control-height - Least height and width of buttons, fields and selects (at least 24px, WCAG 2.5.8).
 * @cssprop --spine-map-height - Height of the map, and of the scrolling list beside it.
 */
export class SpineMap extends LitElement {
  static override styles = [sharedStyles, mapStyles];

  /** The clinicians to mark. */
  @property({ attribute: false }) results: readonly Match[] = [];

  /** Centre of the search, drawn with its radius. */
  @property({ attribute: false }) center?: GeoPoint;

  /** Radius of the search area, in kilometres. */
  @property({ attribute: false }) radiusKm?: number;

  /**
   * Whether a new search area moves the map to fit it. Off for a search of
   * the area already in view, so the map stays where the person put it.
   */
  @property({ attribute: false }) fitArea = true;

  /** Id of the selected clinician, whose marker is highlighted. */
  @property({ attribute: 'selected-id' }) selectedId?: string;

  /** Units distances are read out in. */
  @property() units: DistanceUnit = 'mi';

  /** URL template of a raster tile service (`{z}/{x}/{y}`); none by default. */
  @property({ attribute: 'tile-url' }) tileUrl?: string;

  /** Attribution text the tile service requires (plain text). */
  @property({ attribute: 'tile-attribution' }) tileAttribution?: string;

  /**
   * URL of a self-hosted PMTiles vector basemap (docs/basemaps.md). Shown
   * instead of `tile-url`'s tiles; if it fails, they and then the offline
   * basemap take over.
   */
  @property() basemap?: string;

  /** Attribution to show for the vector basemap instead of the archive's own (plain text). */
  @property({ attribute: 'basemap-attribution' }) basemapAttribution?: string;

  @state() private ready = false;
  @state() private offerAreaSearch = false;
  @state() private tilesFailed = false;

  @query('.canvas') private canvas!: HTMLElement;

  private view?: MapView;
  private loading?: Promise<void>;
  /** Settles when the latest results are drawn. */
  private drawn: Promise<void> = Promise.resolve();
  private fitting = false;
  /** The strings the map's markers and controls were last named with. */
  private labelledIn?: object;
  private visibility?: IntersectionObserver;
  /** The view just after the map last fitted a search area: what "moved" is measured from. */
  private reference?: VisibleArea;
  private readonly locale = new LocaleController(this);

  /** The element of a clinician's marker, once drawn on its own (not inside a cluster). */
  markerElement(id: string): HTMLElement | undefined {
    return this.view?.markerElement(id);
  }

  /** The cluster markers drawn now. */
  clusterElements(): HTMLElement[] {
    return this.view?.clusterElements() ?? [];
  }

  /** Resolves when the map has loaded and drawn the current state (so never while it is out of sight). */
  get mapReady(): Promise<void> {
    return (this.loading ?? Promise.resolve()).then(() => this.updateComplete).then(() => this.drawn);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // A page in Spanish draws once its words have loaded, never in English first.
    return this.locale.afterLoading(() => super.scheduleUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.loading = this.whenAboutToBeSeen().then(() => this.createView());
  }

  /**
   * Leaflet loads when the map is about to be seen: not on a narrow screen
   * showing the list, not before the list is usable.
   */
  private whenAboutToBeSeen(): Promise<void> {
    return new Promise((resolve) => {
      this.visibility = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.visibility?.disconnect();
          resolve();
        },
        { rootMargin: '200px' },
      );
      this.visibility.observe(this);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.visibility?.disconnect();
    this.view?.destroy();
    this.view = undefined;
    this.loading = undefined;
    this.ready = false;
  }

  override render() {
    const strings = this.locale.strings;
    return html`
      <div
        class="map"
        part="map"
        role="region"
        aria-label=${strings.mapLabel}
        lang=${this.locale.markedLang ?? nothing}
      >
        <div class="canvas"></div>
        ${
          this.offerAreaSearch
            ? html`<button class="area-search" part="area-search-button" type="button" @click=${this.handleAreaSearch}>
                ${strings.searchThisArea}
              </button>`
            : nothing
        }
        ${this.ready ? nothing : html`<p class="loading" part="loading">${strings.basemapLoading}</p>`}
      </div>
      ${this.tilesFailed ? html`<p class="notice" part="notice" role="status">${strings.tilesFailed}</p>` : nothing}
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.view) return;
    if (this.labelledIn !== this.locale.strings) {
      this.labelledIn = this.locale.strings;
      this.view.setLabels(this.markerLabels());
    }
    // A URL that failed is not tried again, so only a new URL clears the notice.
    if (changed.has('tileUrl') || changed.has('basemap')) this.tilesFailed = false;
    if (changed.has('tileUrl') || changed.has('tileAttribution'))
      this.view.setTiles(this.tileUrl, this.tileAttribution);
    if (changed.has('basemap') || changed.has('basemapAttribution')) this.showVectorBasemap();
    if (changed.has('results') || changed.has('center') || changed.has('radiusKm') || changed.has('units')) {
      const newArea = changed.has('center') || changed.has('radiusKm');
      this.showResults(newArea && this.fitArea);
    }
    if (changed.has('selectedId')) void this.view.setSelected(this.selectedId);
  }

  private async createView(): Promise<void> {
    const { MapView, leafletCss, mapViewCss } = await import('../../map/map-view.js');
    viewStyles ??= [unsafeCSS(leafletCss), unsafeCSS(mapViewCss)];
    await this.updateComplete;
    if (!this.isConnected || this.view) return;
    adoptStyles(this.renderRoot as ShadowRoot, [...SpineMap.elementStyles, ...viewStyles]);
    this.view = new MapView(this.canvas, {
      onSelect: (id, viaKeyboard) => this.handleMarkerSelect(id, viaKeyboard),
      onMoveEnd: (view) => this.handleMoveEnd(view),
      onTilesFailed: () => {
        this.tilesFailed = true;
      },
      labels: this.markerLabels(),
    });
    this.labelledIn = this.locale.strings;
    this.reference = this.view.visibleArea();
    this.view.setTiles(this.tileUrl, this.tileAttribution);
    this.showVectorBasemap();
    this.showResults(this.fitArea);
    void this.view.setSelected(this.selectedId);
    this.ready = true;
  }

  private showVectorBasemap(): void {
    this.view?.setVectorBasemap(this.basemap || undefined, {
      attribution: this.basemapAttribution,
      lang: this.locale.lang,
    });
  }

  private showResults(fit: boolean): void {
    if (!this.view) return;
    // Fitting the map moves it; that is not the person moving it.
    this.fitting = true;
    try {
      this.drawn = this.view.setResults(this.results, this.center, this.radiusKm, { fit });
    } finally {
      this.fitting = false;
    }
    if (fit && this.center) {
      this.reference = this.view.visibleArea();
      this.offerAreaSearch = false;
    }
  }

  private markerLabels(): MarkerLabels {
    const distance = (km: number) => formatDistance(km, this.units, this.locale.lang);
    return {
      single: (match) => this.locale.strings.markerLabel(displayName(match.provider), distance(match.distanceKm)),
      site: (site: Site) => {
        const first = site.matches[0];
        const place = first.provider.address?.line1 ?? first.provider.practice ?? displayName(first.provider);
        const count = site.matches.length;
        return this.locale.strings.siteLabel(
          count,
          formatCount(count, this.locale.lang),
          place,
          distance(first.distanceKm),
        );
      },
      cluster: (providers) => this.locale.strings.clusterLabel(providers, formatCount(providers, this.locale.lang)),
      siteMember: (match) => displayName(match.provider),
      map: this.locale.strings.mapInstructions,
      mapRole: this.locale.strings.mapRole,
      zoomIn: this.locale.strings.zoomIn,
      zoomOut: this.locale.strings.zoomOut,
      closeList: this.locale.strings.closeList,
      panUp: this.locale.strings.panUp,
      panDown: this.locale.strings.panDown,
      panLeft: this.locale.strings.panLeft,
      panRight: this.locale.strings.panRight,
    };
  }

  private handleMoveEnd(view: VisibleArea): void {
    const reference = this.reference;
    if (!reference || this.fitting) return;
    const moved = distanceKm(view.center, reference.center) > MOVED_SHARE_OF_RADIUS * reference.radiusKm;
    const ratio = view.radiusKm / reference.radiusKm;
    this.offerAreaSearch = moved || ratio > ZOOMED_RATIO || ratio < 1 / ZOOMED_RATIO;
  }

  private handleAreaSearch(): void {
    if (!this.view) return;
    const area = this.view.visibleArea();
    this.reference = area;
    this.offerAreaSearch = false;
    this.dispatchEvent(new SpineAreaSearchEvent(area.center, area.radiusKm));
  }

  private handleMarkerSelect(id: string, viaKeyboard: boolean): void {
    const match = this.results.find((candidate) => candidate.provider.id === id);
    if (match) this.dispatchEvent(new SpineSelectEvent(match.provider, 'map', viaKeyboard));
  }
}
