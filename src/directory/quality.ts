/**
 * Outcome measures as people read them. A measure is shown only whole: its
 * name, its share, how many patients and when. Anything missing or
 * impossible hides the measure rather than show a number that misleads.
 */
import { formatCount, formattingLocale } from '../i18n/locale.js';
import type { SpineStrings } from '../i18n/strings.js';
import type { QualityMeasure } from './schema.js';

/** The measures the finder has its own name and explanation for, in every language. */
export const KNOWN_QUALITY_MEASURES = ['pain-interference-improvement', 'function-improvement'] as const;
export type KnownQualityMeasure = (typeof KNOWN_QUALITY_MEASURES)[number];

/** A measure ready to show. */
export interface QualityFacts {
  /** The finder's code for the measure, when it knows it (it then has an explanation). */
  known?: KnownQualityMeasure;
  /** The measure's name in the person's language, or the directory's label. */
  name: string;
  /** "72% of 120 patients, January – December 2025". */
  result: string;
}

/** The measures of a clinician that can be shown honestly, in order. */
export function describeQuality(
  measures: readonly QualityMeasure[] | undefined,
  strings: SpineStrings,
  lang: string,
): QualityFacts[] {
  return (measures ?? []).flatMap((measure) => {
    const facts = describeMeasure(measure, strings, lang);
    return facts ? [facts] : [];
  });
}

function describeMeasure(measure: QualityMeasure, strings: SpineStrings, lang: string): QualityFacts | undefined {
  const known = knownMeasure(measure.measure);
  const name = known ? strings.qualityMeasureNames[known] : measure.label?.trim();
  if (!name) return undefined;
  const { share, patients } = measure;
  if (!(Number.isFinite(share) && share >= 0 && share <= 1)) return undefined;
  if (!(Number.isInteger(patients) && patients >= 1)) return undefined;
  const period = formatPeriod(measure.period, lang);
  if (!period) return undefined;
  const result = strings.qualityResult(formatShare(share, lang), patients, formatCount(patients, lang), period);
  return { ...(known ? { known } : {}), name, result };
}

/** Codes are looked up among our own, never on an object's prototype ("constructor"). */
function knownMeasure(code: string): KnownQualityMeasure | undefined {
  return (KNOWN_QUALITY_MEASURES as readonly string[]).includes(code) ? (code as KnownQualityMeasure) : undefined;
}

/**
 * A share as a whole percentage ("72%"), except that it never reads 100%
 * unless every patient met the measure, nor 0% unless none did: those get
 * one decimal, rounded away from the end they are not ("99.9%", "0.1%").
 */
export function formatShare(share: number, lang: string): string {
  const locale = formattingLocale(lang);
  const whole = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const text = whole.format(share);
  if (share < 1 && text === whole.format(1)) {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, roundingMode: 'floor' }).format(
      share,
    );
  }
  if (share > 0 && text === whole.format(0)) {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, roundingMode: 'ceil' }).format(
      share,
    );
  }
  return text;
}

const CALENDAR_DATE = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/;

/**
 * When the patients were seen, in the person's language. Whole months read
 * as months ("January – December 2025") whether the directory wrote
 * `2025-01`/`2025-12` or `2025-01-01`/`2025-12-31`; other days read as days.
 * A date that does not exist (`2025-02-30`) or a period that ends before it
 * starts gives undefined.
 */
export function formatPeriod(period: { start: string; end: string }, lang: string): string | undefined {
  const start = calendarDay(period.start, 'start');
  const end = calendarDay(period.end, 'end');
  if (!start || !end || start.date > end.date) return undefined;
  const wholeMonths = start.date.getUTCDate() === 1 && end.date.getUTCDate() === end.daysInMonth;
  const format = new Intl.DateTimeFormat(formattingLocale(lang), {
    ...(wholeMonths ? {} : { day: 'numeric' }),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(start.date, end.date);
}

/** A `YYYY-MM-DD` day, or a `YYYY-MM` month as its first (start) or last (end) day. */
function calendarDay(text: string, side: 'start' | 'end'): { date: Date; daysInMonth: number } | undefined {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const daysInMonth = utcDate(year, month, 0).getUTCDate();
  const day = match[3] ? Number(match[3]) : side === 'start' ? 1 : daysInMonth;
  if (day > daysInMonth) return undefined;
  return { date: utcDate(year, month - 1, day), daysInMonth };
}

/** `Date.UTC` reads years 0 to 99 as 1900 to 1999; this keeps the year written. */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}
