/**
 * `<spine-finder adapter="static">` with a sharded directory's manifest, as
 * a person uses it: the same clinicians as from one file, and a shard that
 * keeps failing shown like any directory failure, with Retry.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineErrorEvent, SpineResultsEvent } from '../../src/events.js';
import { partsOf, searchAndWait, searchFor } from '../helpers.js';

function uniqueKey(): string {
  return `finder-shard-${Math.random().toString(36).slice(2)}`;
}

describe('<spine-finder> with a sharded static directory', () => {
  it('lists the clinicians the same directory in one file gives', async () => {
    const sharded = await fixture<SpineFinder>(
      html`<spine-finder
        adapter="static"
        endpoint="/test/fixtures/sharded/providers/manifest.json"
        no-map
      ></spine-finder>`,
    );
    const fromShards = await searchAndWait(sharded, '60614');
    const oneFile = await fixture<SpineFinder>(
      html`<spine-finder adapter="static" endpoint="/test/fixtures/static/providers.json" no-map></spine-finder>`,
    );
    const fromFile = await searchAndWait(oneFile, '60614');
    expect(fromShards.total).to.be.above(20);
    expect(fromShards.matches.map((match) => match.provider.id)).to.deep.equal(
      fromFile.matches.map((match) => match.provider.id),
    );
    expect(partsOf(sharded).cardNames()).to.deep.equal(partsOf(oneFile).cardNames());
    expect(partsOf(sharded).status.textContent).to.equal(partsOf(oneFile).status.textContent);
  });

  it('says when a shard cannot be read, and shows the clinicians on Retry once it can', async () => {
    // Each shard answers 503 three times: the first try and both retries of the first search.
    const finder = await fixture<SpineFinder>(
      html`<spine-finder
        adapter="static"
        endpoint=${`/test-api/sharded/${uniqueKey()}/3/manifest.json`}
        no-map
      ></spine-finder>`,
    );
    const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    await searchFor(finder, '60614');
    const failed = await error;
    expect(failed.kind).to.equal('http');
    await finder.updateComplete;
    const parts = partsOf(finder);
    expect(parts.alert.textContent).to.contain('The directory answered with an error (503).');
    expect(parts.cardNames()).to.deep.equal([]);

    const recovered = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
    parts.retryButton()!.click();
    const results = await recovered;
    await finder.updateComplete;
    await parts.results.whenDrawn();
    expect(results.total).to.be.above(20);
    expect(parts.alert.textContent!.trim()).to.equal('');
    expect(parts.cardNames()).to.have.length(results.matches.length);
    expect(parts.status.textContent).to.contain('within 25 miles of 60614');
  });
});
