/**
 * The drop-in's size budgets (issue 8), checked by `npm test` after the
 * build and weighed again by the bench's weight suite:
 *
 * - **entry**: dist/spine-finder.js and every file it imports statically,
 *   at any depth: what a page downloads before the search box works.
 *   At most 35 KiB gzip.
 * - **everything**: every script the entry can ever load: its static
 *   imports, its dynamic imports (the map and its clustering, the static and
 *   FHIR adapters, cards' details…), the workers it starts, and theirs, at
 *   any depth, and any CSS file among them. At most 100 KiB gzip. Not
 *   counted: the data files of spine-assets/ (geo shards, the offline
 *   basemap), which are fetched a few KiB at a time and weighed by the
 *   bench's geocoding suite; source maps; and the opt-in chunks below.
 * - **opt-in**: what loads only when a host sets a basemap of its own in
 *   place of the offline one: Leaflet's tile layers (with `tile-url` or
 *   `basemap`), and the vector basemap's chunk (protomaps-leaflet, pmtiles
 *   and the Protomaps styles, with `basemap`). At most 45 KiB gzip,
 *   weighed on its own, not in `everything`: no page loads them unless its
 *   host asked, and a host who asks has chosen to serve tiles, or a vector
 *   basemap of tens of MB, beside them.
 *
 * Sizes are of each file on its own, as a server sends it: gzip at level 9
 * and brotli at quality 11. Every .js and .css file of dist/ must fall in a
 * group: a file the entry cannot reach fails the check, so nothing is left
 * out of the budget by accident.
 *
 *   node --import tsx scripts/size-budget.ts [--dist DIR] [--baseline FILE] [--update-baseline]
 *
 * prints each file's size, what changed against the committed baseline
 * (bench/size-baseline.json), and fails when a group is over its budget.
 * `--update-baseline` writes the baseline from the dist/ it measured.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import ts from 'typescript';

export const KIB = 1024;
export const ENTRY_FILE = 'spine-finder.js';

/** Chunks a page loads only when its host opts in, by file name, with why. */
export const OPT_IN: readonly OptInChunk[] = [
  { pattern: /^vector-basemap-[\w-]+\.js$/, reason: 'the vector basemap, loaded only with `basemap` set' },
  {
    pattern: /^leaflet-tiles-[\w-]+\.js$/,
    reason: "Leaflet's tile layers, loaded only with `tile-url` or `basemap` set",
  },
];

export interface OptInChunk {
  pattern: RegExp;
  reason: string;
}

export type GroupName = 'entry' | 'everything' | 'opt-in';

/** The budgets (issue 8), in gzip bytes: the most a group may weigh before the check fails. */
export const BUDGETS: Readonly<Record<GroupName, number>> = {
  entry: 35 * KIB,
  everything: 100 * KIB,
  'opt-in': 45 * KIB,
};

const GROUP_TITLES: Readonly<Record<GroupName, string>> = {
  entry: 'Entry (spine-finder.js and its static imports)',
  everything: 'Everything it can load (entry, lazy chunks, workers; no data files, no opt-in chunks)',
  'opt-in': "Opt-in chunks (Leaflet's tile layers, the vector basemap)",
};

/** One script or stylesheet of dist/, weighed, with what it refers to. */
export interface DistFile {
  /** Relative to dist/, with `/`: `spine-finder.js`, `assets/static-worker-Czdemnb2.js`. */
  path: string;
  /** The path without its content hash, stable across builds: `assets/static-worker.js`. */
  name: string;
  raw: number;
  gzip: number;
  brotli: number;
  /** Files it imports with `import … from` or `export … from`: loaded before it runs. */
  staticImports: string[];
  /** Files it loads later: `import()`, and scripts named in URLs (workers). */
  lazyLoads: string[];
}

export interface Group {
  name: GroupName;
  title: string;
  files: DistFile[];
  raw: number;
  gzip: number;
  brotli: number;
  /** What it may weigh at most (issue 8). */
  budget: number;
}

export interface BaselineFile {
  about: string;
  /** Gzip, brotli and raw bytes of each file, by its name without hash. */
  files: Record<string, { raw: number; gzip: number; brotli: number }>;
  /** Gzip bytes of each group. */
  groups: Record<string, number>;
}

export interface SizeReport {
  groups: Group[];
  /** Scripts of dist/ that the entry cannot reach and that no opt-in rule names. */
  unreached: DistFile[];
  /** Opt-in rules that match no file: a renamed chunk would otherwise slip into no group. */
  staleOptIns: OptInChunk[];
  /** Groups over their budget: the check fails. */
  over: Group[];
  /** Files larger (or new) since the baseline, most grown first. */
  grew: Array<{ name: string; gzip: number; before?: number }>;
  ok: boolean;
}

