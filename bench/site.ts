/**
 * What the benchmark's pages are served from: the project folder itself, by
 * scripts/static-server.ts (twice, on two origins), so pages load the built drop-in from /dist/
 * (run `npm run build` first: `npm run bench` does), Leaflet's and
 * leaflet.markercluster's own scripts from /node_modules/, the pages from
 * /bench/pages/, and what is made here from /bench/tmp/ (gitignored):
 *
 * - the directory files, written once and kept until the generator changes,
 * - bench/pages/probe.ts compiled to bench/tmp/pages/probe.js.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { generateDemoDirectory, getDemoDirectory } from '../scripts/demo-directory.js';
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
  compileProbe();
  const data = {
    national: writeDirectoryFile('national', () => generateDemoDirectory({ count: NATIONAL_DIRECTORY_SIZE }), log),
    providers: writeDirectoryFile('providers', getDemoDirectory, log),
  };
  // Without the trailing slash, which the server's check of paths inside the root does not expect.
  const root = resolve(fileURLToPath(PROJECT_ROOT));
  const servers: RunningServer[] = [await startStaticServer({ root }), await startStaticServer({ root })];
  return {
    origin: servers[0].origin,
    otherOrigin: servers[1].origin,
    data,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/**
 * Writes a directory file unless the same one is there (its name carries a
 * hash of the generator's source), and gives its path on the bench server.
 */
function writeDirectoryFile(name: string, generate: () => unknown, log: (message: string) => void): string {
  const generator = readFileSync(new URL('../scripts/demo-directory.ts', import.meta.url));
  const version = createHash('sha256').update(generator).digest('hex').slice(0, 10);
  const file = new URL(`data/${name}-${version}.json`, TMP);
  if (!existsSync(file)) {
    log(`Writing ${fileURLToPath(file)}…`);
    mkdirSync(new URL('.', file), { recursive: true });
    writeFileSync(file, JSON.stringify(generate()));
  }
  return `/${fileURLToPath(file).slice(fileURLToPath(PROJECT_ROOT).length)}`;
}

/** Plain TypeScript-to-JavaScript, one file: the probe imports only types. */
function compileProbe(): void {
  const source = readFileSync(new URL('pages/probe.ts', import.meta.url), 'utf8');
  const { outputText, diagnostics } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    fileName: 'probe.ts',
    reportDiagnostics: true,
  });
  if (diagnostics?.length) {
    throw new Error(ts.formatDiagnostics(diagnostics, ts.createCompilerHost({})));
  }
  mkdirSync(new URL('pages/', TMP), { recursive: true });
  writeFileSync(new URL('pages/probe.js', TMP), outputText);
}
