import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import customElements from '../custom-elements.json';
import '../src/define.js';

// The docs pages and the controls' table come from the manifest that
// `npm run manifest` writes from the elements' JSDoc headers, the same one
// the README's tables are made from.
setCustomElementsManifest(customElements);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    a11y: { test: 'error' },
    layout: 'padded',
  },
};

export default preview;
