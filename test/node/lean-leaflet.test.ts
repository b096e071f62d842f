/**
 * Leaflet as the drop-in ships it (scripts/lean-leaflet.ts), on Leaflet's
 * own module: still JavaScript, line for line; methods cut only when nothing
 * names them; and a loud failure, not a half-trimmed Leaflet, when a text it
 * expects has changed. The browser tests run the same lean Leaflet
 * (test/map/lean-leaflet.test.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { leanLeafletSource, leanLeafletStyles, splitTiles, wordsOfSources } from '../../scripts/lean-leaflet.js';

const LEAFLET = readFileSync(fileURLToPath(import.meta.resolve('leaflet/dist/leaflet-src.esm.js')), 'utf8');
const LEAFLET_CSS = readFileSync(fileURLToPath(import.meta.resolve('leaflet/dist/leaflet.css')), 'utf8');
const SOURCES = wordsOfSources(fileURLToPath(new URL('../../src', import.meta.url)));

const defines = (code: string, method: string) => new RegExp(`^\\t${method}: function \\(`, 'm').test(code);

describe('lean Leaflet', () => {
  const lean = leanLeafletSource(LEAFLET, SOURCES);

  it('is still JavaScript, with every line where it was', () => {
    const { diagnostics } = ts.transpileModule(lean, { reportDiagnostics: true, fileName: 'leaflet.js' });
    assert.deepEqual(
      diagnostics?.map((diagnostic) => diagnostic.messageText),
      [],
    );
    assert.equal(lean.split('\n').length, LEAFLET.split('\n').length);
    assert.ok(lean.length < LEAFLET.length * 0.95, `${lean.length} of ${LEAFLET.length} characters`);
  });

  it('keeps the methods the finder names and cuts those nobody names', () => {
    for (const kept of ['setView', 'fitBounds', 'bindPopup', 'openPopup', 'latLngToContainerPoint', 'createTile']) {
      assert.ok(defines(lean, kept), kept);
    }
    for (const cut of ['flyToBounds', 'locate', 'toBBoxString', 'bindTooltip', 'setMinZoom']) {
      assert.ok(defines(LEAFLET, cut) && !defines(lean, cut), cut);
    }
    // A method cut only because nothing named it comes back when something does.
    assert.ok(defines(leanLeafletSource(LEAFLET, new Set([...SOURCES, 'toBBoxString'])), 'toBBoxString'));
    // Flying goes though GridLayer reads `flyTo` on its events; the build fails if the finder comes to fly.
    assert.ok(defines(LEAFLET, 'flyTo') && !defines(lean, 'flyTo'));
    for (const flying of ['flyTo', 'flyToBounds']) {
      assert.throws(() => leanLeafletSource(LEAFLET, new Set([...SOURCES, flying])), /flyTo is called/);
    }
  });

  it('reads the tests for browsers that cannot run ES2022 as false', () => {
    assert.match(LEAFLET, /var ie = 'ActiveXObject' in window;/);
    assert.match(lean, /var ie = false;/);
    assert.doesNotMatch(lean, /Browser\.(?:ie|ielt9|edge|vml|msPointer)\b/);
  });

  it('fails, naming the text, when Leaflet no longer has what a rewrite expects', () => {
    assert.throws(
      () => leanLeafletSource(LEAFLET.replace('Control.Zoom = Zoom;', ''), SOURCES),
      /expected one Control\.Zoom = Zoom;, found 0/,
    );
    assert.throws(
      () => leanLeafletSource(LEAFLET.replace('var opera = !!window.opera;', 'var opera = !!window.opera2;'), SOURCES),
      /var opera = !!window\.opera;/,
    );
  });

  it('moves the tile layers to a module of their own, which imports what it uses of the rest', () => {
    const { leaflet, tiles } = splitTiles(lean);
    for (const code of [leaflet, tiles]) {
      const { diagnostics } = ts.transpileModule(code, { reportDiagnostics: true, fileName: 'module.js' });
      assert.deepEqual(
        diagnostics?.map((diagnostic) => diagnostic.messageText),
        [],
      );
    }
    assert.equal(leaflet.split('\n').length, LEAFLET.split('\n').length);
    assert.match(tiles, /^var GridLayer = /m);
    assert.match(tiles, /^var TileLayer = /m);
    assert.doesNotMatch(leaflet, /^var (?:GridLayer|TileLayer) = /m);
    assert.match(tiles, /^export \{ GridLayer, TileLayer, gridLayer, tileLayer \};$/m);

    // Every name the tiles' module imports, Leaflet's module exports under the same name of its own.
    const imported = [...tiles.split('\n')[0].matchAll(/(_tiles_[\w$]+) as ([\w$]+)/g)];
    const exported = new Set(
      [...leaflet.matchAll(/([\w$]+) as (_tiles_[\w$]+)/g)].map(([, local, name]) => `${name}=${local}`),
    );
    assert.ok(imported.length > 10);
    for (const [, name, local] of imported) assert.ok(exported.has(`${name}=${local}`), name);
    const names = imported.map(([, , local]) => local);
    assert.ok(names.includes('Layer') && names.includes('setPosition'));
    // A function's local that shares a top-level name (`zoom`, `scale`) is not taken for it.
    assert.ok(!names.includes('zoom') && !names.includes('scale'), names.join(' '));
    assert.doesNotMatch(
      leaflet.slice(leaflet.lastIndexOf('export {')),
      /\b(?:GridLayer|TileLayer|gridLayer|tileLayer)\b/,
    );
  });

  it('refuses to move the tile layers when the rest of Leaflet uses them', () => {
    const usesGridLayer = lean.replace('var Renderer = ', 'var usesTiles = GridLayer;\nvar Renderer = ');
    assert.throws(() => splitTiles(usesGridLayer), /GridLayer is used outside its tile layers/);
  });

  it("drops the stylesheet's rules for what is left out, and its unused icons", () => {
    const css = leanLeafletStyles(LEAFLET_CSS);
    assert.match(LEAFLET_CSS, /\.leaflet-tooltip\b/);
    assert.doesNotMatch(css, /\.leaflet-tooltip\b|images\/layers/);
    assert.match(css, /\.leaflet-popup-content-wrapper\b/);
    assert.throws(() => leanLeafletStyles(LEAFLET_CSS.replace(/images\/layers\.png/, 'x.png')), /icons expected/);
  });
});