/** Every .js and .css file of `dist` (source maps and spine-assets/ data left out), weighed and parsed. */
export function readDist(dist: string): DistFile[] {
  const paths = listFiles(dist).filter((path) => /\.(js|css)$/.test(path) && !path.startsWith('spine-assets/'));
  const known = new Set(paths);
  return paths.sort().map((path) => {
    const bytes = readFileSync(join(dist, ...path.split('/')));
    const references = path.endsWith('.js') ? findReferences(path, bytes.toString('utf8'), known) : noReferences();
    return {
      path,
      name: withoutHash(path),
      raw: bytes.length,
      gzip: gzipSize(bytes),
      brotli: brotliSize(bytes),
      ...references,
    };
  });
}

export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

export function brotliSize(bytes: Uint8Array): number {
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
}

/** Sorts dist's files into the budget's groups and compares them with the baseline. */
export function checkSizes(
  files: readonly DistFile[],
  baseline?: BaselineFile,
  { optIns = OPT_IN, budgets = BUDGETS }: { optIns?: readonly OptInChunk[]; budgets?: Record<GroupName, number> } = {},
): SizeReport {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const entry = byPath.get(ENTRY_FILE);
  if (!entry) throw new Error(`dist has no ${ENTRY_FILE}: run the build first`);
  const isOptIn = (file: DistFile) => optIns.some((rule) => rule.pattern.test(posix.basename(file.path)));

  const entryPaths = reach([entry.path], byPath, (file) => file.staticImports);
  const everythingPaths = reach([entry.path], byPath, (file) =>
    [...file.staticImports, ...file.lazyLoads].filter((path) => !isOptIn(byPath.get(path)!)),
  );
  const optInRoots = files.filter(isOptIn).map((file) => file.path);
  const optInPaths = [...reach(optInRoots, byPath, (file) => [...file.staticImports, ...file.lazyLoads])].filter(
    (path) => !everythingPaths.has(path),
  );

  const groups: Group[] = [
    group('entry', [...entryPaths], byPath, budgets.entry),
    group('everything', [...everythingPaths], byPath, budgets.everything),
    group('opt-in', optInPaths, byPath, budgets['opt-in']),
  ];
  const grouped = new Set([...everythingPaths, ...optInPaths]);
  const unreached = files.filter((file) => !grouped.has(file.path));
  const staleOptIns = optIns.filter((rule) => !files.some((file) => rule.pattern.test(posix.basename(file.path))));
  const over = groups.filter((candidate) => candidate.gzip > candidate.budget);
  const grew = files
    .map((file) => ({ name: file.name, gzip: file.gzip, before: baseline?.files[file.name]?.gzip }))
    .filter((file) => baseline !== undefined && (file.before === undefined || file.gzip > file.before))
    .sort((a, b) => b.gzip - (b.before ?? 0) - (a.gzip - (a.before ?? 0)));
  return {
    groups,
    unreached,
    staleOptIns,
    over,
    grew,
    ok: over.length === 0 && unreached.length === 0 && staleOptIns.length === 0,
  };
}

/** What a person reads: each file, each group against its budget, what grew, and why the check failed. */
export function formatReport(report: SizeReport, baseline?: BaselineFile): string {
  const lines: string[] = [];
  const change = (now: number, before: number | undefined) => {
    if (baseline === undefined) return '';
    if (before === undefined) return 'new';
    const delta = now - before;
    return delta === 0 ? '=' : `${delta > 0 ? '+' : '−'}${kib(Math.abs(delta))}`;
  };
  const everything = report.groups.find((candidate) => candidate.name === 'everything')!;
  const optIn = report.groups.find((candidate) => candidate.name === 'opt-in')!;
  const entry = report.groups.find((candidate) => candidate.name === 'entry')!;
  const where = (file: DistFile) =>
    entry.files.includes(file)
      ? 'entry'
      : everything.files.includes(file)
        ? 'lazy'
        : optIn.files.includes(file)
          ? 'opt-in'
          : 'unreached';
  const rows = [...everything.files, ...optIn.files, ...report.unreached].map((file) => [
    file.path,
    where(file),
    kib(file.raw),
    kib(file.gzip),
    kib(file.brotli),
    ...(baseline ? [change(file.gzip, baseline.files[file.name]?.gzip)] : []),
  ]);
  const header = ['file', 'loaded', 'raw', 'gzip', 'brotli', ...(baseline ? ['gzip vs baseline'] : [])];
  lines.push(...table(header, rows), '');
  for (const candidate of report.groups) {
    const before = baseline?.groups[candidate.name];
    const since = before === undefined ? '' : ` (baseline ${kib(before)}, ${change(candidate.gzip, before)})`;
    const count = `${candidate.files.length} ${candidate.files.length === 1 ? 'file' : 'files'}`;
    const verdict =
      candidate.gzip <= candidate.budget
        ? `within its budget of ${kib(candidate.budget)}, ${kib(candidate.budget - candidate.gzip)} to spare`
        : `OVER its budget of ${kib(candidate.budget)}`;
    lines.push(
      `${candidate.title}: ${kib(candidate.gzip)} gzip, ${kib(candidate.brotli)} brotli, ${count}${since}: ${verdict}.`,
    );
  }
  if (baseline !== undefined) {
    lines.push(
      report.grew.length === 0
        ? 'Nothing grew since the baseline.'
        : `Grew since the baseline (gzip): ${report.grew
            .map((file) => `${file.name} ${change(file.gzip, file.before)}`)
            .join(', ')}.`,
    );
  }
  for (const candidate of report.over) {
    const grown = report.grew.filter((file) => candidate.files.some((member) => member.name === file.name));
    lines.push(
      `Over its budget: ${candidate.name} is ${kib(candidate.gzip)} gzip, ${kib(candidate.gzip - candidate.budget)} ` +
        `more than its ${kib(candidate.budget)}` +
        (grown.length
          ? `; grew: ${grown.map((file) => `${file.name} ${change(file.gzip, file.before)}`).join(', ')}.`
          : '.'),
    );
  }
  for (const file of report.unreached) {
    lines.push(
      `Not in any budget: ${file.path} is in dist/ but ${ENTRY_FILE} never loads it, and no opt-in rule names it.`,
    );
  }
  for (const rule of report.staleOptIns) {
    lines.push(
      `No file matches the opt-in rule ${rule.pattern} (${rule.reason}): update OPT_IN in scripts/size-budget.ts.`,
    );
  }
  return lines.join('\n');
}

