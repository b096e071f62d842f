import type { FeatureCollection, Geometry, Position } from 'geojson';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { DATA_REQUEST, getAssetsPath } from '../assets.js';
import type { VectorBasemapColors } from './vector-basemap.js';

const BASEMAP_PANE = 'spine-basemap';
/** Above the states' fill, below every tile layer (Leaflet's tile pane is at 200). */
const COUNTY_PANE = 'spine-basemap-counties';

/**
 * Counties are drawn from this zoom on, where a state fills much of the map
 * and a county is large enough to tell apart. Below it their borders would
 * be a grey mesh, and the country's worth of them a large download.
 */
export const COUNTY_MIN_ZOOM = 7;

/** The offline basemap's colours, for a vector basemap that has none set by the host. */
const DEFAULT_COLORS: VectorBasemapColors = { land: '#f4f3ee', water: '#dce9f3', border: '#8c98a6' };

export interface BasemapOptions {
  /** Configured tiles could not be loaded; the offline basemap shows instead. */
  onTilesFailed?: () => void;
  /** The offline basemap's data could not be loaded. */
  onError?: (error: unknown) => void;
}

export interface VectorBasemapOptions {
  /** Plain text crediting the data; by default the archive's own `attribution`, as text. */
  attribution?: string;
  /** Language of the labels, where the archive has names in it (`name:es`). */
  lang?: string;
}

/** A layer drawn over the offline basemap, as configured by the host. */
type Overlay =
  | { kind: 'vector'; url: string; options: VectorBasemapOptions }
  | { kind: 'raster'; url: string; attribution: string | undefined };

/**
 * What the map is drawn on. By default the offline basemap: US states from
 * us-atlas, drawn as vectors from a file beside the script, so the map shows
 * the country on an intranet, offline, or where a host allows no third-party
 * requests; zoomed in, the borders of the counties in view, one small file
 * per state. It sits below the tile pane: a configured basemap covers it
 * when it loads and it shows through where it fails.
 *
 * A host may configure two basemaps: a self-hosted vector one (a PMTiles
 * archive, `setVectorBasemap`) and raster XYZ tiles (`setTiles`). At most
 * one is shown, the vector one first; one that fails is removed, reported
 * once through `onTilesFailed`, and the next one down takes over, down to
 * the offline basemap.
 */
export class Basemap {
  private readonly load = new AbortController();
  private readonly stateBoxes: Promise<Map<string, L.LatLngBounds[]>>;
  private readonly counties = L.layerGroup();
  private readonly countyShards = new Map<string, Promise<void>>();
  private countiesInView: Promise<void> = Promise.resolve();
  /** Configured URLs that failed: reported once, and not asked again while this map lives. */
  private readonly failedUrls = new Set<string>();
  private raster?: Overlay;
  private vector?: Overlay;
  private overlay?: Overlay;
  private overlayLayer?: L.GridLayer;
  private overlayLoad?: AbortController;

  constructor(
    private readonly map: L.Map,
    private readonly options: BasemapOptions = {},
  ) {
    if (!map.getPane(BASEMAP_PANE)) map.createPane(BASEMAP_PANE).style.zIndex = '150';
    if (!map.getPane(COUNTY_PANE)) map.createPane(COUNTY_PANE).style.zIndex = '160';
    this.stateBoxes = this.addStates();
    this.stateBoxes.catch((error: unknown) => {
      if (!this.load.signal.aborted) options.onError?.(error);
    });
    map.on('moveend', this.handleMoveEnd);
    this.updateCounties();
  }

  /** Shows a raster XYZ tile layer above the offline basemap, or none. */
  setTiles(url: string | undefined, attribution: string | undefined): void {
    this.raster = url ? { kind: 'raster', url, attribution } : undefined;
    this.updateOverlay();
  }

  /**
   * Draws the map from a PMTiles archive of vector tiles (the Protomaps
   * basemap layers: earth, water, roads, places…), or stops. The archive is
   * read with HTTP Range requests, without cookies or Referer; the code that
   * draws it loads only now.
   */
  setVectorBasemap(url: string | undefined, options: VectorBasemapOptions = {}): void {
    this.vector = url ? { kind: 'vector', url, options } : undefined;
    this.updateOverlay();
  }

