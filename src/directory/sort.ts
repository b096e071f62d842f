import type { Match } from './adapter.js';
import type { SortOrder } from './filters.js';

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * How two matches compare in a sort order. Every order ends on distance, so
 * equals stay nearest first. By quality, clinicians with an outcome measure
 * come first, best share first; those without one follow, never ranked as if
 * they had scored zero.
 */
export function compareMatches(order: SortOrder = 'distance'): (a: Match, b: Match) => number {
  const byDistance = (a: Match, b: Match) => a.distanceKm - b.distanceKm;
  switch (order) {
    case 'distance':
      return byDistance;
    case 'name':
      return (a, b) => byName.compare(a.provider.name, b.provider.name) || byDistance(a, b);
    case 'quality':
      return (a, b) => {
        const shareA = a.provider.quality?.[0]?.share;
        const shareB = b.provider.quality?.[0]?.share;
        if (shareA !== shareB) {
          if (shareA === undefined) return 1;
          if (shareB === undefined) return -1;
          return shareB - shareA;
        }
        return byDistance(a, b);
      };
  }
}