export function toBaseline(files: readonly DistFile[], report: SizeReport): BaselineFile {
  return {
    about:
      'Written by `node --import tsx scripts/size-budget.ts --update-baseline` after `npm run build`: the bytes of ' +
      "each file of dist/ (name without its content hash), gzip level 9, brotli quality 11, and each budget group's " +
      'gzip total. `npm test` prints what grew against it. Explained in docs/performance.md.',
    files: Object.fromEntries(
      [...files]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((file) => [file.name, { raw: file.raw, gzip: file.gzip, brotli: file.brotli }]),
    ),
    groups: Object.fromEntries(report.groups.map((candidate) => [candidate.name, candidate.gzip])),
  };
}

/** `1.2 KiB`, or bytes under one KiB. */
export function kib(bytes: number): string {
  return bytes < KIB ? `${bytes} B` : `${(bytes / KIB).toFixed(1)} KiB`;
}

/**
 * What a chunk loads, read from its syntax: `import`/`export … from` at the
 * top level are static; `import()` and a string naming another file of
 * dist/ (a worker's `new URL("assets/…", import.meta.url)`) are lazy.
 */
function findReferences(path: string, code: string, known: ReadonlySet<string>) {
  const source = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const resolve = (specifier: string) => {
    const target = posix.normalize(posix.join(posix.dirname(path), specifier));
    if (known.has(target)) return target;
    // Worker URLs are written relative to the chunk's folder or to dist/ itself.
    return known.has(posix.normalize(specifier)) ? posix.normalize(specifier) : undefined;
  };
  const staticImports = new Set<string>();
  const lazyLoads = new Set<string>();
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const target = resolve(statement.moduleSpecifier.text);
      if (target) staticImports.add(target);
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const target = /\.(js|css)$/.test(node.text) ? resolve(node.text) : undefined;
      if (target && !staticImports.has(target) && target !== path) lazyLoads.add(target);
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) visit(statement);
  }
  return { staticImports: [...staticImports], lazyLoads: [...lazyLoads] };
}

function noReferences() {
  return { staticImports: [] as string[], lazyLoads: [] as string[] };
}

function reach(
  roots: readonly string[],
  byPath: ReadonlyMap<string, DistFile>,
  next: (file: DistFile) => readonly string[],
): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    queue.push(...next(byPath.get(path)!));
  }
  return seen;
}

function group(
  name: GroupName,
  paths: readonly string[],
  byPath: ReadonlyMap<string, DistFile>,
  budget: number,
): Group {
  const files = paths.map((path) => byPath.get(path)!).sort((a, b) => a.path.localeCompare(b.path));
  const sum = (key: 'raw' | 'gzip' | 'brotli') => files.reduce((total, file) => total + file[key], 0);
  return {
    name,
    title: GROUP_TITLES[name],
    files,
    raw: sum('raw'),
    gzip: sum('gzip'),
    brotli: sum('brotli'),
    budget,
  };
}

/** `map-view-CUo7ew56.js` → `map-view.js`: Rolldown's 8-character content hash left out. */
export function withoutHash(path: string): string {
  return path.replace(/-[\w-]{8}(\.(?:js|css))$/, '$1');
}

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [line(header), ...rows.map(line)];
}

function main(): void {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: fileURLToPath(new URL('../dist/', import.meta.url)) },
      baseline: { type: 'string', default: fileURLToPath(new URL('../bench/size-baseline.json', import.meta.url)) },
      'update-baseline': { type: 'boolean', default: false },
    },
  });
  const files = readDist(values.dist);
  const baseline = existsSync(values.baseline)
    ? (JSON.parse(readFileSync(values.baseline, 'utf8')) as BaselineFile)
    : undefined;
  const report = checkSizes(files, baseline);
  console.log(formatReport(report, baseline));
  if (values['update-baseline']) {
    writeFileSync(values.baseline, `${JSON.stringify(toBaseline(files, report), null, 2)}\n`);
    console.log(`Wrote ${values.baseline}.`);
  }
  if (!report.ok) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
