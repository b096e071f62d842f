import { expect } from '@open-wc/testing';
import { describeQuality, formatPeriod, formatShare } from '../../src/directory/quality.js';
import type { QualityMeasure } from '../../src/directory/schema.js';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';

/** Intl's no-break, narrow and thin spaces read as spaces. */
const readable = (text: string | undefined) => text?.replace(/[\u00a0\u2009\u202f]/g, ' ');

const measure = (fields: Partial<QualityMeasure>): QualityMeasure => ({
  measure: 'pain-interference-improvement',
  share: 0.72,
  patients: 120,
  period: { start: '2025-01', end: '2025-12' },
  ...fields,
});

describe('outcome measures', () => {
  describe('formatShare', () => {
    it('rounds to a whole percent', () => {
      expect(formatShare(0.715, 'en')).to.equal('72%');
      expect(formatShare(0.64, 'en')).to.equal('64%');
      expect(readable(formatShare(0.715, 'es'))).to.equal('72 %');
    });

    it('never reads 100% unless every patient, nor 0% unless none', () => {
      expect(formatShare(1, 'en')).to.equal('100%');
      expect(formatShare(0, 'en')).to.equal('0%');
      expect(formatShare(0.999, 'en')).to.equal('99.9%');
      expect(formatShare(0.995, 'en')).to.equal('99.5%');
      expect(formatShare(0.99999, 'en')).to.equal('99.9%');
      expect(formatShare(0.004, 'en')).to.equal('0.4%');
      expect(formatShare(0.00001, 'en')).to.equal('0.1%');
      expect(readable(formatShare(0.999, 'es'))).to.equal('99,9 %');
    });
  });

  describe('formatPeriod', () => {
    it('reads whole months as months, written as months or as days', () => {
      expect(readable(formatPeriod({ start: '2025-01', end: '2025-12' }, 'en'))).to.equal('January – December 2025');
      expect(readable(formatPeriod({ start: '2025-01-01', end: '2025-12-31' }, 'en'))).to.equal(
        'January – December 2025',
      );
      expect(readable(formatPeriod({ start: '2024-07', end: '2025-06-30' }, 'en'))).to.equal('July 2024 – June 2025');
      expect(readable(formatPeriod({ start: '2025-03', end: '2025-03' }, 'en'))).to.equal('March 2025');
      expect(readable(formatPeriod({ start: '2024-02-01', end: '2024-02-29' }, 'en'))).to.equal('February 2024');
      expect(formatPeriod({ start: '2025-01', end: '2025-12' }, 'es')).to.equal('enero–diciembre de 2025');
    });

    it('reads other days as days', () => {
      expect(readable(formatPeriod({ start: '2025-03-15', end: '2025-09-30' }, 'en'))).to.equal(
        'March 15 – September 30, 2025',
      );
      expect(readable(formatPeriod({ start: '2025-01', end: '2025-06-15' }, 'en'))).to.equal(
        'January 1 – June 15, 2025',
      );
      expect(readable(formatPeriod({ start: '2025-03-15', end: '2025-09-30' }, 'es'))).to.equal(
        '15 de marzo – 30 de septiembre de 2025',
      );
    });

    it('gives nothing for days that do not exist or a period that ends before it starts', () => {
      expect(formatPeriod({ start: '2025-02-29', end: '2025-12' }, 'en')).to.equal(undefined);
      expect(formatPeriod({ start: '2025-04-31', end: '2025-12' }, 'en')).to.equal(undefined);
      expect(formatPeriod({ start: '2025-12', end: '2025-01' }, 'en')).to.equal(undefined);
      expect(formatPeriod({ start: '2025', end: '2025-12' }, 'en')).to.equal(undefined);
    });

    it('keeps the year as written, even a year before 100', () => {
      expect(readable(formatPeriod({ start: '0025-01', end: '0025-12' }, 'en'))).to.equal('January – December 25');
    });
  });

  describe('describeQuality', () => {
    it('names known measures in the person’s language and others by their label', () => {
      const facts = describeQuality(
        [measure({}), measure({ measure: 'return-to-work', label: 'Back at work', share: 0.5, patients: 1 })],
        es,
        'es',
      );
      expect(facts.map(({ known, name, result }) => [known, name, readable(result)])).to.deep.equal([
        [
          'pain-interference-improvement',
          'Mejora importante en la interferencia del dolor',
          '72 % de 120 pacientes, enero–diciembre de 2025',
        ],
        [undefined, 'Back at work', '50 % de 1 paciente, enero–diciembre de 2025'],
      ]);
    });

    it('leaves out a measure it cannot show whole and true', () => {
      const hidden = [
        measure({ measure: 'unknown-code' }),
        measure({ measure: 'toString' }),
        measure({ measure: '__proto__' }),
        measure({ measure: 'unknown-code', label: '   ' }),
        measure({ share: 1.2 }),
        measure({ share: Number.NaN }),
        measure({ patients: 0 }),
        measure({ patients: 2.5 }),
        measure({ period: { start: '2025-12', end: '2025-01' } }),
      ];
      expect(describeQuality(hidden, en, 'en')).to.deep.equal([]);
      expect(describeQuality(undefined, en, 'en')).to.deep.equal([]);
    });
  });
});
