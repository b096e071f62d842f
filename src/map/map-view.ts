import * as L from 'leaflet/dist/leaflet-src.esm.js';
import type { Match } from '../directory/adapter.js';
import type { GeoPoint } from '../directory/schema.js';
import { distanceKm } from '../geo/distance.js';
import { Basemap } from './basemap.js';
import type { VectorBasemapOptions } from './basemap.js';
import type { Bounds, MapFeature, SiteLayout } from './cluster-core.js';
import type { ClusterIndex } from './cluster-index.js';
import { createClusterIndex } from './cluster-index.js';
import { AttributionControl, PanControl, ZoomControl } from './controls.js';
import type { ControlLabels } from './controls.js';
import type { Site } from './sites.js';

// The stylesheets come with the view, in its chunk: one file, and one download, fewer.
export { leafletCss, mapViewCss } from './map-view.styles.js';

/** The words markers and controls are read out with; the element supplies them in the person's language. */
export interface MarkerLabels extends ControlLabels {
  /** One clinician: "Ana Lopez, DC, 2.3 miles". */
  single: (match: Match) => string;
  /** Several clinicians at one address: "3 clinicians at 2400 N Clark St, 2.3 miles". */
  site: (site: Site) => string;
  /** "Cluster of 12 providers". */
  cluster: (providers: number) => string;
  /** A clinician's button in a site's list: "Ana Lopez, DC". */
  siteMember: (match: Match) => string;
  /** What the map is and how to use it, read when it takes focus. */
  map: string;
  /** What kind of thing the map is: "map". */
  mapRole: string;
  /** The close button of a group practice's list. */
  closeList: string;
}

export interface MapViewOptions {
  /** A clinician was chosen on the map; `viaKeyboard` when with Enter or Space. */
  onSelect: (id: string, viaKeyboard: boolean) => void;
  /** The view settled after a move, by the person or by the finder. */
  onMoveEnd?: (view: VisibleArea) => void;
  labels: MarkerLabels;
  /** Called once if the offline basemap cannot be loaded. */
  onBasemapError?: (error: unknown) => void;
  /** Called when configured tiles fail and the offline basemap takes over. */
  onTilesFailed?: () => void;
}

/** The part of the earth on screen, as a circle that holds it. */
export interface VisibleArea {
  center: GeoPoint;
  /** From the centre to the farthest visible corner. */
  radiusKm: number;
}

/** The contiguous United States, shown before the first search. */
const US_BOUNDS = L.latLngBounds([24.4, -125], [49.5, -66.9]);
const KM_PER_DEGREE_LATITUDE = 111.32;

/**
 * The only place that drives Leaflet. `<spine-map>` owns one of these and
 * feeds it state; it never touches Leaflet itself, so the map code (and
 * Leaflet) loads only when a map is shown.
 *
 * Clinicians are grouped into sites (one address) and sites into clusters
 * for the view at hand; only what is in view is in the DOM, so only what is
 * visible can take focus.
 */
export class MapView {
  private readonly map: L.Map;
  private readonly basemap: Basemap;
  private readonly markerLayer = L.layerGroup();
  private readonly resizeObserver: ResizeObserver;
  private clusterIndex?: Promise<ClusterIndex>;
  /** Markers on the map, by feature key (`site:3`, `cluster:1234`). */
  private readonly markers = new Map<string, L.Marker>();
  private results: readonly Match[] = [];
  /** How the results group into sites, from the clustering; filled in once indexed. */
  private layout?: SiteLayout;
  private searchArea?: L.Circle;
  private selectedId?: string;
  /** Counts draws, so an older one that finishes late draws nothing. */
  private drawing = 0;
  /** Counts result sets; markers are drawn only once the latest is indexed. */
  private resultSets = 0;
  private indexed = false;
  private destroyed = false;

  constructor(
    container: HTMLElement,
    private readonly options: MapViewOptions,
  ) {
    this.map = L.map(container, {
      zoomAnimation: animate(),
      fadeAnimation: animate(),
      markerZoomAnimation: animate(),
      keyboard: true,
      // Leaflet's own controls write HTML strings; ours (./controls.ts) are
      // built from DOM nodes, and named in the person's language.
      attributionControl: false,
      zoomControl: false,
      // The ResizeObserver below follows every size change; Leaflet's own
      // window listener fires "moveend" from a timer that outlives map.remove().
      trackResize: false,
    });
    this.nameContainer();
    this.addZoomControl();
    new AttributionControl().addTo(this.map);
    this.map.fitBounds(US_BOUNDS);
    this.markerLayer.addTo(this.map);
    this.basemap = new Basemap(this.map, { onError: options.onBasemapError, onTilesFailed: options.onTilesFailed });
    this.map.on('moveend', () => {
      if (this.destroyed) return;
      void this.draw();
      options.onMoveEnd?.(this.visibleArea());
    });

    // Leaflet measures its container once; tell it when the layout moves.
    this.resizeObserver = new ResizeObserver(() => this.map.invalidateSize({ pan: false }));
    this.resizeObserver.observe(container);
  }