  /** Resolves once the county files for the current view have arrived (or failed): for tests and demos. */
  async whenCountiesLoaded(): Promise<void> {
    await this.countiesInView;
    await Promise.allSettled(this.countyShards.values());
  }

  destroy(): void {
    this.load.abort();
    this.overlayLoad?.abort();
    this.overlayLayer?.remove();
    this.counties.remove();
    this.map.off('moveend', this.handleMoveEnd);
  }

  private readonly handleMoveEnd = () => this.updateCounties();

  /** The configured basemap to show: the vector one, else raster tiles, skipping any that failed. */
  private chooseOverlay(): Overlay | undefined {
    return [this.vector, this.raster].find((overlay) => overlay && !this.failedUrls.has(overlay.url));
  }

  private updateOverlay(): void {
    const next = this.chooseOverlay();
    if (sameOverlay(next, this.overlay)) return;
    this.overlayLoad?.abort();
    this.overlayLayer?.remove();
    this.overlayLayer = undefined;
    this.overlay = next;
    this.updateCounties();
    if (!next) return;
    const load = (this.overlayLoad = new AbortController());
    const shown =
      next.kind === 'raster' ? this.loadRasterTiles(next, load.signal) : this.loadVectorBasemap(next, load.signal);
    shown.catch((error: unknown) => {
      if (load.signal.aborted) return;
      console.warn(`spine-finder: the ${next.kind} basemap could not be read, so the offline basemap shows.`, error);
      this.handleOverlayFailed(next);
    });
  }

  /** Leaflet's tile layers load only now: a map without tiles never needs them. */
  private async loadRasterTiles(overlay: Overlay & { kind: 'raster' }, signal: AbortSignal): Promise<void> {
    const { tileLayer } = await import('./leaflet-tiles.js');
    if (signal.aborted) return;
    this.showOverlay(
      overlay,
      tileLayer(overlay.url, {
        // The tile server learns which area is viewed, never which page asked.
        referrerPolicy: 'no-referrer',
        crossOrigin: 'anonymous',
        // Plain text: the map's AttributionControl shows it as text, never as markup.
        attribution: overlay.attribution?.trim() || undefined,
      }),
    );
  }

  private async loadVectorBasemap(overlay: Overlay & { kind: 'vector' }, signal: AbortSignal): Promise<void> {
    const { createVectorBasemapLayer } = await import('./vector-basemap.js');
    if (signal.aborted) return;
    const { layer, attribution } = await createVectorBasemapLayer(overlay.url, {
      signal,
      lang: overlay.options.lang,
      colors: this.themeColors(),
    });
    if (signal.aborted) return;
    layer.options.attribution = (overlay.options.attribution ?? attribution)?.trim() || undefined;
    this.showOverlay(overlay, layer);
  }

  private showOverlay(overlay: Overlay, layer: L.GridLayer): void {
    watchTileFailures(layer, () => {
      if (this.overlayLayer === layer) this.handleOverlayFailed(overlay);
    });
    this.overlayLayer = layer.addTo(this.map);
  }

  private handleOverlayFailed(overlay: Overlay): void {
    if (this.load.signal.aborted || this.failedUrls.has(overlay.url)) return;
    this.failedUrls.add(overlay.url);
    this.options.onTilesFailed?.();
    this.updateOverlay();
  }

  /** The host's --spine-map-* colours, so a vector basemap matches the offline one. */
  private themeColors(): VectorBasemapColors {
    const style = getComputedStyle(this.map.getContainer());
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    return {
      land: read('--spine-map-land', DEFAULT_COLORS.land),
      water: read('--spine-map-water', DEFAULT_COLORS.water),
      border: read('--spine-map-border', DEFAULT_COLORS.border),
    };
  }

  /**
   * Shows the county borders of the states in view when zoomed in and
   * nothing covers the offline basemap, loading each state's file the first
   * time it comes into view; hides them otherwise.
   */
  private updateCounties(): void {
    if (this.load.signal.aborted) return;
    if (this.overlay || this.map.getZoom() < COUNTY_MIN_ZOOM) {
      this.counties.remove();
      return;
    }
    this.counties.addTo(this.map);
    this.countiesInView = this.stateBoxes.then(
      (boxes) => {
        if (this.load.signal.aborted || !this.map.hasLayer(this.counties)) return;
        const view = this.map.getBounds();
        for (const [state, stateBoxes] of boxes) {
          if (stateBoxes.some((box) => box.intersects(view))) this.loadCountyShard(state);
        }
      },
      // Without states the offline basemap has already reported its failure.
      () => undefined,
    );
  }

