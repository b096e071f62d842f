/**
 * Leaflet's tile layers, which the map needs only when a host sets
 * `tile-url` (raster tiles) or `basemap` (a vector basemap): the map imports
 * them from here, lazily. In the drop-in's build this module holds their code
 * itself, moved out of Leaflet's module (scripts/lean-leaflet.ts), so a page
 * without tiles never downloads it; elsewhere (the dev server, the npm
 * package) it is Leaflet's own.
 */
export { GridLayer, TileLayer, gridLayer, tileLayer } from 'leaflet/dist/leaflet-src.esm.js';
