import { expect } from '@open-wc/testing';
import { formatOpeningHours, groupOpeningHours } from '../../src/directory/hours.js';
import type { OpeningHours } from '../../src/directory/schema.js';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';

/** Intl's narrow and thin spaces read as spaces. */
const readable = (lines: string[]) => lines.map((line) => line.replace(/[\u2009\u202f]/g, ' '));

describe('opening hours', () => {
  it('groups consecutive days with the same hours, Monday first, whatever order the directory wrote', () => {
    const hours: OpeningHours[] = [
      { days: ['sat'], opens: '09:00', closes: '12:00' },
      { days: ['fri', 'thu', 'wed'], opens: '08:00', closes: '17:00' },
      { days: ['mon', 'tue'], opens: '08:00', closes: '17:00' },
    ];
    expect(groupOpeningHours(hours)).to.deep.equal([
      { first: 'mon', last: 'fri', times: [{ opens: '08:00', closes: '17:00' }] },
      { first: 'sat', last: 'sat', times: [{ opens: '09:00', closes: '12:00' }] },
    ]);
    expect(readable(formatOpeningHours(hours, en, 'en'))).to.deep.equal([
      'Mon–Fri 8:00 AM – 5:00 PM',
      'Sat 9:00 AM – 12:00 PM',
    ]);
  });

  it('does not group days that are not next to each other, or that differ', () => {
    const hours: OpeningHours[] = [
      { days: ['mon', 'wed', 'fri'], opens: '09:00', closes: '18:00' },
      { days: ['tue', 'thu'], opens: '11:00', closes: '19:00' },
      { days: ['sun'], opens: '09:00', closes: '18:00' },
    ];
    expect(readable(formatOpeningHours(hours, en, 'en'))).to.deep.equal([
      'Mon 9:00 AM – 6:00 PM',
      'Tue 11:00 AM – 7:00 PM',
      'Wed 9:00 AM – 6:00 PM',
      'Thu 11:00 AM – 7:00 PM',
      'Fri 9:00 AM – 6:00 PM',
      'Sun 9:00 AM – 6:00 PM',
    ]);
  });

  it('keeps a day with a break as one line, earliest first, without repeats', () => {
    const hours: OpeningHours[] = [
      { days: ['mon', 'tue'], opens: '13:00', closes: '17:30' },
      { days: ['mon', 'tue'], opens: '08:00', closes: '12:00' },
      { days: ['tue'], opens: '08:00', closes: '12:00' },
    ];
    expect(readable(formatOpeningHours(hours, en, 'en'))).to.deep.equal(['Mon–Tue 8:00 AM – 12:00 PM, 1:00 – 5:30 PM']);
  });

  it('reads times past midnight from opening to closing, and leaves out a range that closes when it opens', () => {
    const hours: OpeningHours[] = [
      { days: ['fri'], opens: '18:00', closes: '02:00' },
      { days: ['sat'], opens: '00:00', closes: '00:00' },
    ];
    expect(readable(formatOpeningHours(hours, en, 'en'))).to.deep.equal(['Fri 6:00 PM – 2:00 AM']);
  });

  it('names days and times in the person’s language and clock', () => {
    const hours: OpeningHours[] = [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '17:00' },
      { days: ['sat'], opens: '09:00', closes: '12:30' },
    ];
    expect(readable(formatOpeningHours(hours, es, 'es'))).to.deep.equal(['lun–vie 8:00–17:00', 'sáb 9:00–12:30']);
    // Mexico writes Spanish on a 12-hour clock.
    expect(readable(formatOpeningHours(hours, es, 'es-MX'))).to.deep.equal([
      'lun–vie 8:00 a.m. – 5:00 p.m.',
      'sáb 9:00 a.m. – 12:30 p.m.',
    ]);
    expect(readable(formatOpeningHours(hours, en, 'en-GB'))).to.deep.equal(['Mon–Fri 08:00–17:00', 'Sat 09:00–12:30']);
  });

  it('gives nothing for no hours', () => {
    expect(formatOpeningHours([], en, 'en')).to.deep.equal([]);
  });
});
