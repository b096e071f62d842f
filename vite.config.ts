import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { spineFinderPlugin } from './scripts/vite-plugin-spine.js';

const leafletEsm = fileURLToPath(new URL('./node_modules/leaflet/dist/leaflet-src.esm.js', import.meta.url));
const runtimeDependencies = ['lit', '@lit/task', 'leaflet', 'zod', 'topojson-client'];

/**
 * `vite` serves the demo (demo/index.html) with its embedded directory.
 * `vite build` writes the drop-in: dist/spine-finder.js, its lazy chunks and
 * its data, all side by side. `vite build --mode lib` writes lib/: the npm
 * package's modules, one per source file, with dependencies left external.
 */
export default defineConfig(({ mode }) => ({
  plugins: [spineFinderPlugin({ demoRedirect: true })],
  resolve: {
    // Leaflet's main field is UMD; its ES module build is the one to use.
    alias: [{ find: /^leaflet$/, replacement: leafletEsm }],
  },
  server: {
    port: 5173,
    open: false,
  },
  build:
    mode === 'lib'
      ? {
          outDir: 'lib',
          emptyOutDir: true,
          copyPublicDir: false,
          sourcemap: true,
          minify: false,
          lib: {
            entry: { index: 'src/index.ts', define: 'src/define.ts' },
            formats: ['es'],
          },
          rollupOptions: {
            external: (id: string) => runtimeDependencies.some((name) => id === name || id.startsWith(`${name}/`)),
            output: {
              preserveModules: true,
              preserveModulesRoot: 'src',
              entryFileNames: '[name].js',
            },
          },
        }
      : {
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
            },
          },
        },
}));
