import type { GeoJsonObject } from 'geojson';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { getAssetsPath } from '../assets.js';

const BASEMAP_PANE = 'spine-basemap';

/**
 * The offline basemap: US states from us-atlas, drawn as vectors from a file
 * beside the script. It needs no tile server, so the map shows the country
 * on an intranet, offline, or where a host allows no third-party requests.
 * It sits below the tile pane: configured tiles cover it when they load and
 * it shows through where they fail.
 */
export async function addOfflineBasemap(map: L.Map, signal: AbortSignal): Promise<L.Layer | undefined> {
  const response = await fetch(new URL('basemap/states-10m.json', getAssetsPath()), {
    signal,
    credentials: 'omit',
  });
  if (!response.ok) throw new Error(`Offline basemap answered HTTP ${response.status}`);
  const topology = (await response.json()) as Topology;
  if (signal.aborted) return undefined;

  if (!map.getPane(BASEMAP_PANE)) {
    const pane = map.createPane(BASEMAP_PANE);
    pane.style.zIndex = '150';
  }
  const states = feature(topology, topology.objects.states) as GeoJsonObject;
  return L.geoJSON(states, {
    pane: BASEMAP_PANE,
    interactive: false,
    // Colours come from CSS (.spine-state) so hosts can theme them.
    style: { className: 'spine-state', weight: 1, fillOpacity: 1 },
  }).addTo(map);
}

/** A raster XYZ layer that tells nobody which page asked for its tiles. */
export function addTileLayer(map: L.Map, url: string, attribution: string | undefined): L.TileLayer {
  return L.tileLayer(url, {
    referrerPolicy: 'no-referrer',
    crossOrigin: 'anonymous',
    // Leaflet writes attribution as HTML: the host's text is escaped first.
    attribution: attribution ? escapeHtml(attribution) : undefined,
  }).addTo(map);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
