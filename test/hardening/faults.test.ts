/**
 * Every way a directory can fail, through the whole finder, over real HTTP
 * (scripts/test-endpoints.ts): each ends in a message a person can read,
 * with Retry, the earlier results stay on screen, and the page never sees an
 * unhandled rejection or an uncaught error.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import { DirectoryError } from '../../src/directory/adapter.js';
import type { SpineErrorEvent, SpineResultsEvent } from '../../src/events.js';
import { partsOf, searchAndWait, searchFor } from '../helpers.js';

function uniqueKey(): string {
  return `f${Math.random().toString(36).slice(2)}`;
}

interface Fault {
  name: string;
  /** The endpoint that fails; `key` makes it fail for this test only. */
  endpoint: (key: string) => string;
  kind: string;
  message: string;
  /** What the host reads in the error's cause, for its logs. */
  cause?: RegExp;
  timeout?: number;
  /** Makes the endpoint work again before Retry, for faults that do not heal by themselves. */
  heal?: (finder: SpineFinder) => void;
}

const FAULTS: Fault[] = [
  {
    name: 'connection refused',
    // Nothing listens on port 9 (discard) here.
    endpoint: () => 'http://127.0.0.1:9/directory',
    kind: 'network',
    message: 'The directory could not be reached.',
    heal: (finder) => (finder.endpoint = '/test-api/directory'),
  },
  {
    name: '404',
    endpoint: (key) => `/test-api/flaky/${key}?fault=status&status=404`,
    kind: 'http',
    message: 'The directory answered with an error (404).',
  },
  {
    name: '500, after two retries',
    endpoint: (key) => `/test-api/flaky/${key}?failures=3&fault=status&status=500`,
    kind: 'http',
    message: 'The directory answered with an error (500).',
  },
  {
    name: '429 asking for two minutes',
    endpoint: (key) => `/test-api/busy/${key}?retry-after=120`,
    kind: 'http',
    message: 'The directory is busy. Try again in 2 minutes.',
  },
  {
    name: 'a hang',
    endpoint: (key) => `/test-api/flaky/${key}?fault=hang`,
    kind: 'timeout',
    message: 'The directory took too long to answer.',
    timeout: 300,
  },
  {
    name: 'not JSON',
    endpoint: (key) => `/test-api/flaky/${key}?fault=not-json`,
    kind: 'invalid-response',
    message: 'could not be read',
    cause: /is not JSON/,
  },
  {
    name: 'truncated JSON',
    endpoint: (key) => `/test-api/flaky/${key}?fault=truncated`,
    kind: 'invalid-response',
    message: 'could not be read',
    cause: /cut short/,
  },
  {
    name: 'an endless response',
    endpoint: (key) => `/test-api/flaky/${key}?fault=endless`,
    kind: 'invalid-response',
    message: 'could not be read',
    cause: /larger than the 16 MB the finder reads/,
  },
  {
    name: 'a gigabyte announced',
    endpoint: (key) => `/test-api/flaky/${key}?fault=huge-declared`,
    kind: 'invalid-response',
    message: 'could not be read',
    cause: /larger than the 16 MB the finder reads/,
  },
  {
    name: 'fields of the wrong types',
    endpoint: (key) => `/test-api/flaky/${key}?fault=wrong-types`,
    kind: 'invalid-response',
    message: 'could not be read',
  },
  {
    name: 'the wrong shape',
    endpoint: (key) => `/test-api/flaky/${key}?fault=wrong-shape`,
    kind: 'invalid-response',
    message: 'could not be read',
  },
];

describe('the finder when the directory fails', () => {
  const problems: string[] = [];
  const onRejection = (event: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${String(event.reason)}`);
  const onError = (event: ErrorEvent) => problems.push(`uncaught: ${event.message}`);
  before(() => {
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
  });
  after(() => {
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onError);
  });
  beforeEach(() => {
    problems.length = 0;
  });

  for (const fault of FAULTS) {
    it(`says so on ${fault.name}, keeps the earlier results, and recovers on Retry`, async function () {
      this.timeout(20_000);
      const finder = await fixture<SpineFinder>(
        html`<spine-finder endpoint="/test-api/directory" timeout=${fault.timeout ?? 10_000}></spine-finder>`,
      );
      await searchAndWait(finder, 'Evanston, IL');
      const parts = partsOf(finder);
      const earlier = parts.cardNames();

      finder.endpoint = fault.endpoint(uniqueKey());
      const failed = oneEvent(finder, 'spine-error') as Promise<SpineErrorEvent>;
      await searchFor(finder, '60614');
      const error = await failed;
      await finder.updateComplete;
      expect(error.kind).to.equal(fault.kind);
      expect(error.message).to.contain(fault.message);
      expect(error.cause).to.be.instanceOf(DirectoryError);
      if (fault.cause) expect((error.cause as DirectoryError).message).to.match(fault.cause);
      expect(parts.alert.textContent).to.contain(fault.message);
      expect(parts.alert.textContent).to.contain('These results are from your previous search.');
      expect(parts.cardNames()).to.deep.equal(earlier);
      expect(parts.retryButton()).not.to.equal(null);

      fault.heal?.(finder);
      await finder.updateComplete;
      const recovered = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
      parts.retryButton()!.click();
      expect((await recovered).place.label).to.equal('60614');
      await finder.updateComplete;
      expect(parts.alert.textContent!.trim()).to.equal('');
      expect(parts.status.textContent).to.contain('4 clinicians within 25 miles of 60614');
      expect(problems).to.deep.equal([]);
    });
  }

  it('says it is searching while a slow directory answers, keeping the earlier results until it does', async () => {
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint="/test-api/directory"></spine-finder>`);
    await searchAndWait(finder, 'Evanston, IL');
    const parts = partsOf(finder);
    const earlier = parts.cardNames();
    const key = uniqueKey();
    finder.endpoint = `/test-api/gate/${key}`;
    await searchFor(finder, '60614');
    await waitUntil(
      async () => ((await (await fetch(`/test-api/gate/${key}/log`)).json()) as { received: number }).received === 1,
      'the request did not arrive',
    );
    await finder.updateComplete;
    expect(parts.status.textContent).to.contain('Searching');
    expect(parts.cardNames()).to.deep.equal(earlier);

    const results = oneEvent(finder, 'spine-results') as Promise<SpineResultsEvent>;
    await fetch(`/test-api/gate/${key}/open`, { method: 'POST' });
    expect((await results).place.label).to.equal('60614');
    expect(problems).to.deep.equal([]);
  });
});
