/**
 * Leaflet as the drop-in ships it (scripts/vite-plugin-drop-in.ts), and as
 * the browser tests run it (scripts/test-runner-plugins.ts), so the tests
 * exercise what is shipped: Leaflet 1.9 without the parts the map never uses,
 * to keep within the size budgets (scripts/size-budget.ts).
 *
 * - Statements and `include` blocks that attach unused parts to the parts
 *   the map uses are cut; with Leaflet's classes marked pure, the bundler
 *   then leaves those parts out.
 * - Browser tests for Internet Explorer, the old Edge, Opera 12, PhantomJS,
 *   Android 2 and 3 and VML read false: the drop-in is ES2022, which none of
 *   them runs, so the branches for them go too.
 * - Methods that neither the rest of Leaflet nor the finder's sources name
 *   anywhere are cut, until none is left (removing one can leave another
 *   unnamed): the finder calls a few dozen of Leaflet's hundreds.
 * - Leaflet's private members (`_map`, `_latlng`…: a leading underscore)
 *   get the shortest names free, the most used first. The minifier shortens
 *   local names but never a property's, and Leaflet's code is mostly
 *   `this._something`.
 * - The tile layers (GridLayer, TileLayer), which only a host's `tile-url`
 *   or `basemap` needs, move to a module of their own (`splitTiles`), which
 *   the map loads only then.
 *
 * Each rewrite names the exact text it expects and throws when it is not
 * there once, so a Leaflet upgrade is looked at rather than shipped
 * half-trimmed. What is cut leaves its line breaks behind, so Leaflet's
 * source map still fits line by line. The package build (lib/) leaves
 * Leaflet to the host's bundler, whole.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';

export const LEAFLET_MODULE = /\/leaflet\/dist\/leaflet-src\.esm\.js$/;
export const LEAFLET_CSS = /\/leaflet\/dist\/leaflet\.css(\?|$)/;
/** The module the tile layers move to: Leaflet's own tile layers, re-exported, until the build fills it. */
const TILES_MODULE = /\/src\/map\/leaflet-tiles\.ts$/;
const LEAFLET_SPECIFIER = 'leaflet/dist/leaflet-src.esm.js';

/**
 * Statements that attach parts of Leaflet the map does not use to the parts
 * it does: the layers, scale, zoom and attribution controls (the finder has
 * its own zoom and attribution controls, src/map/controls.ts), WMS tiles,
 * the touch-and-hold `contextmenu` (nothing listens for it), the projections
 * other than Web Mercator, export to GeoJSON, the default marker icon (every
 * marker of the finder is a `divIcon`) and box zoom.
 */
const UNUSED_STATEMENTS = [
  'Control.Layers = Layers;',
  'Control.Zoom = Zoom;',
  'Control.Scale = Scale;',
  'Control.Attribution = Attribution;',
  'control.layers = layers;',
  'control.zoom = zoom;',
  'control.scale = scale;',
  'control.attribution = attribution;',
  'TileLayer.WMS = TileLayerWMS;',
  'tileLayer.wms = tileLayerWMS;',
  "Map.addInitHook('addHandler', 'tapHold', TapHold);",
  'Map.TapHold = TapHold;',
  'CRS.EPSG3395 = EPSG3395;',
  'CRS.EPSG4326 = EPSG4326;',
  'CRS.Simple = Simple;',
  // Before Marker's, whose text it holds.
  'CircleMarker.include(PointToGeoJSON);',
  'Marker.include(PointToGeoJSON);',
  'Circle.include(PointToGeoJSON);',
  'Icon.Default = IconDefault;',
  'icon: new IconDefault(),',
  // Zooming to a box drawn with Shift and the mouse: the buttons, the wheel, a double click, a pinch and + / − zoom.
  "Map.addInitHook('addHandler', 'boxZoom', BoxZoom);",
  'Map.BoxZoom = BoxZoom;',
  // Only asks whether a page's own code includes Leaflet's old `L.Mixin.Events`.
  'checkDeprecatedMixinEvents(props.includes);',
];