  /** Names markers and controls in another language: the markers in view are drawn again. */
  setLabels(labels: MarkerLabels): void {
    this.options.labels = labels;
    this.nameContainer();
    this.addZoomControl();
    this.clearMarkers();
    void this.draw();
  }

  /** Shows a raster tile layer above the offline basemap, or none. */
  setTiles(url: string | undefined, attribution: string | undefined): void {
    this.basemap.setTiles(url, attribution);
  }

  /** Draws a self-hosted PMTiles vector basemap above the others, or none. */
  setVectorBasemap(url: string | undefined, options?: VectorBasemapOptions): void {
    this.basemap.setVectorBasemap(url, options);
  }

  /**
   * Marks these clinicians and draws the search area. `fit` moves the map to
   * the area (a new search); without it the map stays where the person put it
   * ("Search this area", more results).
   */
  async setResults(
    results: readonly Match[],
    center: GeoPoint | undefined,
    radiusKm: number | undefined,
    { fit = true } = {},
  ): Promise<void> {
    this.results = results;
    this.layout = undefined;
    this.drawSearchArea(center, radiusKm);
    if (fit && center && radiusKm) this.map.fitBounds(circleBounds(center, radiusKm), { animate: false });

    const resultSet = ++this.resultSets;
    this.indexed = false;
    this.drawing++;
    this.clearMarkers();
    const index = await this.index();
    // Only the points cross to the clustering; grouping into sites happens there too.
    const lats = new Float64Array(results.length);
    const lngs = new Float64Array(results.length);
    results.forEach((match, i) => {
      lats[i] = match.provider.location.lat;
      lngs[i] = match.provider.location.lng;
    });
    const layout = await index.load({ lats, lngs });
    if (resultSet !== this.resultSets || this.destroyed) return;
    this.layout = layout;
    this.indexed = true;
    await this.draw();
  }

  /** Highlights one clinician's marker and brings it into view, or none. */
  async setSelected(id: string | undefined): Promise<void> {
    const previous = this.selectedId;
    this.selectedId = id;
    this.styleSelection();
    if (id === undefined || id === previous) return;
    const site = this.siteOfProvider(id);
    if (site === undefined || !this.layout) return;
    const point = L.latLng(this.layout.lats[site], this.layout.lngs[site]);
    const zoom = (await (await this.index()).standAloneZoom(site, this.map.getZoom())) ?? this.map.getZoom();
    if (this.destroyed || this.selectedId !== id) return;
    if (zoom > this.map.getZoom()) {
      // Inside a cluster at this zoom: zoom in until its own marker shows.
      this.map.setView(point, zoom, { animate: animate() });
    } else {
      this.map.panInside(point, { padding: [40, 40], animate: animate() });
    }
  }

  /** The marker element showing a clinician, if it is drawn on its own (not inside a cluster). */
  markerElement(id: string): HTMLElement | undefined {
    const site = this.siteOfProvider(id);
    return site === undefined ? undefined : this.markers.get(`site:${site}`)?.getElement();
  }

  /** The cluster markers drawn now, for tests and the benchmark. */
  clusterElements(): HTMLElement[] {
    return [...this.markers.entries()]
      .filter(([key]) => key.startsWith('cluster:'))
      .flatMap(([, marker]) => marker.getElement() ?? []);
  }

  visibleArea(): VisibleArea {
    const center = this.map.getCenter();
    const corner = this.map.getBounds().getNorthEast();
    return {
      center: { lat: center.lat, lng: center.lng },
      radiusKm: distanceKm(center, corner),
    };
  }

  destroy(): void {
    this.destroyed = true;
    this.basemap.destroy();
    this.resizeObserver.disconnect();
    // Leaflet ends a zoom animation from a timer it does not keep (for browsers
    // that skip 'transitionend'); run after map.remove(), it throws. It does
    // nothing once the map is no longer animating, so say so first.
    (this.map as L.Map & { _animatingZoom?: boolean })._animatingZoom = false;
    this.map.remove();
    this.markers.clear();
    void this.clusterIndex?.then((index) => index.destroy());
  }

  /** The site of a clinician in the results, once they are indexed. */
  private siteOfProvider(id: string): number | undefined {
    const index = this.results.findIndex((match) => match.provider.id === id);
    return index < 0 || !this.layout ? undefined : this.layout.siteOf[index];
  }

