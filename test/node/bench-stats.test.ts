/**
 * The benchmark's statistics (bench/stats.ts) and the docs' tables it
 * rewrites (bench/report.ts). No timing here: figures are `npm run bench`'s.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replaceSection } from '../../bench/report.js';
import { median, quantile, summarize } from '../../bench/stats.js';

describe('the benchmark statistics', () => {
  it('take the middle run as the median of an odd number, and the mean of the two middle ones of an even number', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([40, 10, 30, 20]), 25);
    assert.equal(median([7]), 7);
  });

  it('leave the runs they are given in their order', () => {
    const runs = [3, 1, 2];
    median(runs);
    assert.deepEqual(runs, [3, 1, 2]);
  });

  it('interpolate quartiles between ranks, as R and PERCENTILE.INC do', () => {
    const runs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    assert.equal(quantile(runs, 0.25), 3.25);
    assert.equal(quantile(runs, 0.75), 7.75);
    assert.equal(quantile(runs, 0), 1);
    assert.equal(quantile(runs, 1), 10);
  });

  it('summarize runs as median, min–max, quartiles and count, an outlier moving the max but not the median', () => {
    assert.deepEqual(summarize([120, 100, 110, 105, 900]), {
      median: 110,
      min: 100,
      max: 900,
      q1: 105,
      q3: 120,
      runs: 5,
    });
  });

  it('refuse no runs, a quantile outside 0–1 and a run that is not a number', () => {
    assert.throws(() => median([]), RangeError);
    assert.throws(() => quantile([1, 2], 1.5), RangeError);
    assert.throws(() => summarize([1, Number.NaN]), RangeError);
  });
});

describe("the docs' benchmark tables", () => {
  it("replace only the lines between a suite's markers", () => {
    const document = [
      'Intro.',
      '<!-- bench:map:start -->',
      'old table',
      '<!-- bench:map:end -->',
      'Prose after.',
      '<!-- bench:weight:start -->',
      'other suite',
      '<!-- bench:weight:end -->',
    ].join('\n');
    const updated = replaceSection(document, 'map', 'Map', 'new table');
    assert.equal(updated, document.replace('old table', 'new table'));
  });

  it('add a section with markers for a suite that has none yet', () => {
    const updated = replaceSection('# Performance\n', 'search', 'Search', 'table');
    assert.equal(
      updated,
      '# Performance\n\n## Search\n\n<!-- bench:search:start -->\ntable\n<!-- bench:search:end -->\n',
    );
  });
});
