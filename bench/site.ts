/**
 * What the benchmark's pages are served from: the project folder itself, by
 * scripts/static-server.ts (twice, on two origins), so pages load the built drop-in from /dist/
 * (run `npm run build` first: `npm run bench` does), Leaflet's and
 * leaflet.markercluster's own scripts from /node_modules/, the pages from
 * /bench/pages/, and what is made here from /bench/tmp/ (gitignored):
 *
 * - the directory files, written once and kept until the generator changes,
 * - the whole geo data set as one file for ZIPs and one for places (the
 *   geocoding suite's baseline), written the same way,
 * - each bench/pages/*.ts compiled to bench/tmp/pages/*.js.
 *
 * Both origins also answer the demo directory at /api/directory, as
 * `npm run serve:dist` does.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { generateDemoDirectory, getDemoDirectory } from '../scripts/demo-directory.js';
import { buildGeoAssets } from '../scripts/geo-assets.js';
import { startStaticServer } from '../scripts/static-server.js';
import type { RunningServer } from '../scripts/static-server.js';
import type { BenchData } from './harness.js';

const PROJECT_ROOT = new URL('../', import.meta.url);
const TMP = new URL('tmp/', import.meta.url);
const NATIONAL_DIRECTORY_SIZE = 100_000;

export interface BenchSite {
  origin: string;
  /** The same folder on another port: a script loaded from here is cross-origin, as from a CDN. */
  otherOrigin: string;
  data: BenchData;
  close(): Promise<void>;
}

export async function startBenchSite(log: (message: string) => void): Promise<BenchSite> {
  const built = new URL('dist/spine-finder.js', PROJECT_ROOT);
  if (!existsSync(built)) throw new Error('dist/spine-finder.js is missing: run `npm run build` (npm run bench does)');
  log(`Measuring the drop-in built ${statSync(built).mtime.toISOString()}.`);
  compilePages();
  const data = {
    national: writeDirectoryFile('national', () => generateDemoDirectory({ count: NATIONAL_DIRECTORY_SIZE }), log),
    providers: writeDirectoryFile('providers', getDemoDirectory, log),
    wholeZips: writeDataFile('geo-zips', GEO_SOURCE, () => wholeGeoData('geo/zip/'), log),
    wholePlaces: writeDataFile('geo-places', GEO_SOURCE, () => wholeGeoData('geo/place/'), log),
  };
  // Without the trailing slash, which the server's check of paths inside the root does not expect.
  const root = resolve(fileURLToPath(PROJECT_ROOT));
  const servers: RunningServer[] = [
    await startStaticServer({ root, endpoint: true }),
    await startStaticServer({ root, endpoint: true }),
  ];
  return {
    origin: servers[0].origin,
    otherOrigin: servers[1].origin,
    data,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

const DIRECTORY_SOURCE = new URL('../scripts/demo-directory.ts', import.meta.url);
const GEO_SOURCE = new URL('../scripts/geo-assets.ts', import.meta.url);

/** A directory file, written unless the same one is there. */
function writeDirectoryFile(name: string, generate: () => unknown, log: (message: string) => void): string {
  return writeDataFile(name, DIRECTORY_SOURCE, generate, log);
}

/**
 * Every shard under `folder` of the finder's data files merged into one
 * object: what a finder without shards would fetch to resolve one ZIP or
 * one place.
 */
function wholeGeoData(folder: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [path, text] of buildGeoAssets()) {
    if (path.startsWith(folder)) Object.assign(merged, JSON.parse(text) as Record<string, unknown>);
  }
  return merged;
}

/**
 * Writes a data file unless the same one is there (its name carries a hash
 * of the script that makes it), and gives its path on the bench server.
 */
function writeDataFile(name: string, source: URL, generate: () => unknown, log: (message: string) => void): string {
  const version = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 10);
  const file = new URL(`data/${name}-${version}.json`, TMP);
  if (!existsSync(file)) {
    log(`Writing ${fileURLToPath(file)}…`);
    mkdirSync(new URL('.', file), { recursive: true });
    writeFileSync(file, JSON.stringify(generate()));
  }
  return `/${fileURLToPath(file).slice(fileURLToPath(PROJECT_ROOT).length)}`;
}

/** Plain TypeScript-to-JavaScript, file by file: the pages' scripts import only types. */
function compilePages(): void {
  mkdirSync(new URL('pages/', TMP), { recursive: true });
  const pages = new URL('pages/', import.meta.url);
  for (const name of readdirSync(pages).filter((file) => file.endsWith('.ts'))) {
    const source = readFileSync(new URL(name, pages), 'utf8');
    const { outputText, diagnostics } = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      fileName: name,
      reportDiagnostics: true,
    });
    if (diagnostics?.length) {
      throw new Error(ts.formatDiagnostics(diagnostics, ts.createCompilerHost({})));
    }
    writeFileSync(new URL(`pages/${name.replace(/\.ts$/, '.js')}`, TMP), outputText);
  }
}
