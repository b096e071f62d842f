/**
 * The finder against directories that page, filter, fail and recover: what a
 * person sees in each case, through the real JSON adapter and real HTTP.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { DirectoryAdapter, DirectorySearch } from '../../src/directory/adapter.js';
import type { SpineErrorEvent, SpineResultsEvent } from '../../src/events.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import { partsOf, searchAndWait, searchFor } from '../helpers.js';

function uniqueKey(): string {
  return `k${Math.random().toString(36).slice(2)}`;
}

describe('<spine-finder> paging', () => {
  it('shows more results on request, keeps the first ones, and moves focus to the first new card', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder endpoint="/test-api/directory" limit="2"></spine-finder>`,
    );
    await searchAndWait(finder, '60614');
    const parts = partsOf(finder);
    expect(parts.cardNames()).to.deep.equal(['Ana Lopez, DC', 'Ben Okafor, PT, DPT']);
    expect(parts.status.textContent).to.contain('Showing the 2 nearest of 4 clinicians');

    const more = () => finder.shadowRoot!.querySelector<HTMLButtonElement>('[part~="more-button"]');
    const next = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
    more()!.click();
    expect((await next).matches).to.have.length(4);
    await finder.updateComplete;
    await parts.results.whenDrawn();
    expect(parts.cardNames()).to.deep.equal([
      'Ana Lopez, DC',
      'Ben Okafor, PT, DPT',
      'Carla Nguyen, DO',
      'David Kim, DC',
    ]);
    expect(parts.status.textContent!.trim()).to.equal('4 clinicians within 25 miles of 60614');
    expect(more()).to.equal(null);
    const third = parts.cards()[2];
    await waitUntil(() => third.shadowRoot!.activeElement !== null, 'focus did not move to the first new card');
  });
});

describe('<spine-finder> filters', () => {
  it('asks the directory for the filters it is given', async () => {
    const finder = await fixture<SpineFinder>(
      html`<spine-finder
        endpoint="/test-api/directory"
        .filters=${{ telehealth: true, disciplines: ['physical-therapy'] }}
      ></spine-finder>`,
    );
    await searchAndWait(finder, '60614');
    expect(partsOf(finder).cardNames()).to.deep.equal(['Ben Okafor, PT, DPT']);
  });
});

describe('<spine-finder> with an adapter of the host’s own', () => {
  it('searches through any object with a search() method', async () => {
    const searches: DirectorySearch[] = [];
    const adapter: DirectoryAdapter = {
      async search(search) {
        searches.push(search);
        return { matches: [{ provider: SAMPLE_PROVIDERS[3], distanceKm: 1.2 }], total: 1, dropped: 0 };
      },
    };
    const finder = await fixture<SpineFinder>(html`<spine-finder .adapter=${adapter} radius="10"></spine-finder>`);
    await searchAndWait(finder, '60614');
    expect(partsOf(finder).cardNames()).to.deep.equal(['David Kim, DC']);
    expect(searches).to.have.length(1);
    expect(searches[0].radiusKm).to.be.closeTo(16.0934, 0.001);
    expect(searches[0].point.lat).to.be.closeTo(41.92, 0.01);
  });
});

describe('<spine-finder> when the directory fails', () => {
  const faults: Array<{ fault: string; failures: number; kind: string; message: string; timeout?: number }> = [
    { fault: 'status&status=500', failures: 3, kind: 'http', message: 'The directory answered with an error (500).' },
    { fault: 'status&status=404', failures: 1, kind: 'http', message: 'The directory answered with an error (404).' },
    { fault: 'not-json', failures: 1, kind: 'invalid-response', message: 'could not be read' },
    { fault: 'truncated', failures: 1, kind: 'invalid-response', message: 'could not be read' },
    { fault: 'wrong-shape', failures: 1, kind: 'invalid-response', message: 'could not be read' },
    { fault: 'hang', failures: 1, kind: 'timeout', message: 'took too long', timeout: 300 },
  ];

  for (const { fault, failures, kind, message, timeout } of faults) {
    it(`explains ${fault.split('&')[0]} (${kind}), keeps the earlier results, and recovers on Retry`, async () => {
      const finder = await fixture<SpineFinder>(
        html`<spine-finder endpoint="/test-api/directory" timeout=${timeout ?? 10000}></spine-finder>`,
      );
      await searchAndWait(finder, 'Evanston, IL');
      const parts = partsOf(finder);
      const earlier = parts.cardNames();

      finder.endpoint = `/test-api/flaky/${uniqueKey()}?failures=${failures}&fault=${fault}`;
      const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
      await searchFor(finder, '60614');
      const failed = await error;
      expect(failed.kind).to.equal(kind);
      expect(failed.message).to.contain(message);
      await finder.updateComplete;
      expect(parts.alert.textContent).to.contain(message);
      expect(parts.alert.textContent).to.contain('These results are from your previous search.');
      expect(parts.cardNames()).to.deep.equal(earlier);
      expect(finder.shadowRoot!.querySelector('.list')!.classList.contains('stale')).to.equal(true);

      const recovered = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
      parts.retryButton()!.click();
      expect((await recovered).place.label).to.equal('60614');
      await finder.updateComplete;
      expect(parts.alert.textContent!.trim()).to.equal('');
      expect(parts.status.textContent).to.contain('4 clinicians within 25 miles of 60614');
    });
  }

  it('explains a directory it cannot reach, and recovers on Retry once it is back', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, 'Evanston, IL');
    // Nothing listens on port 9 (discard) here: the connection is refused.
    finder.endpoint = 'http://127.0.0.1:9/directory';
    const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
    await searchFor(finder, '60614');
    expect((await error).kind).to.equal('network');
    await finder.updateComplete;
    const parts = partsOf(finder);
    expect(parts.alert.textContent).to.contain('The directory could not be reached.');
    expect(parts.cardNames()[0]).to.equal('David Kim, DC');

    finder.endpoint = '/test-api/directory';
    await finder.updateComplete;
    const recovered = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
    parts.retryButton()!.click();
    expect((await recovered).place.label).to.equal('60614');
  });

  it('says when the browser is offline, and recovers on Retry once it is back online', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, 'Evanston, IL');
    // The test runner's own connection must stay up, so the page is not
    // really taken offline: the browser reports offline and the directory
    // is out of reach, which is what a person's dropped Wi-Fi looks like.
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      finder.endpoint = 'http://127.0.0.1:9/directory';
      const error = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
      await searchFor(finder, '60201');
      expect((await error).kind).to.equal('offline');
      await finder.updateComplete;
      expect(partsOf(finder).alert.textContent).to.contain('You appear to be offline.');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    finder.endpoint = '/test-api/directory';
    await finder.updateComplete;
    const recovered = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
    partsOf(finder).retryButton()!.click();
    expect((await recovered).place.label).to.equal('60201');
  });

  it('shows only the latest of several quick searches', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/slow/400"></spine-finder>`);
    const results: SpineResultsEvent[] = [];
    finder.addEventListener('spine-results', (event) => results.push(event));
    finder.search('60614');
    finder.search('Evanston, IL');
    finder.endpoint = '/test-api/directory';
    await finder.updateComplete;
    finder.search('60201');
    await waitUntil(() => results.length > 0, 'no results arrived');
    // Give any stale answer time to land (the slow endpoint answers in 400 ms).
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(results.map((event) => event.place.label)).to.deep.equal(['60201']);
    expect(partsOf(finder).cardNames()[0]).to.equal('David Kim, DC');
  });
});
