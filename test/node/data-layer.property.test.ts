/**
 * Properties of the data layer over arbitrary input: it never throws, and it
 * never loses a valid record.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DirectoryResponseSchema, parseProviders, ProviderSchema } from '../../src/directory/schema.js';
import { anyJson, mixedRecords, validProviderRecord } from '../arbitraries/providers.js';

describe('parseProviders over arbitrary input', () => {
  it('accepts every valid record', () => {
    fc.assert(
      fc.property(validProviderRecord, (record) => {
        assert.equal(ProviderSchema.safeParse(record).success, true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, keeps every valid record in order, and accounts for every record', () => {
    fc.assert(
      fc.property(mixedRecords, (entries) => {
        const records = entries.map((entry) => entry.record);
        const { providers, rejected, kept } = parseProviders(records);
        assert.equal(providers.length + rejected.length, records.length);
        const validIndexes = entries.flatMap((entry, index) => (entry.valid ? [index] : []));
        for (const index of validIndexes) assert.ok(kept.includes(index), `valid record ${index} was dropped`);
        assert.deepEqual(
          kept,
          [...kept].sort((a, b) => a - b),
        );
        for (const provider of providers) {
          for (const link of [provider.website, provider.bookingUrl]) {
            if (link !== undefined) assert.match(link, /^https?:\/\//);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reads any JSON body as a response or refuses it, without throwing', () => {
    fc.assert(
      fc.property(anyJson, (body) => {
        const envelope = DirectoryResponseSchema.safeParse(body);
        if (envelope.success) parseProviders(envelope.data.providers);
      }),
      { numRuns: 2000 },
    );
  });
});
