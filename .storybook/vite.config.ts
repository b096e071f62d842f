import { defineConfig } from 'vite';
import { spineFinderPlugin } from '../scripts/vite-plugin-spine.js';

// Storybook's own Vite config: the app's plugin (demo endpoint, data files)
// without the redirect to the demo page.
export default defineConfig({
  plugins: [spineFinderPlugin()],
});
