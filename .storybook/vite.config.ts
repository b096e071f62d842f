import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { getDemoDirectory } from '../scripts/demo-directory.js';
import { spineFinderPlugin } from '../scripts/vite-plugin-spine.js';
import { registeringModulesHaveSideEffects } from '../vite.config.js';

/**
 * The static build has no server for the demo directory: its clinicians go
 * into the build as one file, which the stories read with the static
 * adapter (stories/story-data.ts, DEMO_DIRECTORY). `storybook dev` serves
 * the same clinicians at /api/directory instead.
 */
function demoDirectoryFile(): Plugin {
  return {
    name: 'spine-storybook-demo-directory',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'demo-data/providers.json',
        source: JSON.stringify(getDemoDirectory()),
      });
    },
  };
}

// Storybook's own Vite config: the app's plugin (demo endpoint, data files)
// without the redirect to the demo page; src/define.ts kept in the static
// build, which would otherwise drop it as free of side effects (package.json's
// `sideEffects` names only the published lib/define.js); and the demo
// directory as a file.
export default defineConfig({
  plugins: [spineFinderPlugin(), registeringModulesHaveSideEffects(), demoDirectoryFile()],
});
