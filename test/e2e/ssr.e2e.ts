/**
 * Importing the package where there is no DOM, as a server renderer does
 * (Next.js, Astro, Eleventy): nothing may use `window`, `document`,
 * `navigator`, `location` or storage at import time. Each import runs in a
 * plain Node process of its own (none of those exist there, so using one
 * throws), against the built package (lib/), resolved through its `exports`
 * as a host's server would.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `source` as an ES module in a fresh Node, which has no browser globals. */
function runWithoutDom(source: string): string {
  const check = `
    for (const name of ['window', 'document', 'location', 'localStorage', 'sessionStorage']) {
      if (name in globalThis) throw new Error(name + ' exists in this Node');
    }
  `;
  return execFileSync(process.execPath, ['--input-type=module', '--eval', `${check}\n${source}`], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('importing the package without a DOM', () => {
  it('loads the side-effect-free index and lists its exports', () => {
    const out = runWithoutDom(`
      const module = await import('spine-finder');
      console.log(typeof module.SpineFinder, typeof module.ProviderSchema);
    `);
    assert.equal(out.trim(), 'function object');
  });

  it('loads the registering module and every element module without throwing', () => {
    const out = runWithoutDom(`
      await import('spine-finder/define.js');
      for (const tag of ['spine-finder', 'spine-search-box', 'spine-filters', 'spine-results',
                         'spine-provider-card', 'spine-map', 'spine-referral-tray']) {
        await import('spine-finder/elements/' + tag + '.js');
      }
      console.log(globalThis.SpineFinder.elements.length);
    `);
    assert.equal(out.trim(), '7');
  });

  it('fails when a module uses the DOM (the check itself)', () => {
    assert.throws(() => runWithoutDom(`document.title;`), /document is not defined/);
  });
});
