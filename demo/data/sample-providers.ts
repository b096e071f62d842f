/**
 * Four fictional clinicians for stories and tests: three near Chicago's
 * 60614 and one in Evanston, about 8.6 miles north. Phone numbers are in the
 * 555-01xx range reserved for fiction. Ana Lopez (fx-1) has everything: hours
 * with a Saturday morning, a second location in Evanston, Spine IQ registry
 * participation with a profile link and two outcome measures; Ben Okafor
 * (fx-2) has hours; the others have none of these.
 */
import type { Provider } from '../../src/directory/schema.js';

export const SAMPLE_PROVIDERS: Provider[] = [
  {
    id: 'fx-1',
    name: 'Ana Lopez',
    credentials: ['DC'],
    discipline: 'chiropractic',
    practice: 'Lincoln Park Chiropractic',
    address: { line1: '2400 N Clark St', city: 'Chicago', state: 'IL', postalCode: '60614' },
    location: { lat: 41.9245, lng: -87.6402 },
    phone: '(312) 555-0101',
    fax: '(312) 555-0102',
    website: 'https://example.org/lopez',
    languages: ['English', 'Spanish'],
    acceptingNewPatients: true,
    telehealth: false,
    insurance: ['Medicare', 'Aetna'],
    hours: [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '17:00' },
      { days: ['sat'], opens: '09:00', closes: '12:00' },
    ],
    otherLocations: [
      {
        practice: 'Lincoln Park Chiropractic Evanston',
        address: { line1: '1601 Sherman Ave', line2: 'Suite 210', city: 'Evanston', state: 'IL', postalCode: '60201' },
        location: { lat: 42.0466, lng: -87.6815 },
        phone: '(847) 555-0103',
        hours: [{ days: ['tue', 'thu'], opens: '10:00', closes: '18:00' }],
      },
    ],
    registry: { participant: true, profileUrl: 'https://example.org/registry/lopez' },
    quality: [
      {
        measure: 'pain-interference-improvement',
        share: 0.715,
        patients: 200,
        period: { start: '2025-01', end: '2025-12' },
      },
      {
        measure: 'function-improvement',
        share: 0.64,
        patients: 150,
        period: { start: '2025-01-01', end: '2025-12-31' },
      },
    ],
  },
  {
    id: 'fx-2',
    name: 'Ben Okafor',
    credentials: ['PT', 'DPT'],
    discipline: 'physical-therapy',
    practice: 'Halsted Spine & Rehab',
    address: { line1: '1900 N Halsted St', city: 'Chicago', state: 'IL', postalCode: '60614' },
    location: { lat: 41.9154, lng: -87.6487 },
    phone: '(312) 555-0111',
    acceptingNewPatients: false,
    telehealth: true,
    hours: [
      { days: ['mon', 'tue', 'wed', 'thu'], opens: '07:00', closes: '19:00' },
      { days: ['fri'], opens: '07:00', closes: '15:00' },
    ],
  },
  {
    id: 'fx-3',
    name: 'Carla Nguyen',
    credentials: ['DO'],
    discipline: 'osteopathic',
    location: { lat: 41.8986, lng: -87.6233 },
  },
  {
    id: 'fx-4',
    name: 'David Kim',
    credentials: ['DC'],
    discipline: 'chiropractic',
    address: { city: 'Evanston', state: 'IL', postalCode: '60201' },
    location: { lat: 42.0451, lng: -87.6877 },
  },
];
