/**
 * What the drop-in build (dist/) does beyond a plain Vite library build, to
 * keep within its size budgets (scripts/size-budget.ts, docs/performance.md):
 *
 * - workers are chunks of the same build, so a worker and the page share
 *   the chunks both need (the schema and zod, the static index, supercluster)
 *   instead of each worker carrying its own copy;
 * - Leaflet without the parts the map never uses, and its stylesheet
 *   without the rules and icons of those parts (scripts/lean-leaflet.ts);
 * - the finder's own `css` and `html` templates without their comments and
 *   indentation, which the minifier leaves in template text;
 * - what the entry shares with lazy chunks and workers in one chunk, not six;
 * - every chunk minified by Terser as well as by the bundler's minifier,
 *   which together make them a little smaller than either alone.
 *
 * The package build (lib/) leaves Leaflet to the host's bundler, and the dev
 * server runs Leaflet whole.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { minify } from 'terser';
import type { Plugin } from 'vite';
import { LEAFLET_CSS, leanLeafletModule, leanLeafletStyles } from './lean-leaflet.js';

/** The finder's own sources, whose words say which of Leaflet's methods it may call. */
const SOURCES = fileURLToPath(new URL('../src', import.meta.url));

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

/**
 * Leaflet without the parts the map never uses, and its tile layers in a
 * module of their own, src/map/leaflet-tiles.ts (scripts/lean-leaflet.ts).
 */
export function leanLeaflet(): Plugin {
  return {
    name: 'spine-drop-in-lean-leaflet',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      try {
        if (LEAFLET_CSS.test(id)) return { code: leanLeafletStyles(code), map: null };
        const lean = leanLeafletModule(id, SOURCES);
        return lean === undefined ? undefined : { code: lean, map: null };
      } catch (error) {
        return this.error(error instanceof Error ? error.message : String(error));
      }
    },
  };
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

/**
 * Terser with its safe defaults, twice over, before the bundler's own
 * minifier: each finds a little the other leaves. Property names stay as
 * they are (Leaflet's private ones are shortened in scripts/lean-leaflet.ts,
 * where it is safe).
 */
export function minifyWithTerser(): Plugin {
  return {
    name: 'spine-drop-in-terser',
    apply: 'build',
    async renderChunk(code) {
      const result = await minify(code, {
        module: true,
        ecma: 2020,
        compress: { passes: 2 },
        format: { comments: false },
        sourceMap: { asObject: true },
      });
      if (result.code === undefined) return this.error('Terser returned no code');
      return { code: result.code, map: result.map as never };
    },
  };
}