  private loadCountyShard(state: string): void {
    if (this.countyShards.has(state)) return;
    // A shard that fails stays failed: that state shows no counties on this
    // map rather than being asked for again on every move.
    const shard = this.fetchTopology(`basemap/counties/${state}.json`).then((topology) => {
      if (!topology) return;
      L.geoJSON(feature(topology, topology.objects.borders), {
        pane: COUNTY_PANE,
        interactive: false,
        // Colours come from CSS (.spine-county) so hosts can theme them.
        style: { className: 'spine-county', weight: 1, fill: false },
      }).addTo(this.counties);
    });
    shard.catch((error: unknown) => {
      if (!this.load.signal.aborted) console.warn(`spine-finder: county borders of state ${state} not loaded.`, error);
    });
    this.countyShards.set(state, shard);
  }

  /** Draws the states and resolves with the boxes around each state's polygons, by state FIPS code. */
  private async addStates(): Promise<Map<string, L.LatLngBounds[]>> {
    const topology = await this.fetchTopology('basemap/states-10m.json');
    const boxes = new Map<string, L.LatLngBounds[]>();
    if (!topology) return boxes;
    const states = feature(topology, topology.objects.states) as FeatureCollection;
    L.geoJSON(states, {
      pane: BASEMAP_PANE,
      interactive: false,
      // Colours come from CSS (.spine-state) so hosts can theme them.
      style: { className: 'spine-state', weight: 1, fillOpacity: 1 },
    }).addTo(this.map);
    for (const state of states.features) {
      if (state.id !== undefined) boxes.set(String(state.id), polygonBoxes(state.geometry));
    }
    return boxes;
  }

  /** A TopoJSON data file of the offline basemap, or undefined once the map is gone. */
  private async fetchTopology(path: string): Promise<Topology | undefined> {
    const response = await fetch(new URL(path, getAssetsPath()), { ...DATA_REQUEST, signal: this.load.signal });
    if (!response.ok) throw new Error(`Offline basemap file ${path} answered HTTP ${response.status}`);
    const topology = (await response.json()) as Topology;
    return this.load.signal.aborted ? undefined : topology;
  }
}

/**
 * Calls back once a tile layer is failing: when a view's tiles have all
 * settled (Leaflet's `load`) and more of them failed than loaded. One bad
 * tile among many is left alone (the offline basemap shows through its
 * gap); a server that is down, refuses the page, or answers with something
 * that is not a tile fails every tile of the first view.
 */
function watchTileFailures(layer: L.GridLayer, onFailing: () => void): void {
  let loaded = 0;
  let failed = 0;
  layer.on('loading', () => {
    loaded = 0;
    failed = 0;
  });
  layer.on('tileload', () => (loaded += 1));
  layer.on('tileerror', () => (failed += 1));
  layer.on('load', () => {
    // Later: Leaflet goes on using the layer after firing `load`, so it must not be removed during it.
    if (failed > loaded) setTimeout(onFailing);
  });
}

function sameOverlay(a: Overlay | undefined, b: Overlay | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'raster' && b.kind === 'raster') return a.url === b.url && a.attribution === b.attribution;
  if (a.kind === 'vector' && b.kind === 'vector') {
    return a.url === b.url && a.options.attribution === b.options.attribution && a.options.lang === b.options.lang;
  }
  return false;
}

/** One box per polygon, so a state of islands (Alaska, Hawaii) is not one box spanning the ocean. */
function polygonBoxes(geometry: Geometry | null): L.LatLngBounds[] {
  const outerRings: Position[][] =
    geometry?.type === 'Polygon'
      ? geometry.coordinates.slice(0, 1)
      : geometry?.type === 'MultiPolygon'
        ? geometry.coordinates.map((polygon) => polygon[0])
        : [];
  return outerRings
    .filter((ring) => ring && ring.length > 0)
    .map((ring) => L.latLngBounds(ring.map(([lng, lat]) => L.latLng(lat, lng))));
}
