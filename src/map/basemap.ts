import type { GeoJsonObject } from 'geojson';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { getAssetsPath } from '../assets.js';

const BASEMAP_PANE = 'spine-basemap';

export interface BasemapOptions {
  /** Configured tiles could not be loaded; the offline basemap shows instead. */
  onTilesFailed?: () => void;
  /** The offline basemap's data could not be loaded. */
  onError?: (error: unknown) => void;
}

/**
 * What the map is drawn on. By default the offline basemap: US states from
 * us-atlas, drawn as vectors from a file beside the script, so the map shows
 * the country on an intranet, offline, or where a host allows no third-party
 * requests. It sits below the tile pane: configured raster tiles cover it
 * when they load and it shows through where they fail.
 */
export class Basemap {
  private readonly load = new AbortController();
  private tileLayer?: L.TileLayer;

  constructor(
    private readonly map: L.Map,
    options: BasemapOptions = {},
  ) {
    if (!map.getPane(BASEMAP_PANE)) map.createPane(BASEMAP_PANE).style.zIndex = '150';
    this.addStates().catch((error: unknown) => {
      if (!this.load.signal.aborted) options.onError?.(error);
    });
  }

  /** Shows a raster XYZ tile layer above the offline basemap, or none. */
  setTiles(url: string | undefined, attribution: string | undefined): void {
    this.tileLayer?.remove();
    this.tileLayer = url
      ? L.tileLayer(url, {
          // The tile server learns which area is viewed, never which page asked.
          referrerPolicy: 'no-referrer',
          crossOrigin: 'anonymous',
          // Leaflet writes attribution as HTML: the host's text is escaped first.
          attribution: attribution ? escapeHtml(attribution) : undefined,
        }).addTo(this.map)
      : undefined;
  }

  destroy(): void {
    this.load.abort();
    this.tileLayer?.remove();
  }

  private async addStates(): Promise<void> {
    const response = await fetch(new URL('basemap/states-10m.json', getAssetsPath()), {
      signal: this.load.signal,
      credentials: 'omit',
    });
    if (!response.ok) throw new Error(`Offline basemap answered HTTP ${response.status}`);
    const topology = (await response.json()) as Topology;
    if (this.load.signal.aborted) return;
    const states = feature(topology, topology.objects.states) as GeoJsonObject;
    L.geoJSON(states, {
      pane: BASEMAP_PANE,
      interactive: false,
      // Colours come from CSS (.spine-state) so hosts can theme them.
      style: { className: 'spine-state', weight: 1, fillOpacity: 1 },
    }).addTo(this.map);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
