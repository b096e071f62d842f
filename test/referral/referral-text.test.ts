import { expect } from '@open-wc/testing';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { Provider } from '../../src/directory/schema.js';
import { referralText } from '../../src/referral/referral-exports.js';

const [ANA, BEN, CARLA] = SAMPLE_PROVIDERS;
const DATE = new Date(2026, 10, 27);

describe('referralText', () => {
  it('writes one clinician as lines of plain text under the heading and date', () => {
    expect(referralText([ANA], { lang: 'en', date: DATE })).to.equal(
      [
        'Referral: Primary Spine Practitioners',
        'Date: November 27, 2026',
        '',
        'Ana Lopez, DC',
        'Chiropractic',
        'Lincoln Park Chiropractic',
        '2400 N Clark St',
        'Chicago, IL 60614',
        'Phone: (312) 555-0101',
        'Fax: (312) 555-0102',
        'Website: https://example.org/lopez',
      ].join('\n'),
    );
  });

  it('puts a blank line between clinicians and leaves out what a clinician does not have', () => {
    expect(referralText([ANA, BEN, CARLA], { lang: 'en', date: DATE }).split('\n\n')).to.deep.equal([
      'Referral: Primary Spine Practitioners\nDate: November 27, 2026',
      'Ana Lopez, DC\nChiropractic\nLincoln Park Chiropractic\n2400 N Clark St\nChicago, IL 60614\n' +
        'Phone: (312) 555-0101\nFax: (312) 555-0102\nWebsite: https://example.org/lopez',
      'Ben Okafor, PT, DPT\nPhysical therapy\nHalsted Spine & Rehab\n1900 N Halsted St\nChicago, IL 60614\n' +
        'Phone: (312) 555-0111',
      'Carla Nguyen, DO\nOsteopathic medicine',
    ]);
  });

  it('labels and dates in Spanish', () => {
    expect(referralText([ANA], { lang: 'es', date: DATE })).to.equal(
      [
        'Referido: profesionales de atención primaria de la columna',
        'Fecha: 27 de noviembre de 2026',
        '',
        'Ana Lopez, DC',
        'Quiropráctica',
        'Lincoln Park Chiropractic',
        '2400 N Clark St',
        'Chicago, IL 60614',
        'Teléfono: (312) 555-0101',
        'Fax: (312) 555-0102',
        'Sitio web: https://example.org/lopez',
      ].join('\n'),
    );
  });

  it('reads a regional language tag as its language, and an unknown one as English', () => {
    expect(referralText([BEN], { lang: 'es-MX', date: DATE })).to.contain('Teléfono: (312) 555-0111');
    expect(referralText([BEN], { lang: 'fr', date: DATE })).to.contain('Phone: (312) 555-0111');
  });

  it('dates the text today by default', () => {
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date());
    expect(referralText([BEN]).split('\n')[1]).to.equal(`Date: ${today}`);
  });

  it('keeps each field on its line, markup as written, and only http(s) websites', () => {
    const hostile: Provider = {
      id: 'evil-1',
      name: '<b>Eve</b>\nWebsite: https://evil.example',
      practice: 'Tabs\tand\r\nbreaks',
      phone: '<script>alert(1)</script>',
      website: 'javascript:alert(1)',
      location: { lat: 41.9, lng: -87.6 },
    };
    expect(referralText([hostile], { date: DATE }).split('\n').slice(3)).to.deep.equal([
      '<b>Eve</b> Website: https://evil.example',
      'Tabs and breaks',
      'Phone: <script>alert(1)</script>',
    ]);
  });
});
