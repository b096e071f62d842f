/**
 * The README's embed snippet against the built drop-in: its integrity hash
 * is the entry's, its path names this version. Run after `npm run build`
 * (npm test builds first), which writes the snippet; on CI the build leaves
 * the committed README alone, so a hash not committed fails here.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import {
  embedSnippet,
  ENTRY,
  integrityOf,
  packageVersion,
  README,
  readmeSnippet,
  withSnippet,
} from '../../scripts/sri.js';

describe('the README’s embed snippet', () => {
  it('has the integrity hash of dist/spine-finder.js and this version’s path', async () => {
    const entry = await readFile(ENTRY).catch(() =>
      assert.fail('dist/spine-finder.js is missing: run `npm run build`'),
    );
    const snippet = readmeSnippet(await readFile(README, 'utf8'));
    assert.ok(snippet, 'README.md has <!-- sri:start --> … <!-- sri:end -->');
    assert.equal(
      snippet,
      embedSnippet(await packageVersion(), integrityOf(entry)),
      'the snippet is not the built file’s: run `npm run build` and commit README.md',
    );
  });

  it('is written between the markers only, and again to the same text', () => {
    const readme = 'Before\n<!-- sri:start -->\nold\n<!-- sri:end -->\nAfter\n';
    const once = withSnippet(readme, embedSnippet('1.2.3', 'sha384-abc'));
    assert.equal(once, withSnippet(once, embedSnippet('1.2.3', 'sha384-abc')));
    assert.ok(once.startsWith('Before\n<!-- sri:start -->\n\n```html\n<script'));
    assert.ok(once.endsWith('```\n\n<!-- sri:end -->\nAfter\n'));
    assert.match(readmeSnippet(once)!, /integrity="sha384-abc"\n {2}crossorigin="anonymous"/);
    assert.throws(() => withSnippet('no markers', 'x'), /sri:start/);
  });

  it('hashes as browsers do: SHA-384 in base64 (the hash of an empty file is well known)', () => {
    assert.equal(
      integrityOf(new Uint8Array()),
      'sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb',
    );
  });
});
