import { expect } from '@open-wc/testing';
import { DirectoryError } from '../../src/directory/adapter.js';
import { DEFAULT_REQUEST_POLICY, fetchJson, parseRetryAfter } from '../../src/directory/http.js';
import type { RequestPolicy } from '../../src/directory/http.js';
import { failureOf } from './failures.js';

const QUERY = '?lat=41.9229&lng=-87.6483&radius=40&limit=50';

function uniqueKey(): string {
  return `k${Math.random().toString(36).slice(2)}`;
}

function get(path: string, policy: Partial<RequestPolicy> = {}, signal = new AbortController().signal) {
  return fetchJson(new URL(path, location.href), { ...DEFAULT_REQUEST_POLICY, ...policy }, signal);
}

async function requestCount(key: string): Promise<number> {
  const response = await fetch(`/test-api/requests/${key}`);
  return ((await response.json()) as { count: number }).count;
}

describe('fetchJson', () => {
  it('retries a 503 and answers with the body of the attempt that works', async () => {
    const key = uniqueKey();
    const body = (await get(`/test-api/flaky/${key}${QUERY}&failures=2`)) as { providers: unknown[] };
    expect(body.providers).to.have.length(4);
    expect(await requestCount(key)).to.equal(3);
  });

  it('gives up after its retries and reports the last status', async () => {
    const key = uniqueKey();
    const error = await failureOf(get(`/test-api/flaky/${key}${QUERY}&failures=5`, { retries: 1 }));
    expect(error).to.be.instanceOf(DirectoryError);
    expect((error as DirectoryError).kind).to.equal('http');
    expect((error as DirectoryError).status).to.equal(503);
    expect(await requestCount(key)).to.equal(2);
  });

  for (const status of [400, 401, 403, 404]) {
    it(`does not retry a ${status}`, async () => {
      const key = uniqueKey();
      const error = (await failureOf(get(`/test-api/flaky/${key}${QUERY}&status=${status}`))) as DirectoryError;
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(status);
      expect(await requestCount(key)).to.equal(1);
    });
  }

  it('waits as long as a 429 asks, then tries again', async () => {
    const key = uniqueKey();
    const body = (await get(`/test-api/busy/${key}${QUERY}&retry-after=1`)) as { providers: unknown[] };
    expect(body.providers).to.have.length(4);
    expect(await requestCount(key)).to.equal(2);
  });

  it('does not wait for a Retry-After longer than a person would: the 429 is reported', async () => {
    const key = uniqueKey();
    const error = (await failureOf(get(`/test-api/busy/${key}${QUERY}&retry-after=120`))) as DirectoryError;
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(429);
    expect(await requestCount(key)).to.equal(1);
  });

  it('does not retry a timeout', async () => {
    const error = (await failureOf(get(`/test-api/slow/3000${QUERY}`, { timeoutMs: 150 }))) as DirectoryError;
    expect(error.kind).to.equal('timeout');
  });

  it('reports a network failure as such, after retrying it', async () => {
    // Port 9 (discard) is closed on the test machine: the connection is refused.
    const error = (await failureOf(
      fetchJson(
        new URL('http://127.0.0.1:9/directory'),
        { ...DEFAULT_REQUEST_POLICY, retries: 1 },
        new AbortController().signal,
      ),
    )) as DirectoryError;
    expect(error).to.be.instanceOf(DirectoryError);
    expect(error.kind).to.equal('network');
  });

  it('stops waiting to retry as soon as the caller aborts', async () => {
    const key = uniqueKey();
    const controller = new AbortController();
    const pending = get(`/test-api/busy/${key}${QUERY}&retry-after=5`, {}, controller.signal);
    // Abort while the client is waiting out the Retry-After.
    while ((await requestCount(key)) < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const error = await failureOf(pending);
    expect((error as Error).name).to.equal('AbortError');
    expect(await requestCount(key)).to.equal(1);
  });

  it('sends the host’s headers and no cookies unless asked', async () => {
    document.cookie = 'spine-test=1; path=/';
    try {
      const omitted = uniqueKey();
      await get(`/test-api/record/${omitted}${QUERY}`, { headers: { 'X-Api-Key': 'secret-1' } });
      const withoutCookies = await (await fetch(`/test-api/recorded/${omitted}`)).json();
      expect(withoutCookies['x-api-key']).to.equal('secret-1');
      expect(withoutCookies.cookie).to.equal(undefined);

      const included = uniqueKey();
      await get(`/test-api/record/${included}${QUERY}`, { credentials: 'same-origin' });
      const withCookies = await (await fetch(`/test-api/recorded/${included}`)).json();
      expect(withCookies.cookie).to.contain('spine-test=1');
    } finally {
      document.cookie = 'spine-test=; path=/; max-age=0';
    }
  });
});

describe('fetchJson and the size of a response', () => {
  it('reads no more than maxBytes of a body, and says why it stopped', async () => {
    const error = await failureOf(get(`/test-api/directory${QUERY}`, { maxBytes: 100 }));
    expect(error).to.be.instanceOf(DirectoryError);
    expect((error as DirectoryError).kind).to.equal('invalid-response');
    expect((error as DirectoryError).message).to.match(/is larger than the 100 bytes the finder reads/);
    const body = (await get(`/test-api/directory${QUERY}`)) as { providers: unknown[] };
    expect(body.providers).to.have.length(4);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');

  it('reads seconds', () => {
    expect(parseRetryAfter('3', now)).to.equal(3000);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
  });

  it('reads an HTTP date', () => {
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:05 GMT', now)).to.equal(5000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:59:00 GMT', now)).to.equal(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter('-5', now)).to.equal(undefined);
  });
});
