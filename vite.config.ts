import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';
import type { BuildEnvironmentOptions, Plugin } from 'vite';
import {
  entrySharesOneChunk,
  leanLeaflet,
  minifyTemplates,
  minifyWithTerser,
  workersShareChunks,
} from './scripts/vite-plugin-drop-in.js';
import { spineFinderPlugin } from './scripts/vite-plugin-spine.js';

const runtimeDependencies = [
  'lit',
  '@lit/task',
  'leaflet',
  'zod',
  'topojson-client',
  'kdbush',
  'geokdbush',
  // The vector basemap's, loaded only when a host sets one.
  'protomaps-leaflet',
  'pmtiles',
  '@protomaps/basemaps',
  '@mapbox/point-geometry',
];

/**
 * package.json's `sideEffects` names the published registering modules
 * (lib/define.js, lib/elements/*.js), so Vite takes every other module of
 * the project, their sources included, for side-effect free: the element
 * modules' `import './spine-search-box.js'` would be dropped. Their sources
 * are what registers the elements: keep them.
 */
export function registeringModulesHaveSideEffects(): Plugin {
  const registering = /[\\/]src[\\/](?:define\.ts|elements[\\/][^\\/]+\.ts)$/;
  return {
    name: 'spine-registering-modules-have-side-effects',
    transform(code, id) {
      return registering.test(id) ? { code, map: null, moduleSideEffects: true } : undefined;
    },
  };
}

/** The npm package's modules: one per source file, dependencies external. */
const packageBuild: BuildEnvironmentOptions = {
  outDir: 'lib',
  emptyOutDir: true,
  copyPublicDir: false,
  sourcemap: true,
  minify: false,
  lib: {
    entry: {
      index: 'src/index.ts',
      define: 'src/define.ts',
      // `spine-finder/elements/<tag>.js`: each registers one element and what it renders.
      ...Object.fromEntries(
        readdirSync('src/elements').map((file) => [`elements/${file.replace(/\.ts$/, '')}`, `src/elements/${file}`]),
      ),
      // The `spine-finder` command (package.json `bin`), for Node.
      'cli/spine-finder': 'src/cli/spine-finder.ts',
    },
    formats: ['es'],
  },
  rollupOptions: {
    // `?inline` CSS is bundled as a string; everything else of a dependency stays external.
    // Node's own modules, which only the command imports, stay imports too.
    external: (id: string) =>
      id.startsWith('node:') ||
      (!id.includes('?') && runtimeDependencies.some((name) => id === name || id.startsWith(`${name}/`))),
    output: {
      preserveModules: true,
      preserveModulesRoot: 'src',
      // Bundled bits of dependencies (Leaflet's CSS as a string) must not
      // land in a folder called node_modules, which npm leaves out.
      entryFileNames: (chunk) => `${chunk.name.replace(/^node_modules\//, 'vendor/')}.js`,
    },
  },
};

/** The drop-in script with its lazy chunks and data, all side by side. */
const dropInBuild: BuildEnvironmentOptions = {
  outDir: 'dist',
  emptyOutDir: true,
  copyPublicDir: false,
  sourcemap: true,
  target: 'es2022',
  lib: {
    entry: { 'spine-finder': 'src/define.ts' },
    formats: ['es'],
  },
  rollupOptions: {
    output: {
      entryFileNames: '[name].js',
      // Chunks sit beside the entry so relative URLs (data, chunks)
      // resolve from wherever the script is hosted.
      chunkFileNames: '[name]-[hash].js',
      // Vite keeps a library's whitespace (for the host's own bundler); the
      // drop-in goes to browsers as it is, so it is minified whole (and by
      // Terser before: minifyWithTerser).
      minify: true,
      comments: false,
    },
  },
};

/**
 * `vite` serves the demo (demo/index.html) with its embedded directory.
 * `vite build` writes the drop-in: dist/spine-finder.js, its lazy chunks and
 * its data, all side by side. `vite build --mode lib` writes lib/: the npm
 * package's modules, one per source file, with dependencies left external.
 */
export default defineConfig(({ mode }) => ({
  // URLs the build writes into code (the static adapter's worker) are
  // relative to the chunk that holds them, so they work from any folder.
  base: './',
  plugins: [
    spineFinderPlugin({ demoRedirect: true }),
    registeringModulesHaveSideEffects(),
    ...(mode === 'lib'
      ? []
      : [
          workersShareChunks(),
          leanLeaflet(),
          minifyTemplates(),
          entrySharesOneChunk('/src/define.ts'),
          minifyWithTerser(),
        ]),
  ],
  server: {
    port: 5173,
    open: false,
  },
  build: mode === 'lib' ? packageBuild : dropInBuild,
}));
