/**
 * @web/test-runner plugins that give the browser tests what Vite gives the
 * app: `?inline` CSS imports as strings, Leaflet as the drop-in ships it,
 * the demo endpoint and data files, and the test endpoints; and commands
 * that grant or deny the clipboard and the position, and that turn forced
 * colours on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from '@web/dev-server-core';
import type { TestRunnerPlugin } from '@web/test-runner';
import type { ChromeLauncher } from '@web/test-runner-chrome';
import { LEAFLET_CSS, leanLeafletModule, leanLeafletStyles } from './lean-leaflet.js';
import { testEndpointsMiddleware } from './test-endpoints.js';
import { spineMiddleware } from './vite-plugin-spine.js';

type NodeMiddleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
interface KoaContext {
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

/** A Node (connect-style) middleware as a Koa one, for the test runner. */
function fromNodeMiddleware(middleware: NodeMiddleware) {
  return (context: KoaContext, next: () => Promise<unknown>) => {
    let passed = false;
    middleware(context.req, context.res, () => {
      passed = true;
    });
    if (passed) return next();
    // The middleware answers (now or later) on the raw response.
    context.respond = false;
    return undefined;
  };
}

export const testMiddleware = [spineMiddleware, testEndpointsMiddleware].map(fromNodeMiddleware);

export function inlineCssPlugin(rootDir: string): Plugin {
  return {
    name: 'inline-css',
    async serve(context) {
      if (!context.path.endsWith('.css') || !context.URL.searchParams.has('inline')) return undefined;
      const file = await readFile(join(rootDir, context.path), 'utf8');
      const css = LEAFLET_CSS.test(context.path) ? leanLeafletStyles(file) : file;
      return { body: `export default ${JSON.stringify(css)};`, type: 'js' };
    },
  };
}

/**
 * Leaflet as the drop-in ships it (scripts/lean-leaflet.ts), its tile layers
 * in src/map/leaflet-tiles.ts, so the tests fail if the finder comes to need
 * a part of Leaflet the build leaves out, or a tile layer from Leaflet's
 * module.
 */
export function leanLeafletPlugin(rootDir: string): Plugin {
  return {
    name: 'lean-leaflet',
    transform(context) {
      const lean = leanLeafletModule(context.path, join(rootDir, 'src'));
      return lean === undefined ? undefined : { body: lean };
    },
  };
}

export interface ClipboardPermissionPayload {
  granted: boolean;
}

/**
 * `set-clipboard-permission`: grants (or denies) the test page the clipboard,
 * as a person answering the browser's prompt would. Headless Chromium denies
 * writing to it until told otherwise.
 */
export function clipboardPermissionPlugin(): TestRunnerPlugin<ClipboardPermissionPayload> {
  return {
    name: 'clipboard-permission',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-clipboard-permission') return undefined;
      const page = (session.browser as ChromeLauncher).getPage(session.id);
      const state = payload?.granted ? 'granted' : 'denied';
      await page
        .browserContext()
        .setPermission(
          new URL(page.url()).origin,
          { permission: { name: 'clipboard-read' }, state },
          { permission: { name: 'clipboard-write' }, state },
        );
      return true;
    },
  };
}

export type GeolocationPayload = { latitude: number; longitude: number } | { denied: true };

/**
 * `set-geolocation`: where the browser says the person is, or that they
 * refused to share it, as they would answer the browser's prompt.
 */
export function geolocationPlugin(): TestRunnerPlugin<GeolocationPayload> {
  return {
    name: 'geolocation',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-geolocation' || !payload) return undefined;
      const page = (session.browser as ChromeLauncher).getPage(session.id);
      const origin = new URL(page.url()).origin;
      if ('denied' in payload) {
        await page.browserContext().setPermission(origin, { permission: { name: 'geolocation' }, state: 'denied' });
        return true;
      }
      await page.browserContext().setPermission(origin, { permission: { name: 'geolocation' }, state: 'granted' });
      await page.setGeolocation({ latitude: payload.latitude, longitude: payload.longitude });
      return true;
    },
  };
}

export interface ForcedColorsPayload {
  active: boolean;
}

type BrowserPage = ReturnType<ChromeLauncher['getPage']>;
type DevToolsSession = Awaited<ReturnType<BrowserPage['createCDPSession']>>;

/** One DevTools session per page: an emulation lasts only as long as the session that asked for it. */
const emulationSessions = new WeakMap<BrowserPage, DevToolsSession>();

/**
 * `emulate-forced-colors`: Windows high contrast, as a person who has turned
 * it on sees the page: `forced-colors: active` matches and Chromium paints
 * with system colours. `emulateMedia` of @web/test-runner-commands cannot
 * do this with the Chrome launcher (Puppeteer accepts only the
 * prefers-color-scheme, prefers-reduced-motion and color-gamut features).
 */
export function forcedColorsPlugin(): TestRunnerPlugin<ForcedColorsPayload> {
  return {
    name: 'forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors' || !payload) return undefined;
      const page = (session.browser as ChromeLauncher).getPage(session.id);
      let client = emulationSessions.get(page);
      if (!client) {
        client = await page.createCDPSession();
        emulationSessions.set(page, client);
      }
      await client.send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}
