/**
 * The browser tests run Leaflet as the drop-in ships it
 * (scripts/lean-leaflet.ts, served by the test runner's lean-leaflet
 * plugin), so a test of the map fails when the finder comes to need a part
 * of Leaflet the build leaves out.
 */
import { expect } from '@open-wc/testing';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import * as tiles from '../../src/map/leaflet-tiles.js';

describe('Leaflet in the tests', () => {
  it('is the lean Leaflet of the drop-in', () => {
    // Parts the finder replaces with its own or never uses.
    expect(L.Control.Zoom).to.equal(undefined);
    expect(L.Control.Attribution).to.equal(undefined);
    expect((L.Map.prototype as unknown as Record<string, unknown>).locate).to.equal(undefined);
    expect((L.Map.prototype as unknown as Record<string, unknown>).flyToBounds).to.equal(undefined);
    expect(L.Browser.ie).to.equal(false);
    // The tile layers are in a module of their own, which the map loads only for a host's tiles.
    expect((L as Record<string, unknown>).TileLayer).to.equal(undefined);
    expect((L as Record<string, unknown>).GridLayer).to.equal(undefined);
  });

  it('keeps what the finder calls', () => {
    expect(L.Map.prototype.setView).to.be.a('function');
    expect(L.Marker.prototype.bindPopup).to.be.a('function');
    expect(tiles.TileLayer.prototype.getTileUrl).to.be.a('function');
    expect(new tiles.GridLayer()).to.be.instanceOf(L.Layer);
  });
});
