/**
 * The npm package, as `npm pack` would publish it after `npm run build`: what
 * a user needs (the modules, their types, the drop-in, the schemas, the docs,
 * custom-elements.json, README, LICENSE) and nothing of the tests, stories,
 * benchmarks or demo; every `exports` target there; and `sideEffects` naming
 * only the modules that register elements. Run by `npm run test:e2e`, after
 * the build (and after test/node/manifest.test.ts has checked, before the
 * build rewrites it, that the committed custom-elements.json is current).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  sideEffects: string[];
  customElements: string;
  types: string;
  main: string;
};

const packed: string[] = (
  JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
  ) as { files: { path: string }[] }[]
)[0].files.map((file) => file.path);

/** `./lib/elements/*.js` as a test of a packed path. */
function matcher(pattern: string): (path: string) => boolean {
  const source = pattern
    .replace(/^\.\//, '')
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '(?:.*/)?')
    .replace(/\*/g, '[^/]*');
  const expression = new RegExp(`^${source}$`);
  return (path) => expression.test(path);
}

/** Every file a module pulls in when it is imported (static imports only: lazy chunks load later). */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join(ROOT, file), 'utf8');
  for (const [, specifier] of source.matchAll(/^(?:import|export)\s[^;]*?['"]([^'"]+)['"]/gm)) {
    if (specifier.startsWith('.')) staticImports(posix.join(posix.dirname(file), specifier), seen);
    else seen.add(specifier);
  }
  return seen;
}

describe('the npm package', () => {
  it('holds what a user needs', () => {
    const needed = [
      'package.json',
      'README.md',
      'LICENSE',
      'custom-elements.json',
      'lib/index.js',
      'lib/index.d.ts',
      'lib/define.js',
      'lib/define.d.ts',
      'dist/spine-finder.js',
      'schema/provider.schema.json',
      'docs/events.md',
      'docs/frameworks.md',
    ];
    assert.deepEqual(
      needed.filter((path) => !packed.includes(path)),
      [],
    );
    assert.ok(
      packed.some((path) => path.startsWith('dist/spine-assets/')),
      'the drop-in’s data files',
    );
    assert.ok(
      packed.some((path) => path.startsWith('lib/spine-assets/')),
      'the modules’ data files',
    );
    assert.match(
      readFileSync(join(ROOT, 'LICENSE'), 'utf8'),
      /Copyright \(c\) 2026 Spine IQ spine-finder contributors/,
    );
  });

  it('holds nothing of the tests, stories, benchmarks, demo or sources', () => {
    const unwanted = packed.filter(
      (path) =>
        /^(test|stories|bench|demo|src|scripts|\.storybook|storybook-static|node_modules)\//.test(path) ||
        /\.(test|e2e|stories)\.|\/test\/|\.d\.ts\.map$/.test(path),
    );
    assert.deepEqual(unwanted, []);
  });

  it('has every exports target, with its types, in the package', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      const targets = typeof target === 'string' ? [target] : Object.values(target);
      for (const path of targets) {
        const matches = packed.filter(matcher(path));
        assert.ok(matches.length > 0, `exports["${subpath}"] → ${path} is not in the package`);
        for (const match of matches) assert.ok(existsSync(join(ROOT, match)), `${match} was not built`);
      }
    }
    for (const path of [pkg.main, pkg.types, pkg.customElements]) assert.ok(packed.some(matcher(path)), path);
  });

  it('names only the registering modules as having side effects', () => {
    const sideEffects = packed.filter((path) => pkg.sideEffects.some((pattern) => matcher(pattern)(path)));
    for (const pattern of pkg.sideEffects) {
      assert.ok(packed.some(matcher(pattern)), `sideEffects "${pattern}" matches nothing`);
    }
    const modules = sideEffects.filter((path) => path.startsWith('lib/'));
    assert.deepEqual(
      modules.sort(),
      ['lib/define.js', ...packed.filter((path) => /^lib\/elements\/[^/]+\.js$/.test(path))].sort(),
    );
    assert.ok(!sideEffects.includes('lib/index.js'), 'the index must stay free of side effects');
  });

  it('has an element module per element, that imports only what its element renders', () => {
    const elementModules = packed.filter((path) => /^lib\/elements\/spine-[a-z-]+\.js$/.test(path));
    assert.equal(elementModules.length, 7);
    for (const module of elementModules) {
      assert.ok(packed.includes(module.replace(/\.js$/, '.d.ts')), `${module} has no types`);
      assert.ok(pkg.exports[`./${module.replace(/^lib\//, '')}`], `${module} is not in exports`);
    }
    const card = staticImports('lib/elements/spine-provider-card.js');
    assert.ok(![...card].some((path) => /components\/map\/|leaflet/.test(path)), 'a card must not pull in the map');
    const finder = staticImports('lib/elements/spine-finder.js');
    for (const tag of ['search-box', 'filters', 'results', 'provider-card', 'map', 'referral-tray']) {
      assert.ok(
        [...finder].some((path) => path === `lib/elements/spine-${tag}.js`),
        `the finder's module registers <spine-${tag}>`,
      );
    }
  });
});
