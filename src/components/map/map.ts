import { adoptStyles, html, LitElement, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Match } from '../../directory/adapter.js';
import { displayName } from '../../directory/provider-text.js';
import type { GeoPoint } from '../../directory/schema.js';
import { SpineSelectEvent } from '../../events.js';
import type { DistanceUnit } from '../../geo/distance.js';
import { formatDistance, LocaleController } from '../../i18n/locale.js';
import type { MapView } from '../../map/map-view.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { mapStyles } from './map.styles.js';

/**
 * @summary A Leaflet map of the search area and the clinicians found, with
 * keyboard-operable markers. Leaflet loads only when this element connects.
 *
 * @fires spine-select - A person chose a marker (click, Enter or Space).
 *
 * @csspart map - The map region.
 *
 * @cssprop --spine-map-height - Height of the map (default 480px).
 * @cssprop --spine-marker-color - Fill of a marker.
 * @cssprop --spine-marker-selected-color - Fill of the selected marker.
 * @cssprop --spine-map-land - Land colour of the offline basemap.
 * @cssprop --spine-map-water - Colour around the land.
 * @cssprop --spine-map-border - State borders of the offline basemap.
 */
export class SpineMap extends LitElement {
  static override styles = [sharedStyles, mapStyles];

  /** The clinicians to mark. */
  @property({ attribute: false }) results: readonly Match[] = [];

  /** Centre of the search, drawn with its radius. */
  @property({ attribute: false }) center?: GeoPoint;

  /** Radius of the search area, in kilometres. */
  @property({ attribute: false }) radiusKm?: number;

  /** Id of the selected clinician, whose marker is highlighted. */
  @property({ attribute: 'selected-id' }) selectedId?: string;

  /** Units distances are read out in. */
  @property() units: DistanceUnit = 'mi';

  /** URL template of a raster tile service (`{z}/{x}/{y}`); none by default. */
  @property({ attribute: 'tile-url' }) tileUrl?: string;

  /** Attribution text the tile service requires (plain text). */
  @property({ attribute: 'tile-attribution' }) tileAttribution?: string;

  @state() private ready = false;

  @query('.canvas') private canvas!: HTMLElement;

  private view?: MapView;
  private loading?: Promise<void>;
  private readonly locale = new LocaleController(this);

  /** The element of a clinician's marker, once the map has drawn it. */
  markerElement(id: string): HTMLElement | undefined {
    return this.view?.markerElement(id);
  }

  /** Resolves when the map has loaded and shows the current state. */
  get mapReady(): Promise<void> {
    return (this.loading ?? Promise.resolve()).then(() => this.updateComplete).then(() => undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.loading = this.createView();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.view?.destroy();
    this.view = undefined;
    this.ready = false;
  }

  override render() {
    return html`
      <div class="map" part="map" role="region" aria-label=${this.locale.strings.mapLabel}>
        <div class="canvas"></div>
        ${this.ready ? nothing : html`<p class="loading">${this.locale.strings.basemapLoading}</p>`}
      </div>
    `;
  }

  protected override firstUpdated(): void {
    this.loading = this.createView();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.view) return;
    if (changed.has('tileUrl') || changed.has('tileAttribution')) {
      this.view.setTiles(this.tileUrl, this.tileAttribution);
    }
    if (changed.has('results') || changed.has('center') || changed.has('radiusKm') || changed.has('units')) {
      this.view.setResults(this.results, this.center, this.radiusKm);
    }
    if (changed.has('selectedId')) this.view.setSelected(this.selectedId);
  }

  private async createView(): Promise<void> {
    const { MapView } = await import('../../map/map-view.js');
    const { leafletStyles, mapViewStyles } = await import('../../map/map-view.styles.js');
    if (!this.isConnected || this.view) return;
    adoptStyles(this.renderRoot as ShadowRoot, [...SpineMap.elementStyles, leafletStyles, mapViewStyles]);
    this.view = new MapView(this.canvas, {
      onSelect: (id, viaKeyboard) => this.handleMarkerSelect(id, viaKeyboard),
      markerLabel: (match) =>
        this.locale.strings.markerLabel(
          displayName(match.provider),
          formatDistance(match.distanceKm, this.units, this.locale.lang),
        ),
    });
    this.view.setTiles(this.tileUrl, this.tileAttribution);
    this.view.setResults(this.results, this.center, this.radiusKm);
    this.view.setSelected(this.selectedId);
    this.ready = true;
  }

  private handleMarkerSelect(id: string, viaKeyboard: boolean) {
    const match = this.results.find((candidate) => candidate.provider.id === id);
    if (match) this.dispatchEvent(new SpineSelectEvent(match.provider, 'map', viaKeyboard));
  }
}