/** `include` blocks and init hooks that hook unused parts into every map and layer, by how they start. */
const UNUSED_BLOCKS = [
  // The default zoom and attribution controls.
  /\r?\nMap\.addInitHook\(function \(\) \{\r?\n\tif \(this\.options\.zoomControl\) \{[^]*?\r?\n\}\);\r?\n/,
  /\r?\nMap\.addInitHook\(function \(\) \{\r?\n\tif \(this\.options\.attributionControl\) \{[^]*?\r?\n\}\);\r?\n/,
  // Tooltips.
  /\r?\nMap\.include\(\{\r?\n\r?\n\t\/\/ @method openTooltip[^]*?\r?\n\}\);\r?\n/,
  /\r?\nLayer\.include\(\{\r?\n\r?\n\t\/\/ @method bindTooltip[^]*?\r?\n\}\);\r?\n/,
  // Export to GeoJSON.
  /\r?\nPolyline\.include\(\{\r?\n\ttoGeoJSON: [^]*?\r?\n\}\);\r?\n/,
  /\r?\nPolygon\.include\(\{\r?\n\ttoGeoJSON: [^]*?\r?\n\}\);\r?\n/,
  /\r?\nLayerGroup\.include\(\{\r?\n\ttoMultiPoint: [^]*?\r?\n\}\);\r?\n/,
  // Where a line's or a shape's popup would open: the finder opens popups on markers only.
  /\r?\n\tgetCenter: function \(\) \{\r?\n(?:(?!\r?\n\t\})[^])*?\r?\n\t\treturn polylineCenter\([^\n]*\n\t\},/,
  /\r?\n\tgetCenter: function \(\) \{\r?\n(?:(?!\r?\n\t\})[^])*?\r?\n\t\treturn polygonCenter\([^\n]*\n\t\},/,
  // WMS tiles (their `TileLayer.WMS` and `tileLayer.wms` are cut above).
  /\r?\nvar TileLayerWMS = TileLayer\.extend\(\{\r?\n[^]*?\r?\n\}\);\r?\n/,
  /\r?\nfunction tileLayerWMS\(url, options\) \{\r?\n[^]*?\r?\n\}\r?\n/,
  // Internet Explorer's VML.
  /\r?\nif \(Browser\.vml\) \{\r?\n\tSVG\.include\(vmlMixin\);\r?\n\}\r?\n/,
];

/** Other rewrites: what Leaflet says, and what the drop-in says instead. */
const REWRITES: Array<[string, string]> = [
  // Paths are drawn as SVG unless a map asks for canvas with `preferCanvas`, which ours never does.
  ['return (this.options.preferCanvas && canvas(options)) || svg(options);', 'return svg(options);'],
  // Every marker gets a drag handler, though none of the finder's markers can be dragged.
  ['\t\tif (MarkerDrag) {', '\t\tif (false) {'],
  // Keeping the view inside `maxBounds`, an option the finder's map never sets.
  ['\t\t\tthis.setMaxBounds(options.maxBounds);', ''],
  ["if (this.options.maxBounds) { this.off('moveend', this._panInsideMaxBounds); }", ''],
  // Stopping the watch on the position that `map.locate` (cut, below) would start.
  ['\t\t\tthis.stopLocate();', ''],
  // Browsers that cannot run ES2022.
  ["var ie = 'ActiveXObject' in window;", 'var ie = false;'],
  ["var edge = 'msLaunchUri' in navigator && !('documentMode' in document);", 'var edge = false;'],
  ["var android23 = userAgentContains('android 2') || userAgentContains('android 3');", 'var android23 = false;'],
  ['var webkitVer = parseInt(/WebKit\\/([0-9]+)|$/.exec(navigator.userAgent)[1], 10); // also matches AppleWebKit', ''],
  [
    "var androidStock = android && userAgentContains('Google') && webkitVer < 537 && !('AudioNode' in window);",
    'var androidStock = false;',
  ],
  ['var opera = !!window.opera;', 'var opera = false;'],
  ["var phantom = userAgentContains('phantom');", 'var phantom = false;'],
  ["var opera12 = 'OTransition' in style;", 'var opera12 = false;'],
  ['var msPointer = !window.PointerEvent && window.MSPointerEvent;', 'var msPointer = false;'],
  ["var svg$1 = !!(document.createElementNS && svgCreate('svg').createSVGRect);", 'var svg$1 = true;'],
];

/**
 * `Browser.ie` and the like are properties, which the minifier does not
 * fold: read them as the constants they now are.
 */
const OLD_BROWSER_FLAG =
  /\bBrowser\.(?:ie|ielt9|edge|android23|androidStock|opera|opera12|phantom|ie3d|msPointer|mobileOpera|vml)\b/g;

/**
 * A class made with `Base.extend({…})` or `extend({}, Base, {…})` is only a
 * call to the bundler, which keeps any call it cannot see through; making
 * one has no effect beyond the class itself.
 */
const CLASS_DEFINITION = /^var (\w+) = ((?:\w+\.)?extend\()/gm;

/**
 * Making a `Bounds` or a transformation has no effect beyond it, but the
 * bundler cannot tell, and would keep the unused projections and coordinate
 * systems whose bounds and transformations are made as Leaflet loads.
 */
const MADE_WITHOUT_EFFECTS = /\bnew Bounds\(|\btoTransformation\(|(?<=\ttransformation: )\(function \(\) \{/g;

/**
 * Methods the language, the browser or Leaflet's class machinery
 * (`initialize`) call by name, which need not be named in code.
 */
const CALLED_IMPLICITLY = new Set(['toString', 'valueOf', 'toJSON', 'handleEvent', 'initialize']);

/**
 * Methods cut though Leaflet still uses their names for something else:
 * GridLayer reads `flyTo` on move events (which then never have it). The
 * build fails if anything still calls one.
 */
const CUT_METHODS = ['flyTo'];

/**
 * Names in the finder's sources that are its own methods, not calls to
 * Leaflet's: `SearchController.locate` turns the text typed into a place,
 * while Leaflet's `map.locate` would ask the browser for the person's
 * position, which the finder does only when they press "Use my location".
 */
const NOT_LEAFLETS = new Set(['locate']);

/**
 * A method of a class or mixin, as Leaflet writes them: one tab in, up to
 * the line that closes it at the same depth, with the comments above it.
 */
const methodDefinition = (name: string) =>
  new RegExp(
    `(?:\\r?\\n\\t// [^\\n]*)*\\r?\\n\\t${name.replace(/\$/g, '\\$')}: function \\([^)]*\\) \\{[ \\t]*(?://[^\\n]*)?\\r?\\n[^]*?\\r?\\n\\t\\},?(?=\\r?\\n)`,
    'g',
  );

const METHOD_NAME = /^\t([A-Za-z_$][\w$]*): function \(/gm;

/** What stands for cut text: its line breaks, so the lines after it keep their numbers (and the source map fits). */
function lineBreaksOf(text: string): string {
  return '\n'.repeat(text.split('\n').length - 1);
}

/** The code without its comments, near enough to count the names in it. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[^]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
}

function countWords(code: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word] of code.matchAll(/[A-Za-z_$][\w$]*/g)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * Leaflet's module as the finder ships it, in one piece. `named` holds every
 * name in the finder's own sources (`wordsOfSources`): a method any of them
 * names is kept.
 */
export function leanLeafletSource(code: string, named: ReadonlySet<string>): string {
  let lean = code;
  const cut = (what: string | RegExp, by?: string) => {
    const found =
      typeof what === 'string' ? lean.split(what).length - 1 : (lean.match(new RegExp(what, 'g'))?.length ?? 0);
    if (found !== 1) throw new Error(`Leaflet has changed: expected one ${what}, found ${found}`);
    lean = lean.replace(what, (text) => by ?? lineBreaksOf(text));
  };
  for (const statement of UNUSED_STATEMENTS) cut(statement);
  for (const block of UNUSED_BLOCKS) cut(block);
  for (const [text, by] of REWRITES) cut(text, by);
  lean = lean.replace(OLD_BROWSER_FLAG, 'false');
  lean = withoutUnnamedMethods(lean, named);
  for (const name of CUT_METHODS) {
    if (named.has(name) || new RegExp(`\\.${name}\\(`).test(withoutComments(lean))) {
      throw new Error(`Leaflet's ${name} is called, but the drop-in's Leaflet leaves it out (scripts/lean-leaflet.ts)`);
    }
    cut(methodDefinition(name));
  }
  lean = withShortPrivateNames(lean, named);
  return lean.replace(CLASS_DEFINITION, 'var $1 = /*#__PURE__*/ $2').replace(MADE_WITHOUT_EFFECTS, '/*#__PURE__*/ $&');
}

/**
 * Cuts methods that no code names but their own, round after round, and
 * throws if it cannot cut what it counted.
 */
function withoutUnnamedMethods(code: string, named: ReadonlySet<string>): string {
  let lean = code;
  for (;;) {
    const bare = withoutComments(lean);
    const words = countWords(bare);
    const defined = new Set([...bare.matchAll(METHOD_NAME)].map(([, name]) => name));
    const unnamed = [...defined].filter((name) => {
      if ((named.has(name) && !NOT_LEAFLETS.has(name)) || CALLED_IMPLICITLY.has(name)) return false;
      const own = bare.match(methodDefinition(name)) ?? [];
      const namedInOwn = own.reduce((sum, text) => sum + (countWords(text).get(name) ?? 0), 0);
      return words.get(name) === namedInOwn;
    });
    if (unnamed.length === 0) return lean;
    for (const name of unnamed) {
      const pattern = methodDefinition(name);
      const expected = bare.match(pattern)?.length ?? 0;
      const found = lean.match(pattern)?.length ?? 0;
      if (found !== expected) throw new Error(`Leaflet's method ${name} is defined ${expected} times, ${found} cut`);
      lean = lean.replace(pattern, lineBreaksOf);
    }
  }
}

/**
 * A private member of Leaflet's, as it names them. Two underscores are the
 * language's (`__proto__`) or Leaflet's class plumbing (`__super__`): left
 * alone.
 */
const PRIVATE_NAME = /^_[A-Za-z]/;
/** No `$`: Lit names its own private members `_$…`. */
const NAME_CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Every private name in Leaflet, as a name or as a string (Leaflet writes
 * `'_leaflet_id' in obj` and `obj[eventsKey]`), renamed alike, so the module
 * reads them as before. A name the finder's sources use (`_animatingZoom`)
 * keeps its name, and no new name is one already in Leaflet or in them.
 */
function withShortPrivateNames(code: string, named: ReadonlySet<string>): string {
  const source = ts.createSourceFile('leaflet.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const places: Array<{ start: number; end: number; name: string }> = [];
  const taken = new Set(named);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isStringLiteral(node)) {
      taken.add(node.text);
      // A string's text sits between its quotes.
      const quote = ts.isStringLiteral(node) ? 1 : 0;
      if (PRIVATE_NAME.test(node.text) && !named.has(node.text)) {
        places.push({ start: node.getStart(source) + quote, end: node.end - quote, name: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const uses = new Map<string, number>();
  for (const { name } of places) uses.set(name, (uses.get(name) ?? 0) + 1);
  const shortNames = (function* () {
    for (let length = 1; ; length += 1) {
      const suffixes = (n: number): string[] =>
        n === 0 ? [''] : suffixes(n - 1).flatMap((rest) => [...NAME_CHARACTERS].map((c) => rest + c));
      for (const suffix of suffixes(length)) if (!taken.has(`_${suffix}`)) yield `_${suffix}`;
    }
  })();
  const renamed = new Map<string, string>();
  for (const [name] of [...uses].sort((a, b) => b[1] - a[1])) renamed.set(name, shortNames.next().value!);
  let short = code;
  for (const { start, end, name } of places.sort((a, b) => b.start - a.start)) {
    if (code.slice(start, end) !== name) throw new Error(`Leaflet's ${name} is not where it was parsed`);
    short = short.slice(0, start) + renamed.get(name) + short.slice(end);
  }
  return short;
}

/** The layers control's and default marker's icons, as data: URLs: neither is ever shown. */
const UNUSED_ICON = /url\(images\/(?:layers|layers-2x|marker-icon)\.png\)/g;
const UNUSED_ICONS = 3;

/**
 * Selectors of Leaflet's stylesheet for what the drop-in leaves out of
 * Leaflet (above) or never makes: a rule keeps its other selectors, and
 * goes when none is left.
 */
const UNUSED_STYLE =
  /\.leaflet-(?:tooltip|control-layers|control-scale|image-layer|vml-shape|oldie|default-icon-path|zoom-box|crosshair)\b|\blvml\b/;

/**
 * Leaflet's stylesheet without the selectors `UNUSED_STYLE` names. Its rules
 * are flat, but for one `@media print` block whose rule is read the same way.
 */
export function leanLeafletStyles(css: string): string {
  const icons = css.match(UNUSED_ICON)?.length ?? 0;
  if (icons !== UNUSED_ICONS)
    throw new Error(`Leaflet's stylesheet has ${icons} of the ${UNUSED_ICONS} icons expected`);
  return css
    .replace(UNUSED_ICON, 'none')
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/([^{}@;]+)\{([^{}]*)\}/g, (rule, selectors: string, body: string) => {
      const all = selectors.split(',').map((selector) => selector.trim());
      const kept = all.filter((selector) => !UNUSED_STYLE.test(selector));
      if (kept.length === all.length) return rule;
      return kept.length === 0 ? '' : `\n${kept.join(',\n')} {${body}}`;
    });
}

/** Leaflet's module and the tile layers' module, as the drop-in ships them. */
export interface LeanLeafletModules {
  leaflet: string;
  tiles: string;
}

/** Leaflet's module as the finder ships it, read from node_modules, split in two (`splitTiles`). */
function leanLeafletModules(named: ReadonlySet<string>): LeanLeafletModules {
  const path = createRequire(import.meta.url).resolve(LEAFLET_SPECIFIER);
  return splitTiles(leanLeafletSource(readFileSync(path, 'utf8'), named));
}

const made = new Map<string, LeanLeafletModules>();

/**
 * What the build and the test runner serve for a module: lean Leaflet for
 * Leaflet's module, the tile layers for src/map/leaflet-tiles.ts, and
 * nothing for any other. `sources` is the finder's src/ folder; the modules
 * are made once for it.
 */
export function leanLeafletModule(id: string, sources: string): string | undefined {
  const leaflet = LEAFLET_MODULE.test(id);
  if (!leaflet && !TILES_MODULE.test(id)) return undefined;
  let modules = made.get(sources);
  if (!modules) made.set(sources, (modules = leanLeafletModules(wordsOfSources(sources))));
  return leaflet ? modules.leaflet : modules.tiles;
}

/** From GridLayer's heading to Renderer's: GridLayer, TileLayer and their factories. */
const TILES = /\r?\n\/\*\r?\n \* @class GridLayer\r?\n[^]*?(?=\r?\n\/\*\r?\n \* @class Renderer\r?\n)/g;
const TILE_LAYERS = ['GridLayer', 'TileLayer', 'gridLayer', 'tileLayer'];
/** What Leaflet's module exports for the tiles' module alone, under names no other export has. */
const FOR_TILES = '_tiles_';

/**
 * Leaflet's tile layers moved out of (lean) Leaflet's module into a module
 * of their own, which imports what else of Leaflet they use from Leaflet's
 * module; Leaflet's module exports those under names of their own and no
 * longer exports the tile layers. Leaflet's lines stay where they were.
 * Throws if the rest of Leaflet uses the tile layers.
 */
export function splitTiles(lean: string): LeanLeafletModules {
  const found = [...lean.matchAll(TILES)];
  if (found.length !== 1) throw new Error(`Leaflet has changed: expected its tile layers once, found ${found.length}`);
  const start = found[0].index;
  const end = start + found[0][0].length;
  const source = ts.createSourceFile('/leaflet.js', lean, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const inTiles = (node: ts.Node) => node.getStart(source) >= start && node.end <= end;
  const topLevelOf = bindingsOf(source);
  const exportDeclaration = source.statements.find(ts.isExportDeclaration);
  if (!exportDeclaration?.exportClause || !ts.isNamedExports(exportDeclaration.exportClause)) {
    throw new Error("Leaflet has changed: its module's one `export { … }` is not there");
  }
  // What the tile layers use of the rest, and that the rest does not use them: the module's own
  // top-level bindings (not a function's local of the same name, nor a property).
  const needed = new Set<string>();
  const tileNames = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (node === exportDeclaration) return;
    const declaration = ts.isIdentifier(node) ? topLevelOf(node) : undefined;
    if (declaration) {
      const declaredInTiles = inTiles(declaration);
      if (declaredInTiles) tileNames.add(node.getText(source));
      if (inTiles(node) && !declaredInTiles) needed.add(node.getText(source));
      if (!inTiles(node) && declaredInTiles) {
        throw new Error(`Leaflet's ${node.getText(source)} is used outside its tile layers, so they cannot move`);
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  for (const layer of TILE_LAYERS) {
    if (!tileNames.has(layer)) throw new Error(`Leaflet has changed: its ${layer} is not among its tile layers`);
  }

  const imports = [...needed].sort();
  const exported = exportDeclaration.exportClause.elements
    .filter((element) => !TILE_LAYERS.includes(element.name.text))
    .map((element) => element.getText(source));
  const forTiles = imports.map((name) => `${name} as ${FOR_TILES}${name}`);
  const cut = lean.slice(start, end);
  const rest = lean.slice(0, start) + lineBreaksOf(cut) + lean.slice(end);
  const leaflet = rest.replace(
    exportDeclaration.getText(source),
    `export { ${[...exported, ...forTiles].join(', ')} };`,
  );
  const tiles = [
    `import { ${imports.map((name) => `${FOR_TILES}${name} as ${name}`).join(', ')} } from '${LEAFLET_SPECIFIER}';`,
    cut,
    `export { ${TILE_LAYERS.join(', ')} };`,
    '',
  ].join('\n');
  return { leaflet, tiles };
}

/**
 * For a name in a JavaScript module, the top-level statement that declares
 * what it refers to, if it is one of the module's own top-level bindings,
 * from TypeScript's binder: a function's local or parameter of the same
 * name, or a property, is not.
 */
function bindingsOf(source: ts.SourceFile): (name: ts.Identifier) => ts.Statement | undefined {
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === source.fileName ? source : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => name === source.fileName,
    readFile: () => undefined,
  };
  const program = ts.createProgram({
    rootNames: [source.fileName],
    options: { allowJs: true, noLib: true, noResolve: true, types: [] },
    host,
  });
  const checker = program.getTypeChecker();
  return (name) => {
    const declaration = checker.getSymbolAtLocation(name)?.declarations?.[0];
    const statement = declaration && (ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration);
    return statement && ts.isStatement(statement) && statement.parent === source ? statement : undefined;
  };
}

/**
 * Every name in the TypeScript under `dir`, and every string that could be
 * one (`map[name]`): what the finder may call on Leaflet.
 */
export function wordsOfSources(dir: string): Set<string> {
  const words = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || (ts.isStringLiteralLike(node) && /^[A-Za-z_$][\w$]*$/.test(node.text))) {
      words.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    visit(ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true));
  }
  return words;
}
