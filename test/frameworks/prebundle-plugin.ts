/**
 * A @web/dev-server plugin for the framework examples' tests: serves React
 * (CommonJS only) as ES modules, bundled once by esbuild, the way a host's
 * bundler would; Vue as its browser build with the template compiler;
 * `spine-finder/…` from the sources, as the package's `exports` map it; and
 * the drop-in's URL in the plain HTML example as the sources of its entry.
 * Angular's packages are ES modules already: the runner's node resolution
 * serves them.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Plugin } from '@web/dev-server-core';

/** The modules a React example imports, all from one bundle so the page has one React. */
const REACT_MODULES = ['react', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'];
const BUNDLE_PATH = '/__framework/react-bundle.js';
/** Where the plain HTML example loads the drop-in from: a host's copy of dist/. */
const DROP_IN_PATH = '/vendor/spine-finder/spine-finder.js';

/** Where a bare import is served from. */
const ALIASES: Record<string, string> = {
  vue: '/node_modules/vue/dist/vue.esm-browser.js',
  'spine-finder': '/src/index.ts',
  ...Object.fromEntries(REACT_MODULES.map((name) => [name, `/__framework/${name.replace(/\//g, '__')}.js`])),
};

export function frameworkModulesPlugin(rootDir: string): Plugin {
  let bundle: Promise<string> | undefined;
  let exportNames: Promise<Record<string, string[]>> | undefined;
  return {
    name: 'framework-modules',
    resolveImport({ source, context }) {
      const element = /^spine-finder\/elements\/(spine-[a-z-]+)\.js$/.exec(source);
      if (element) return `/src/elements/${element[1]}.ts`;
      // A module imports a .tsx file as .js, as tsc wants; the server has only the .tsx.
      if (source.startsWith('.') && source.endsWith('.js')) {
        const tsx = source.replace(/\.js$/, '.tsx');
        if (existsSync(join(rootDir, dirname(context.path), tsx))) return tsx;
      }
      return ALIASES[source];
    },
    async serve(context) {
      if (context.path === DROP_IN_PATH) return { body: "import '/src/define.ts';", type: 'js' };
      if (context.path === BUNDLE_PATH) {
        bundle ??= bundleReact();
        return { body: await bundle, type: 'js' };
      }
      const name = REACT_MODULES.find((module) => ALIASES[module] === context.path);
      if (!name) return undefined;
      exportNames ??= readExportNames();
      const names = (await exportNames)[name];
      const variable = name.replace(/\W/g, '_');
      return {
        body: [
          `import { ${variable} as module } from '${BUNDLE_PATH}';`,
          'export default module;',
          `export const { ${names.join(', ')} } = module;`,
        ].join('\n'),
        type: 'js',
      };
    },
  };
}

/**
 * The named exports of each CommonJS module, read in a Node of their own:
 * React in development mode calls console methods the test runner's
 * console does not have.
 */
async function readExportNames(): Promise<Record<string, string[]>> {
  const script = `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(REACT_MODULES)}.map((name) => [
    name, Object.keys(require(name)).filter((key) => /^[A-Za-z_$][\\w$]*$/.test(key)),
  ]))))`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: process.cwd() });
  return JSON.parse(stdout) as Record<string, string[]>;
}

async function bundleReact(): Promise<string> {
  const result = await build({
    stdin: {
      contents: REACT_MODULES.map((name) => `export * as ${name.replace(/\W/g, '_')} from '${name}';`).join('\n'),
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
