import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Match } from '../../src/directory/adapter.js';
import type { QualityMeasure } from '../../src/directory/schema.js';
import { compareMatches } from '../../src/directory/sort.js';

const PERIOD = { start: '2025-01', end: '2025-12' };

function match(id: string, name: string, distanceKm: number, quality?: Array<[string, number]>): Match {
  const measures: QualityMeasure[] | undefined = quality?.map(([measure, share]) => ({
    measure,
    share,
    patients: 100,
    period: PERIOD,
  }));
  return { provider: { id, name, location: { lat: 0, lng: 0 }, quality: measures }, distanceKm };
}

const ids = (matches: Match[]) => matches.map((m) => m.provider.id);

describe('compareMatches', () => {
  const matches = [
    match('far-good', 'Zoe Ames', 9, [['pain-interference-improvement', 0.8]]),
    match('near-none', 'Ben Cruz', 1),
    match('mid-fair', 'ana diaz', 5, [['pain-interference-improvement', 0.6]]),
    match('near-function-only', 'Carl Eng', 2, [['function-improvement', 0.99]]),
    match('tie-near', 'Dee Fox', 3, [['pain-interference-improvement', 0.6]]),
  ];

  it('puts the nearest first by default', () => {
    assert.deepEqual(ids([...matches].sort(compareMatches())), [
      'near-none',
      'near-function-only',
      'tie-near',
      'mid-fair',
      'far-good',
    ]);
  });

  it('orders by name without regard to case, then distance', () => {
    assert.deepEqual(ids([...matches].sort(compareMatches('name'))), [
      'mid-fair',
      'near-none',
      'near-function-only',
      'tie-near',
      'far-good',
    ]);
  });

  it('ranks by the pain measure only; clinicians without it follow, nearest first, never as zero', () => {
    assert.deepEqual(ids([...matches].sort(compareMatches('quality'))), [
      'far-good',
      'tie-near',
      'mid-fair',
      'near-none',
      'near-function-only',
    ]);
  });
});
