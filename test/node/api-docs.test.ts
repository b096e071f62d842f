/**
 * The README's API tables are made from custom-elements.json by
 * scripts/api-docs.ts, never by hand: this fails when they are out of step.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Manifest } from '../../scripts/api-docs.js';
import { apiBlock, customElements, updateReadme } from '../../scripts/api-docs.js';
import { read } from './element-sources.js';

const manifest = JSON.parse(read('custom-elements.json')) as Manifest;
const readme = read('README.md');

describe('the README API tables', () => {
  it('are what custom-elements.json says (npm run manifest writes them)', () => {
    assert.ok(
      updateReadme(readme, manifest) === readme,
      'README.md is out of step with custom-elements.json: run `npm run manifest`',
    );
  });

  it('cover every element, with its attributes, events, parts and custom properties', () => {
    for (const element of customElements(manifest)) {
      const block = apiBlock(element);
      assert.ok(readme.includes(block), `no up-to-date block for <${element.tagName}>`);
      for (const event of element.events ?? []) assert.ok(block.includes(`| \`${event.name}\` |`), event.name);
      for (const attribute of element.attributes ?? []) assert.ok(block.includes(`| \`${attribute.name}\` |`));
      assert.ok(!element.cssParts?.length || block.includes('CSS parts'));
      assert.ok(!element.cssProperties?.length || block.includes('CSS custom properties'));
    }
  });
});
