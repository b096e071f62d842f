/**
 * Weight: the gzip and brotli bytes of the built drop-in (dist/), in the two
 * groups of the size budget (scripts/size-budget.ts says exactly what each
 * holds): the entry, what loads before the search box works, and
 * everything it can load, lazy chunks and workers included (data files and
 * the opt-in chunks are not). Two baselines, built here from the
 * same sources with the same minifier:
 *
 * - **dependencies alone** (the floor): one bundle of exactly what the
 *   finder's own modules in that group import from its dependencies (the
 *   same names from lit, zod, Leaflet…, trimmed and minified as the
 *   drop-in's are), with none of the finder's code. No split can weigh less.
 * - **naive bundle**: the finder built with every dynamic import made
 *   eager (one file, the map and the adapters loaded before anything
 *   runs); its workers stay apart, as a worker cannot be inlined. The opt-in
 *   chunks (tile layers, vector basemap) are left out of it too, so both
 *   sides weigh the same features.
 *
 * Sizes do not vary from run to run: each is measured once.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { build } from 'vite';
import type { Rolldown } from 'vite';
import { leanLeaflet, minifyWithTerser } from '../../scripts/vite-plugin-drop-in.js';
import { brotliSize, checkSizes, gzipSize, readDist } from '../../scripts/size-budget.js';
import type { DistFile, Group } from '../../scripts/size-budget.js';
import { runComparison } from '../harness.js';
import type { BenchContext, Comparison, Measurement, RunResult } from '../harness.js';

export const name = 'weight';
export const description = 'Weight of the drop-in: the entry and everything it can load, gzip and brotli';

const PROJECT = new URL('../../', import.meta.url);
const DIST = fileURLToPath(new URL('dist/', PROJECT));
const WORK = new URL('tmp/weight/', new URL('../', import.meta.url));

interface Weight {
  gzip: number;
  brotli: number;
}

export async function run(context: BenchContext): Promise<Measurement[]> {
  const subject = groupsOf(readDist(DIST));
  context.log('Building the dependencies alone, and the naive bundle…');
  const floor = {
    entry: await bundleDependencies('entry', subject.entry.files),
    everything: await bundleDependencies('everything', subject.everything.files),
  };
  const naive = groupsOf(readDist(await buildNaive()));
  const once = { ...context, runs: 1, warmups: 0 };
  const measurements: Measurement[] = [];
  for (const group of ['entry', 'everything'] as const) {
    const title =
      group === 'entry' ? 'Entry: before the search box works' : 'Everything it can load (no data, no opt-in chunks)';
    measurements.push(
      ...(await runComparison(
        name,
        compare(`${group}-floor`, title, subject[group], 'dependencies alone', floor[group]),
        once,
      )),
      ...(await runComparison(
        name,
        compare(`${group}-naive`, title, subject[group], 'naive bundle', naive[group]),
        once,
      )),
    );
  }
  return measurements;
}

function compare(id: string, title: string, subject: Weight, label: string, baseline: Weight): Comparison {
  const side = (sideLabel: string, weight: Weight) => ({
    label: sideLabel,
    run: async (): Promise<RunResult> => ({ values: { gzip: weight.gzip / 1024, brotli: weight.brotli / 1024 } }),
  });
  return {
    id,
    title,
    figures: [
      { id: 'gzip', label: 'gzip', unit: 'KiB' },
      { id: 'brotli', label: 'brotli', unit: 'KiB' },
    ],
    subject: side('spine-finder', subject),
    baseline: side(label, baseline),
  };
}

function groupsOf(files: readonly DistFile[]): Record<'entry' | 'everything', Group> {
  const [entry, everything] = checkSizes(files).groups;
  return { entry, everything };
}

/**
 * One bundle of what the finder's modules in these files import from their
 * dependencies: every name, default and namespace member they use, found
 * in their sources through dist's source maps.
 */
async function bundleDependencies(group: string, files: readonly DistFile[]): Promise<Weight> {
  const sources = new Set<string>();
  for (const file of files) {
    const map = JSON.parse(readFileSync(`${DIST}${file.path}.map`, 'utf8')) as { sources: string[] };
    for (const source of map.sources) {
      const path = posix.normalize(posix.join('dist', posix.dirname(file.path), source));
      if (path.startsWith('src/')) sources.add(path);
    }
  }
  const lines: string[] = [];
  let count = 0;
  for (const path of [...sources].sort()) {
    const text = readFileSync(new URL(path, PROJECT), 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (specifier.startsWith('.') || clause?.isTypeOnly) continue;
      const from = JSON.stringify(specifier);
      if (!clause) lines.push(`import ${from};`);
      if (clause?.name) lines.push(`export { default as d${count++} } from ${from};`);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements.filter((binding) => !binding.isTypeOnly)) {
          const imported = (element.propertyName ?? element.name).text;
          lines.push(`export { ${imported} as n${count++} } from ${from};`);
        }
      }
      if (bindings && ts.isNamespaceImport(bindings)) {
        const members = namespaceMembers(source, bindings.name.text);
        const local = `ns${count++}`;
        lines.push(`import * as ${local} from ${from};`);
        lines.push(`export const m${count++} = [${members.map((member) => `${local}.${member}`).join(', ')}];`);
      }
    }
  }
  mkdirSync(WORK, { recursive: true });
  const entry = new URL(`dependencies-${group}.js`, WORK);
  writeFileSync(entry, `${lines.join('\n')}\n`);
  const output = (await build({
    configFile: false,
    root: fileURLToPath(PROJECT),
    logLevel: 'error',
    plugins: [leanLeaflet(), minifyWithTerser()],
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: fileURLToPath(entry), formats: ['es'] },
      rollupOptions: { output: { minify: true, comments: false, codeSplitting: false } },
    },
  })) as Rolldown.RolldownOutput[];
  const chunks = output.flatMap((result) => result.output).filter((item) => item.type === 'chunk');
  return chunks.reduce(
    (total, chunk) => ({
      gzip: total.gzip + gzipSize(Buffer.from(chunk.code)),
      brotli: total.brotli + brotliSize(Buffer.from(chunk.code)),
    }),
    { gzip: 0, brotli: 0 },
  );
}

/** The members of a namespace import a module reads as values (`L.Map`, `z.object`). */
function namespaceMembers(source: ts.SourceFile, namespace: string): string[] {
  const members = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === namespace) {
      members.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...members].sort();
}

/** The drop-in with its dynamic imports inlined, in bench/tmp/weight/naive/. */
async function buildNaive(): Promise<string> {
  const outDir = fileURLToPath(new URL('naive/', WORK));
  await build({
    configFile: fileURLToPath(new URL('vite.config.ts', PROJECT)),
    root: fileURLToPath(PROJECT),
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: {
        // The opt-in chunks stay out, as they do from the budget's "everything".
        external: [/\/vector-basemap\.js$/, /\/leaflet-tiles\.js$/],
        output: { codeSplitting: false },
      },
    },
  });
  return outDir;
}
