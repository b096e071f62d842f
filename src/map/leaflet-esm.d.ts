// Leaflet's package main is UMD; the finder imports its ES module build,
// which has the same API as the typed `leaflet` module.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