  /** A site's point and clinicians, built when its marker is drawn. */
  private site(index: number): Site {
    const { lats, lngs, offsets, members } = this.layout!;
    const matches: Match[] = [];
    for (let i = offsets[index]; i < offsets[index + 1]; i++) matches.push(this.results[members[i]]);
    return { lat: lats[index], lng: lngs[index], matches };
  }

  private zoomControl?: L.Control;

  /** Leaflet's container takes focus (arrow keys pan it): it says what it is and how to use it. */
  private nameContainer(): void {
    const container = this.map.getContainer();
    container.setAttribute('role', 'application');
    container.setAttribute('aria-roledescription', this.options.labels.mapRole);
    container.setAttribute('aria-label', this.options.labels.map);
  }

  /**
   * A marker that takes focus comes fully into view, clear of the zoom
   * buttons and the edges: Leaflet's own focus panning ignores the controls.
   */
  private keepInView(marker: L.Marker): void {
    marker.getElement()?.addEventListener('focus', () => {
      if (this.destroyed) return;
      this.map.panInside(marker.getLatLng(), { padding: [60, 60], animate: animate() });
    });
  }

  private panControl?: L.Control;

  private addZoomControl(): void {
    this.zoomControl?.remove();
    this.panControl?.remove();
    this.zoomControl = new ZoomControl(this.options.labels).addTo(this.map);
    this.panControl = new PanControl(this.options.labels, animate).addTo(this.map);
  }

  private index(): Promise<ClusterIndex> {
    return (this.clusterIndex ??= createClusterIndex());
  }

  /** Draws the clusters and sites in view, keeping the markers that stay (and their focus). */
  private async draw(): Promise<void> {
    if (!this.indexed) return;
    const drawing = ++this.drawing;
    const bounds = this.map.getBounds();
    const view: Bounds = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
    const features = await (await this.index()).features(view, this.map.getZoom());
    if (!features || drawing !== this.drawing || this.destroyed) return;

    const wanted = new Map(features.map((feature) => [featureKey(feature), feature]));
    const focused = [...this.markers.entries()].find(([, marker]) => marker.getElement()?.matches(':focus'))?.[0];
    for (const [key, marker] of this.markers) {
      if (wanted.has(key)) continue;
      marker.remove();
      this.markers.delete(key);
    }
    for (const [key, feature] of wanted) {
      if (this.markers.has(key)) continue;
      const marker = feature.kind === 'site' ? this.siteMarker(feature.site) : this.clusterMarker(feature);
      this.markers.set(key, marker);
      marker.addTo(this.markerLayer);
    }
    // A marker that had focus and went away (merged into a cluster) hands it to the map.
    if (focused && !this.markers.has(focused)) this.map.getContainer().focus({ preventScroll: true });
    this.styleSelection();
  }

  private siteMarker(index: number): L.Marker {
    const site = this.site(index);
    const single = site.matches.length === 1;
    const label = single ? this.options.labels.single(site.matches[0]) : this.options.labels.site(site);
    const marker = L.marker([site.lat, site.lng], {
      icon: L.divIcon({
        className: single ? 'spine-marker' : 'spine-marker spine-site',
        // Always an element: Leaflet writes any string, even '', as HTML.
        html: single ? document.createElement('span') : countElement(site.matches.length),
        iconSize: single ? [24, 24] : [30, 30],
      }),
      keyboard: true,
      title: label,
      riseOnHover: true,
    });
    marker.on('add', () => {
      labelMarker(marker, label);
      this.keepInView(marker);
    });
    const activate = (viaKeyboard: boolean) => {
      if (single) this.options.onSelect(site.matches[0].provider.id, viaKeyboard);
      else this.openSite(marker, site, viaKeyboard);
    };
    marker.on('click', () => activate(false));
    marker.on('keydown', (event: L.LeafletKeyboardEvent) => {
      if (isActivationKey(event.originalEvent)) {
        event.originalEvent.preventDefault();
        activate(true);
      }
    });
    return marker;
  }

  private clusterMarker(feature: Extract<MapFeature, { kind: 'cluster' }>): L.Marker {
    const label = this.options.labels.cluster(feature.providers);
    const size = feature.providers < 10 ? 30 : feature.providers < 100 ? 36 : feature.providers < 1000 ? 42 : 48;
    const marker = L.marker([feature.lat, feature.lng], {
      icon: L.divIcon({ className: 'spine-cluster', html: countElement(feature.providers), iconSize: [size, size] }),
      keyboard: true,
      title: label,
    });
    marker.on('add', () => {
      labelMarker(marker, label);
      this.keepInView(marker);
    });
    const zoomIn = async (viaKeyboard: boolean) => {
      const zoom = await (await this.index()).expansionZoom(feature.id);
      if (zoom === undefined || this.destroyed) return;
      // The cluster's marker goes away as it comes apart: keep the keyboard on the map.
      if (viaKeyboard) this.map.getContainer().focus({ preventScroll: true });
      this.map.setView([feature.lat, feature.lng], zoom, { animate: animate() });
    };
    marker.on('click', () => void zoomIn(false));
    marker.on('keydown', (event: L.LeafletKeyboardEvent) => {
      if (isActivationKey(event.originalEvent)) {
        event.originalEvent.preventDefault();
        void zoomIn(true);
      }
    });
    return marker;
  }

