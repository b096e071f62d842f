// Browser tests in headless Chromium (Debian's `chromium`; nothing is
// downloaded). The server plugins are TypeScript, loaded through tsx.
import { register } from 'tsx/esm/api';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

register();
const {
  testMiddleware,
  inlineCssPlugin,
  leanLeafletPlugin,
  clipboardPermissionPlugin,
  geolocationPlugin,
  forcedColorsPlugin,
} = await import('./scripts/test-runner-plugins.ts');
const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('./scripts/chromium.ts');
const { frameworkModulesPlugin } = await import('./test/frameworks/prebundle-plugin.ts');

const rootDir = new URL('.', import.meta.url).pathname;

export default {
  rootDir,
  files: ['test/**/*.test.ts', '!test/node/**', '!test/e2e/**'],
  nodeResolve: true,
  // One page at a time: a page in the background gets no frames, so its
  // IntersectionObservers (which load the map) and animations never run.
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    }),
  ],
  middleware: testMiddleware,
  plugins: [
    inlineCssPlugin(rootDir),
    leanLeafletPlugin(rootDir),
    clipboardPermissionPlugin(),
    geolocationPlugin(),
    forcedColorsPlugin(),
    // React, Vue and `spine-finder` imports for the framework examples (test/frameworks/).
    frameworkModulesPlugin(rootDir),
    esbuildPlugin({
      ts: true,
      tsx: true,
      target: 'es2022',
      tsconfig: new URL('./tsconfig.json', import.meta.url).pathname,
    }),
  ],
  testFramework: {
    config: { timeout: 10000 },
  },
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <body>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
};
