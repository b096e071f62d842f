/**
 * The static adapter on a page whose Content-Security-Policy forbids workers.
 * A file of its own: the policy cannot be lifted once the page has it.
 */
import { expect } from '@open-wc/testing';
import { createStaticAdapter } from '../../src/directory/static-adapter.js';

before(() => {
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = "worker-src 'none'";
  document.head.append(policy);
});

describe('createStaticAdapter where workers are forbidden', () => {
  it('reads the file on the main thread instead, with the same results', async () => {
    performance.setResourceTimingBufferSize(10_000);
    const file = new URL('/test/fixtures/static/providers.json?csp', location.href);
    const search = { point: { lat: 41.9229, lng: -87.6483 }, radiusKm: 200, limit: 10, filters: {} };
    const signal = new AbortController().signal;

    const page = await createStaticAdapter(file).search(search, { signal });
    const onMainThread = await createStaticAdapter(file, {}, { worker: false }).search(search, { signal });

    expect(page.total).to.equal(58);
    expect(page).to.deep.equal(onMainThread);
    // Only the page's own requests are in its resource timeline: no worker fetched the file.
    expect(performance.getEntriesByType('resource').filter((entry) => entry.name === file.href)).to.have.length(2);
  });
});
