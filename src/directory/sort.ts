import type { Match } from './adapter.js';
import type { SortOrder } from './filters.js';

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * The outcome results are ranked by: meaningful improvement in pain
 * interference, the registry's headline measure. Ranking one clinician's
 * pain figure against another's function figure would compare nothing.
 */
export const QUALITY_SORT_MEASURE = 'pain-interference-improvement';

/** A clinician's share for the ranking measure, if they report it. */
function rankingShare(match: Match): number | undefined {
  return match.provider.quality?.find((measure) => measure.measure === QUALITY_SORT_MEASURE)?.share;
}

/**
 * How two matches compare in a sort order. Every order ends on distance, so
 * equals stay nearest first. By quality, clinicians who report the ranking
 * measure come first, best share first; those without it follow, nearest
 * first, never ranked as if they had scored zero.
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
        const shareA = rankingShare(a);
        const shareB = rankingShare(b);
        if (shareA !== shareB) {
          if (shareA === undefined) return 1;
          if (shareB === undefined) return -1;
          return shareB - shareA;
        }
        return byDistance(a, b);
      };
  }
}
