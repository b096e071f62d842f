/**
 * Four fictional clinicians for stories and tests: three near Chicago's
 * 60614 and one in Evanston, about 8.6 miles north. Phone numbers are in the
 * 555-01xx range reserved for fiction.
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
