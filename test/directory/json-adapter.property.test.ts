/**
 * The JSON adapter over real HTTP with arbitrary response bodies: it never
 * throws anything but a DirectoryError, and every valid record arrives.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DirectoryError } from '../../src/directory/adapter.js';
import { createJsonAdapter } from '../../src/directory/json-adapter.js';
import { anyJson, mixedRecords } from '../arbitraries/providers.js';

const SEARCH = { point: { lat: 41.9229, lng: -87.6483 }, radiusKm: 40, limit: 50, filters: {} };

async function serve(body: string): Promise<string> {
  const key = `p${Math.random().toString(36).slice(2)}`;
  await fetch(`/test-api/stash/${key}`, { method: 'POST', body });
  return `/test-api/stash/${key}`;
}

describe('createJsonAdapter over arbitrary responses', () => {
  const warn = console.warn;
  // One console warning per response with invalid records is expected; hundreds would drown the log.
  before(() => {
    console.warn = () => {};
  });
  after(() => {
    console.warn = warn;
  });

  it('shows every valid record of a response, whatever else it holds', async () => {
    await fc.assert(
      fc.asyncProperty(mixedRecords, async (entries) => {
        const endpoint = await serve(JSON.stringify({ providers: entries.map((entry) => entry.record) }));
        const page = await createJsonAdapter(endpoint).search(SEARCH, { signal: new AbortController().signal });
        const ids = page.matches.map((match) => match.provider.id);
        for (const entry of entries.filter((candidate) => candidate.valid)) {
          const id = String((entry.record as { id: string | number }).id).trim();
          expect(ids).to.include(id);
        }
        expect(page.matches.length + page.dropped).to.equal(entries.length);
      }),
      { numRuns: 60 },
    );
  });

  it('answers any body with a page or a DirectoryError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyJson.map((value) => JSON.stringify(value)),
          fc.string(),
        ),
        async (body) => {
          const endpoint = await serve(body);
          try {
            const page = await createJsonAdapter(endpoint).search(SEARCH, { signal: new AbortController().signal });
            expect(page.matches).to.be.an('array');
          } catch (error) {
            expect(error).to.be.instanceOf(DirectoryError);
            expect((error as DirectoryError).kind).to.equal('invalid-response');
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
