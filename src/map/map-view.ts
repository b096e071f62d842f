import * as L from 'leaflet/dist/leaflet-src.esm.js';
import type { Match } from '../directory/adapter.js';
import type { GeoPoint } from '../directory/schema.js';
import { Basemap } from './basemap.js';

export interface MapViewOptions {
  /** A marker was chosen; `viaKeyboard` when with Enter or Space. */
  onSelect: (id: string, viaKeyboard: boolean) => void;
  /** The accessible name of a marker, e.g. "Ana Lopez, DC, 2.3 miles". */
  markerLabel: (match: Match) => string;
  /** Called once if the offline basemap cannot be loaded. */
  onBasemapError?: (error: unknown) => void;
  /** Called when configured tiles fail and the offline basemap takes over. */
  onTilesFailed?: () => void;
}

/** The contiguous United States, shown before the first search. */
const US_BOUNDS = L.latLngBounds([24.4, -125], [49.5, -66.9]);
const KM_PER_DEGREE_LATITUDE = 111.32;

/**
 * The only place that drives Leaflet. `<spine-map>` owns one of these and
 * feeds it state; it never touches Leaflet itself, so the map code (and
 * Leaflet) loads only when a map is shown.
 */
export class MapView {
  private readonly map: L.Map;
  private readonly markers = new Map<string, L.Marker>();
  private readonly markerLayer = L.layerGroup();
  private searchArea?: L.Circle;
  private readonly basemap: Basemap;
  private selectedId?: string;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    container: HTMLElement,
    private readonly options: MapViewOptions,
  ) {
    const animate = !prefersReducedMotion();
    this.map = L.map(container, {
      zoomAnimation: animate,
      fadeAnimation: animate,
      markerZoomAnimation: animate,
      keyboard: true,
      worldCopyJump: false,
      attributionControl: true,
    });
    this.map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    this.map.fitBounds(US_BOUNDS);
    this.markerLayer.addTo(this.map);

    this.basemap = new Basemap(this.map, { onError: options.onBasemapError, onTilesFailed: options.onTilesFailed });

    // Leaflet measures its container once; tell it when the layout moves.
    this.resizeObserver = new ResizeObserver(() => this.map.invalidateSize({ pan: false }));
    this.resizeObserver.observe(container);
  }

  /** Shows a raster tile layer above the offline basemap, or none. */
  setTiles(url: string | undefined, attribution: string | undefined): void {
    this.basemap.setTiles(url, attribution);
  }

  /** Draws the search area and a marker per match, and fits the map to the area. */
  setResults(matches: readonly Match[], center: GeoPoint | undefined, radiusKm: number | undefined): void {
    this.markerLayer.clearLayers();
    this.markers.clear();
    for (const match of matches) {
      const marker = this.createMarker(match);
      this.markers.set(match.provider.id, marker);
      marker.addTo(this.markerLayer);
    }
    this.searchArea?.remove();
    this.searchArea = undefined;
    if (center && radiusKm) {
      this.searchArea = L.circle([center.lat, center.lng], {
        radius: radiusKm * 1000,
        className: 'spine-search-area',
        interactive: false,
        weight: 2,
        color: '#0b5cad',
        fillOpacity: 0.04,
      }).addTo(this.map);
      this.map.fitBounds(circleBounds(center, radiusKm), { animate: false });
    }
    this.applySelection();
  }

  /** Highlights one marker (and brings it into view), or none. */
  setSelected(id: string | undefined): void {
    const previous = this.selectedId;
    this.selectedId = id;
    if (previous && previous !== id) this.styleMarker(previous, false);
    this.applySelection();
    const marker = id ? this.markers.get(id) : undefined;
    if (marker && id !== previous) {
      this.map.panInside(marker.getLatLng(), { padding: [40, 40], animate: !prefersReducedMotion() });
    }
  }

  /** The element of a provider's marker, for focus and tests. */
  markerElement(id: string): HTMLElement | undefined {
    return this.markers.get(id)?.getElement();
  }

  destroy(): void {
    this.basemap.destroy();
    this.resizeObserver.disconnect();
    this.map.remove();
    this.markers.clear();
  }

  private createMarker(match: Match): L.Marker {
    const id = match.provider.id;
    const label = this.options.markerLabel(match);
    const marker = L.marker([match.provider.location.lat, match.provider.location.lng], {
      icon: L.divIcon({ className: 'spine-marker', html: '', iconSize: [20, 20] }),
      keyboard: true,
      title: label,
      riseOnHover: true,
    });
    marker.on('add', () => {
      const element = marker.getElement();
      if (!element) return;
      // Text set through the DOM, never as HTML: names come from the data.
      element.setAttribute('aria-label', label);
      element.dataset.id = id;
      element.setAttribute('aria-pressed', String(id === this.selectedId));
    });
    marker.on('click', () => this.options.onSelect(id, false));
    marker.on('keydown', (event: L.LeafletKeyboardEvent) => {
      const key = event.originalEvent.key;
      if (key === 'Enter' || key === ' ') {
        event.originalEvent.preventDefault();
        this.options.onSelect(id, true);
      }
    });
    return marker;
  }

  private applySelection(): void {
    if (this.selectedId) this.styleMarker(this.selectedId, true);
  }

  private styleMarker(id: string, selected: boolean): void {
    const marker = this.markers.get(id);
    if (!marker) return;
    marker.setZIndexOffset(selected ? 1000 : 0);
    const element = marker.getElement();
    element?.classList.toggle('selected', selected);
    element?.setAttribute('aria-pressed', String(selected));
  }
}

/** The bounding box of a circle on the map, without adding it first. */
function circleBounds(center: GeoPoint, radiusKm: number): L.LatLngBounds {
  const dLat = radiusKm / KM_PER_DEGREE_LATITUDE;
  const dLng = radiusKm / (KM_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos((center.lat * Math.PI) / 180)));
  return L.latLngBounds([center.lat - dLat, center.lng - dLng], [center.lat + dLat, center.lng + dLng]);
}

function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}
