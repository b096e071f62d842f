/**
 * What the drop-in build (dist/) does beyond a plain Vite library build, to
 * keep within its size budgets (scripts/size-budget.ts, docs/performance.md):
 *
 * - workers are chunks of the same build, so a worker and the page share
 *   the chunks both need (the schema and zod, the static index, supercluster)
 *   instead of each worker carrying its own copy;
 * - Leaflet without the parts the map never uses (the layers and scale
 *   controls, WMS tiles, tooltips, the canvas renderer) and its stylesheet
 *   without the icons of those parts, inlined as data: URLs;
 * - the finder's own `css` and `html` templates without their comments and
 *   indentation, which the minifier leaves in template text;
 * - what the entry shares with lazy chunks and workers in one chunk, not six.
 *
 * Each rewrite names the exact text it expects and fails the build when it
 * is not there, so a Leaflet upgrade is looked at rather than shipped
 * half-trimmed. The package build (lib/) leaves Leaflet to the host's
 * bundler, and the dev server and tests run Leaflet whole.
 */
import { basename } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * `new URL('./cluster-worker.ts', import.meta.url)` as the finder writes it
 * for a worker (src/workers/worker-rpc.ts says why it must be literal).
 */
const WORKER_URL = /new URL\((['"])(\.\/[\w-]+-worker)\.ts\1, import\.meta\.url\)/g;

/**
 * Vite bundles each `new Worker(new URL(…))` on its own, with a copy of every
 * module the worker imports. Emitted as a chunk of the drop-in's own build
 * instead, a worker imports the chunks it shares with the page (module
 * workers can), from the same folder, so they are downloaded once and
 * counted once. Its URL is still relative to the chunk that starts it.
 */
export function workersShareChunks(): Plugin {
  return {
    name: 'spine-drop-in-workers-share-chunks',
    apply: 'build',
    // Before Vite's own worker plugin, which would otherwise bundle it apart.
    enforce: 'pre',
    async transform(code, id) {
      if (id.includes('/node_modules/') || !code.includes('-worker.ts')) return undefined;
      let rewritten = code;
      for (const [expression, , path] of code.matchAll(WORKER_URL)) {
        const worker = await this.resolve(`${path}.ts`, id);
        if (!worker) this.error(`cannot find the worker ${path}.ts imported by ${id}`);
        const reference = this.emitFile({ type: 'chunk', id: worker.id, name: basename(path) });
        rewritten = rewritten.replace(expression, `new URL(import.meta.ROLLUP_FILE_URL_${reference})`);
      }
      return rewritten === code ? undefined : { code: rewritten, map: null };
    },
  };
}

/**
 * Modules that the entry imports and a lazy chunk or a worker imports too
 * would land in small chunks of their own, one for each set of chunks that
 * shares them: half a dozen files of a few hundred bytes that a page
 * downloads before the search box works, each compressed apart. They go in
 * one chunk instead, whose dependencies are all shared too. A worker or a
 * lazy chunk may load a little of it that it does not use, which costs
 * nothing at run time: the entry has loaded it already, and what it shares
 * with workers are functions and tables, nothing that needs a page.
 */
export function entrySharesOneChunk(entry: string): Plugin {
  const shared = new Set<string>();
  return {
    name: 'spine-drop-in-entry-shares-one-chunk',
    apply: 'build',
    buildEnd() {
      const staticClosure = (id: string, into: Set<string>): Set<string> => {
        if (into.has(id)) return into;
        into.add(id);
        for (const imported of this.getModuleInfo(id)?.importedIds ?? []) staticClosure(imported, into);
        return into;
      };
      const ids = [...this.getModuleIds()];
      const entryId = ids.find((id) => this.getModuleInfo(id)?.isEntry && id.endsWith(entry));
      if (!entryId) this.error(`no entry ${entry}`);
      // What else starts a chunk: a dynamic import, or a worker (an entry of its own).
      const starts = new Set(ids.flatMap((id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? []));
      for (const id of ids) if (id !== entryId && this.getModuleInfo(id)?.isEntry) starts.add(id);
      const elsewhere = new Set<string>();
      for (const start of starts) staticClosure(start, elsewhere);
      for (const id of staticClosure(entryId, new Set())) if (elsewhere.has(id)) shared.add(id);
    },
    outputOptions(options) {
      // A build that asked for one file (the benchmark's naive bundle) keeps it.
      if (options.codeSplitting === false) return options;
      return { ...options, codeSplitting: { groups: [{ name: 'shared', test: (id: string) => shared.has(id) }] } };
    },
  };
}

const LEAFLET_MODULE = /\/leaflet\/dist\/leaflet-src\.esm\.js$/;
const LEAFLET_CSS = /\/leaflet\/dist\/leaflet\.css(\?|$)/;

/**
 * Statements that attach parts of Leaflet the map does not use to the parts
 * it does. Without them, and with Leaflet's classes marked pure (below),
 * the bundler leaves those parts out: the layers and scale controls, WMS
 * tiles, the touch-and-hold `contextmenu` (nothing listens for it), the
 * projections other than Web Mercator, and export to GeoJSON.
 */
const UNUSED_LEAFLET_STATEMENTS = [
  'Control.Layers = Layers;',
  'Control.Scale = Scale;',
  'control.layers = layers;',
  'control.scale = scale;',
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
];

/** `include` blocks that hook unused parts into every map and layer, by how they start. */
const UNUSED_LEAFLET_BLOCKS = [
  // Tooltips.
  /\r?\nMap\.include\(\{\r?\n\r?\n\t\/\/ @method openTooltip[^]*?\r?\n\}\);\r?\n/,
  /\r?\nLayer\.include\(\{\r?\n\r?\n\t\/\/ @method bindTooltip[^]*?\r?\n\}\);\r?\n/,
  // Export to GeoJSON.
  /\r?\nPolyline\.include\(\{\r?\n\ttoGeoJSON: [^]*?\r?\n\}\);\r?\n/,
  /\r?\nPolygon\.include\(\{\r?\n\ttoGeoJSON: [^]*?\r?\n\}\);\r?\n/,
  /\r?\nLayerGroup\.include\(\{\r?\n\ttoMultiPoint: [^]*?\r?\n\}\);\r?\n/,
  // Internet Explorer's VML, which no browser the finder supports has.
  /\r?\nif \(Browser\.vml\) \{\r?\n\tSVG\.include\(vmlMixin\);\r?\n\}\r?\n/,
];

/** Paths are drawn as SVG unless a map asks for canvas with `preferCanvas`, which ours never does. */
const CANVAS_RENDERER = 'return (this.options.preferCanvas && canvas(options)) || svg(options);';
const SVG_RENDERER = 'return svg(options);';

/** Every marker gets a drag handler, though none of the finder's markers can be dragged. */
const MARKER_DRAG = '\t\tif (MarkerDrag) {';
const NO_MARKER_DRAG = '\t\tif (false) {';

/**
 * A class made with `Base.extend({…})` or `extend({}, Base, {…})` is only a
 * call to the bundler, which keeps any call it cannot see through; making
 * one has no effect beyond the class itself.
 */
const CLASS_DEFINITION = /^var (\w+) = ((?:\w+\.)?extend\()/gm;

/** The layers control's and default marker's icons, as data: URLs: neither is ever shown. */
const UNUSED_ICON = /url\(images\/(?:layers|layers-2x|marker-icon)\.png\)/g;
const UNUSED_ICONS = 3;

/**
 * Selectors of Leaflet's stylesheet for what the drop-in leaves out of
 * Leaflet (above) or never makes: a rule keeps its other selectors, and
 * goes when none is left.
 */
const UNUSED_STYLE =
  /\.leaflet-(?:tooltip|control-layers|control-scale|image-layer|vml-shape|oldie|default-icon-path)\b|\blvml\b/;

export function leanLeaflet(): Plugin {
  return {
    name: 'spine-drop-in-lean-leaflet',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (LEAFLET_CSS.test(id)) {
        const icons = code.match(UNUSED_ICON)?.length ?? 0;
        if (icons !== UNUSED_ICONS)
          this.error(`Leaflet's stylesheet has ${icons} of the ${UNUSED_ICONS} icons expected`);
        return { code: withoutUnusedRules(code.replace(UNUSED_ICON, 'none')), map: null };
      }
      if (!LEAFLET_MODULE.test(id)) return undefined;
      let lean = code;
      // What is cut leaves its line breaks behind, so Leaflet's source map still fits.
      const cut = (what: string | RegExp, by?: string) => {
        const found =
          typeof what === 'string' ? lean.split(what).length - 1 : (lean.match(new RegExp(what, 'g'))?.length ?? 0);
        if (found !== 1) this.error(`Leaflet has changed: expected one ${what}, found ${found}`);
        lean = lean.replace(what, (text) => by ?? '\n'.repeat(text.split('\n').length - 1));
      };
      for (const statement of UNUSED_LEAFLET_STATEMENTS) cut(statement);
      for (const block of UNUSED_LEAFLET_BLOCKS) cut(block);
      cut(CANVAS_RENDERER, SVG_RENDERER);
      cut(MARKER_DRAG, NO_MARKER_DRAG);
      lean = lean.replace(CLASS_DEFINITION, 'var $1 = /*#__PURE__*/ $2');
      return { code: lean, map: null };
    },
  };
}

/**
 * Leaflet's stylesheet without the selectors `UNUSED_STYLE` names. Its rules
 * are flat, but for one `@media print` block whose rule is read the same way.
 */
function withoutUnusedRules(css: string): string {
  return css
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/([^{}@;]+)\{([^{}]*)\}/g, (rule, selectors: string, body: string) => {
      const all = selectors.split(',').map((selector) => selector.trim());
      const kept = all.filter((selector) => !UNUSED_STYLE.test(selector));
      if (kept.length === all.length) return rule;
      return kept.length === 0 ? '' : `\n${kept.join(',\n')} {${body}}`;
    });
}

/**
 * Lit's templates are text the minifier must keep as written. In `css`
 * templates comments and the space around punctuation mean nothing; in
 * `html` templates a run of white space with a line break in it renders as
 * one space (the finder has no `<pre>`, and its `<textarea>` is filled
 * through `.value`). Line breaks stay, so the source maps still point at the
 * right lines.
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'spine-drop-in-minify-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id) || !/\b(?:css|html)`/.test(code)) return undefined;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: Array<{ start: number; end: number; text: string }> = [];
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && /^(css|html)$/.test(node.tag.text)) {
          const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
          const template = node.template;
          const parts = ts.isNoSubstitutionTemplateLiteral(template)
            ? [template]
            : [template.head, ...template.templateSpans.map((span) => span.literal)];
          for (const part of parts) {
            // The text between the backtick or `}` and the closing backtick or `${`.
            const start = part.getStart(source) + 1;
            const end = part.end - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
            edits.push({ start, end, text: minify(code.slice(start, end)) });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      if (edits.length === 0) return undefined;
      let minified = code;
      for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) {
        minified = minified.slice(0, start) + text + minified.slice(end);
      }
      return { code: minified, map: null };
    },
  };
}

/** White space as short as it can be: the line breaks it held, or else one space. */
function shortest(space: string): string {
  const breaks = space.split('\n').length - 1;
  return breaks ? '\n'.repeat(breaks) : ' ';
}

function minifyCss(text: string): string {
  return text
    .replace(/\/\*[^]*?\*\//g, (comment) => '\n'.repeat(comment.split('\n').length - 1))
    .replace(/\s+/g, shortest)
    .replace(/[ ]*([{};,>])[ ]*/g, '$1')
    .replace(/:[ ]+/g, ':');
}

function minifyHtml(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, shortest);
}
