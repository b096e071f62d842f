/**
 * Opening hours as people read them: consecutive days open at the same times
 * share one line ("Mon–Fri 8:00 AM – 5:00 PM"), with weekday names and times
 * in the person's language and clock.
 */
import { formattingLocale } from '../i18n/locale.js';
import type { SpineStrings } from '../i18n/strings.js';
import type { OpeningHours, Weekday } from './schema.js';
import { WEEKDAYS } from './vocabulary.js';

/** From one time of day to another, `HH:MM` on a 24-hour clock. */
export interface TimeRange {
  opens: string;
  closes: string;
}

/** Consecutive days, `first` to `last`, open at the same times. */
export interface HoursGroup {
  first: Weekday;
  last: Weekday;
  times: TimeRange[];
}

/**
 * Each day's times, earliest first and without repeats, then runs of
 * consecutive days with the same times. Days without hours are left out:
 * the directory did not say they are closed, so neither does the finder.
 * A range that opens when it closes says nothing reliable (closed? open all
 * day?) and is left out too.
 */
export function groupOpeningHours(hours: readonly OpeningHours[]): HoursGroup[] {
  const groups: HoursGroup[] = [];
  WEEKDAYS.forEach((day, index) => {
    const times = timesOn(day, hours);
    if (times.length === 0) return;
    const previous = groups.at(-1);
    if (previous && WEEKDAYS.indexOf(previous.last) === index - 1 && sameTimes(previous.times, times)) {
      previous.last = day;
    } else {
      groups.push({ first: day, last: day, times });
    }
  });
  return groups;
}

/** One line per group, in the person's language: "Mon–Fri 8:00 AM – 5:00 PM". */
export function formatOpeningHours(hours: readonly OpeningHours[], strings: SpineStrings, lang: string): string[] {
  const locale = formattingLocale(lang);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const dayName = (day: Weekday) => weekday.format(dateOf(day));
  return groupOpeningHours(hours).map(({ first, last, times }) => {
    const days = first === last ? dayName(first) : strings.dayRange(dayName(first), dayName(last));
    // Both ends on one day: a range that closes "before" it opens (after
    // midnight) still reads as from-to, where two dates would print dates.
    const ranges = times.map(({ opens, closes }) => clock.formatRange(timeOf(opens), timeOf(closes)));
    return strings.openingHours(days, ranges.join(strings.listSeparator));
  });
}

function timesOn(day: Weekday, hours: readonly OpeningHours[]): TimeRange[] {
  const times = hours
    .filter((entry) => entry.days.includes(day) && entry.opens !== entry.closes)
    .map(({ opens, closes }) => ({ opens, closes }))
    .sort((a, b) => a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes));
  return times.filter((time, i) => i === 0 || !sameTime(time, times[i - 1]));
}

function sameTime(a: TimeRange, b: TimeRange): boolean {
  return a.opens === b.opens && a.closes === b.closes;
}

function sameTimes(a: readonly TimeRange[], b: readonly TimeRange[]): boolean {
  return a.length === b.length && a.every((time, i) => sameTime(time, b[i]));
}

/** 1 January 2024 was a Monday: the week from it names every weekday. */
function dateOf(day: Weekday): Date {
  return new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
}

function timeOf(hhmm: string): Date {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2024, 0, 1, hours, minutes));
}