  /** A group practice: a list of its clinicians, each one a button, and a close button. */
  private openSite(marker: L.Marker, site: Site, viaKeyboard: boolean): void {
    const closeList = () => {
      marker.closePopup();
      marker.getElement()?.focus();
    };
    const content = document.createElement('div');
    content.className = 'spine-site-popup';
    const heading = document.createElement('p');
    heading.className = 'spine-site-heading';
    heading.textContent = this.options.labels.site(site);
    const list = document.createElement('ul');
    for (const match of site.matches) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'spine-site-member';
      button.textContent = this.options.labels.siteMember(match);
      button.addEventListener('click', (event) => {
        marker.closePopup();
        this.options.onSelect(match.provider.id, event.detail === 0);
      });
      const item = document.createElement('li');
      item.append(button);
      list.append(item);
    }
    content.append(heading, list, closeButton(this.options.labels.closeList, closeList));
    content.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      closeList();
    });
    marker.unbindPopup();
    // Leaflet's own close button is written as HTML: the list carries its own.
    marker.bindPopup(content, { autoPan: true, closeButton: false, maxHeight: 280 }).openPopup();
    if (viaKeyboard) list.querySelector('button')?.focus();
  }

  private styleSelection(): void {
    const selectedSite = this.selectedId === undefined ? undefined : this.siteOfProvider(this.selectedId);
    for (const [key, marker] of this.markers) {
      const selected = key === `site:${selectedSite}`;
      marker.setZIndexOffset(selected ? 1000 : 0);
      const element = marker.getElement();
      if (!element || !key.startsWith('site:')) continue;
      element.classList.toggle('selected', selected);
      element.setAttribute('aria-pressed', String(selected));
    }
  }

  private drawSearchArea(center: GeoPoint | undefined, radiusKm: number | undefined): void {
    this.searchArea?.remove();
    this.searchArea = undefined;
    if (!center || !radiusKm) return;
    this.searchArea = L.circle([center.lat, center.lng], {
      radius: radiusKm * 1000,
      className: 'spine-search-area',
      interactive: false,
      weight: 2,
      fillOpacity: 0.04,
    }).addTo(this.map);
  }

  private clearMarkers(): void {
    this.markerLayer.clearLayers();
    this.markers.clear();
  }
}

function featureKey(feature: MapFeature): string {
  return feature.kind === 'site' ? `site:${feature.site}` : `cluster:${feature.id}`;
}

/**
 * The close button of a group practice's list, where Leaflet puts its own
 * (Leaflet's stylesheet places it by its class): it closes the list and
 * takes focus back to the marker the list belongs to.
 */
function closeButton(label: string, close: () => void): HTMLAnchorElement {
  const button = document.createElement('a');
  button.className = 'leaflet-popup-close-button';
  button.href = '#close';
  button.setAttribute('role', 'button');
  button.setAttribute('aria-label', label);
  const glyph = document.createElement('span');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = '×';
  button.append(glyph);
  button.addEventListener('click', (event) => {
    event.preventDefault();
    close();
  });
  button.addEventListener('keydown', (event) => {
    if (event.key !== ' ') return;
    event.preventDefault();
    close();
  });
  return button;
}

/** The count inside a cluster or site marker, as a DOM node (never HTML text). */
function countElement(count: number): HTMLElement {
  const element = document.createElement('span');
  element.className = 'spine-count';
  element.setAttribute('aria-hidden', 'true');
  element.textContent = count >= 1000 ? `${Math.floor(count / 1000)}k` : String(count);
  return element;
}

/** Text set through the DOM, never as HTML: names come from the data. */
function labelMarker(marker: L.Marker, label: string): void {
  marker.getElement()?.setAttribute('aria-label', label);
}

function isActivationKey(event: KeyboardEvent): boolean {
  return event.key === 'Enter' || event.key === ' ';
}

/** The bounding box of a circle on the map, without adding it first. */
function circleBounds(center: GeoPoint, radiusKm: number): L.LatLngBounds {
  const dLat = radiusKm / KM_PER_DEGREE_LATITUDE;
  const dLng = radiusKm / (KM_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos((center.lat * Math.PI) / 180)));
  return L.latLngBounds([center.lat - dLat, center.lng - dLng], [center.lat + dLat, center.lng + dLng]);
}

function animate(): boolean {
  return !matchMedia('(prefers-reduced-motion: reduce)').matches;
}
