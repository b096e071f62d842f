/**
 * The directory's fixed words: the kinds of clinician and the days of the
 * week. The filters, the shared link and the opening hours need them before
 * any directory data arrives, so they live apart from the Provider schema
 * (schema.ts, which uses them), which loads only with an adapter's first
 * search.
 */
export const DISCIPLINES = ['chiropractic', 'physical-therapy', 'osteopathic', 'medical', 'other'] as const;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
