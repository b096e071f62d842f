/**
 * docs/frameworks.md shows the framework examples that the browser tests
 * run (test/frameworks/), exactly: every code block names its file, equals
 * it, and every example file is shown.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { read, ROOT } from './element-sources.js';

const doc = read('docs/frameworks.md');
const EXAMPLE_FOLDERS = ['html', 'react', 'vue', 'angular'];

/** Each fenced block of the doc, with the file the comment before it names. */
function codeBlocks(): { file: string | undefined; code: string }[] {
  return [...doc.matchAll(/(?:<!-- example: (\S+) -->\n\n)?```\w*\n([\s\S]*?)\n```/g)].map((match) => ({
    file: match[1],
    code: match[2],
  }));
}

describe('docs/frameworks.md', () => {
  const blocks = codeBlocks();

  it('shows only checked files: every code block names its example file', () => {
    assert.ok(blocks.length >= 5);
    assert.deepEqual(
      blocks.filter((block) => !block.file).map((block) => block.code.slice(0, 60)),
      [],
    );
  });

  for (const block of blocks.filter((candidate) => candidate.file)) {
    it(`shows ${block.file} as it is`, () => {
      assert.equal(block.code, read(block.file!).replace(/\n$/, ''));
    });
  }

  it('shows every example file', () => {
    const files = EXAMPLE_FOLDERS.flatMap((folder) =>
      readdirSync(join(ROOT, 'test/frameworks', folder)).map((name) => `test/frameworks/${folder}/${name}`),
    );
    assert.deepEqual(
      files.filter((file) => !blocks.some((block) => block.file === file)),
      [],
    );
  });
});
