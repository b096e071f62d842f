/**
 * The synthetic demo directory: fictional clinicians around US metro areas.
 *
 * Deterministic (a seeded generator), so every machine, test and screenshot
 * sees the same directory. Everything in it is made up: names are drawn from
 * common given and family names, phone and fax numbers are in the 555-01xx
 * range reserved for fiction, web links point at example.org, and street
 * numbers and names are invented, and so are opening hours, Spine IQ
 * registry participation and every outcome measure. ZIP codes and cities are
 * real so that searches by ZIP land where a person expects.
 */
import type { Discipline, OpeningHours, OtherLocation, Provider, QualityMeasure } from '../src/directory/schema.js';
import { distanceKm } from '../src/geo/distance.js';
import { buildGeoAssets } from './geo-assets.js';

interface Metro {
  name: string;
  lat: number;
  lng: number;
  /** Relative share of clinicians. */
  weight: number;
}

const METROS: readonly Metro[] = [
  { name: 'New York', lat: 40.7128, lng: -74.006, weight: 10 },
  { name: 'Los Angeles', lat: 34.0522, lng: -118.2437, weight: 8 },
  { name: 'Chicago', lat: 41.8781, lng: -87.6298, weight: 7 },
  { name: 'Dallas', lat: 32.7767, lng: -96.797, weight: 5 },
  { name: 'Houston', lat: 29.7604, lng: -95.3698, weight: 5 },
  { name: 'Washington', lat: 38.9072, lng: -77.0369, weight: 4 },
  { name: 'Philadelphia', lat: 39.9526, lng: -75.1652, weight: 4 },
  { name: 'Miami', lat: 25.7617, lng: -80.1918, weight: 4 },
  { name: 'Atlanta', lat: 33.749, lng: -84.388, weight: 4 },
  { name: 'Boston', lat: 42.3601, lng: -71.0589, weight: 4 },
  { name: 'Phoenix', lat: 33.4484, lng: -112.074, weight: 3 },
  { name: 'San Francisco', lat: 37.7749, lng: -122.4194, weight: 3 },
  { name: 'Riverside', lat: 33.9806, lng: -117.3755, weight: 2 },
  { name: 'Detroit', lat: 42.3314, lng: -83.0458, weight: 3 },
  { name: 'Seattle', lat: 47.6062, lng: -122.3321, weight: 3 },
  { name: 'Minneapolis', lat: 44.9778, lng: -93.265, weight: 3 },
  { name: 'San Diego', lat: 32.7157, lng: -117.1611, weight: 2 },
  { name: 'Tampa', lat: 27.9506, lng: -82.4572, weight: 2 },
  { name: 'Denver', lat: 39.7392, lng: -104.9903, weight: 2 },
  { name: 'St. Louis', lat: 38.627, lng: -90.1994, weight: 2 },
  { name: 'Baltimore', lat: 39.2904, lng: -76.6122, weight: 2 },
  { name: 'Charlotte', lat: 35.2271, lng: -80.8431, weight: 2 },
  { name: 'Orlando', lat: 28.5383, lng: -81.3792, weight: 2 },
  { name: 'San Antonio', lat: 29.4241, lng: -98.4936, weight: 2 },
  { name: 'Portland', lat: 45.5152, lng: -122.6784, weight: 2 },
  { name: 'Sacramento', lat: 38.5816, lng: -121.4944, weight: 2 },
  { name: 'Pittsburgh', lat: 40.4406, lng: -79.9959, weight: 2 },
  { name: 'Austin', lat: 30.2672, lng: -97.7431, weight: 2 },
  { name: 'Las Vegas', lat: 36.1699, lng: -115.1398, weight: 2 },
  { name: 'Cincinnati', lat: 39.1031, lng: -84.512, weight: 2 },
  { name: 'Kansas City', lat: 39.0997, lng: -94.5786, weight: 2 },
  { name: 'Columbus', lat: 39.9612, lng: -82.9988, weight: 2 },
  { name: 'Indianapolis', lat: 39.7684, lng: -86.1581, weight: 2 },
  { name: 'Cleveland', lat: 41.4993, lng: -81.6944, weight: 2 },
  { name: 'Nashville', lat: 36.1627, lng: -86.7816, weight: 2 },
  { name: 'Salt Lake City', lat: 40.7608, lng: -111.891, weight: 1 },
  { name: 'Milwaukee', lat: 43.0389, lng: -87.9065, weight: 1 },
  { name: 'Raleigh', lat: 35.7796, lng: -78.6382, weight: 1 },
  { name: 'New Orleans', lat: 29.9511, lng: -90.0715, weight: 1 },
  { name: 'Albuquerque', lat: 35.0844, lng: -106.6504, weight: 1 },
  { name: 'Omaha', lat: 41.2565, lng: -95.9345, weight: 1 },
  { name: 'Boise', lat: 43.615, lng: -116.2023, weight: 1 },
  { name: 'Des Moines', lat: 41.5868, lng: -93.625, weight: 1 },
  { name: 'Anchorage', lat: 61.2181, lng: -149.9003, weight: 1 },
  { name: 'Honolulu', lat: 21.3069, lng: -157.8583, weight: 1 },
];

const GIVEN_NAMES = [
  'Ana',
  'Ben',
  'Carla',
  'David',
  'Elena',
  'Farid',
  'Grace',
  'Hector',
  'Ines',
  'Jamal',
  'Keiko',
  'Luis',
  'Maya',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tomas',
  'Uma',
  'Victor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Alicia',
  'Bruno',
  'Chen',
  'Dana',
  'Emeka',
  'Fatima',
  'Gabriel',
  'Hana',
  'Ivan',
  'Julia',
  'Kofi',
  'Lena',
  'Marco',
  'Nora',
  'Oscar',
  'Paula',
  'Rahul',
  'Sofia',
  'Theo',
  'Valeria',
  'Will',
  'Yara',
];

const FAMILY_NAMES = [
  'Lopez',
  'Nguyen',
  'Okafor',
  'Patel',
  'Kowalski',
  'Garcia',
  'Kim',
  'Haddad',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Martinez',
  'Johnson',
  'Cohen',
  'Silva',
  'Novak',
  'Reyes',
  'Ibrahim',
  'Larsen',
  'Murphy',
  'Chavez',
  'Singh',
  'Walker',
  'Moreno',
  'Fischer',
  'Park',
  'Alvarez',
  'Brooks',
  'Delgado',
  'Ellis',
  'Flores',
  'Grant',
  'Hughes',
  'Jensen',
  'Khan',
  'Lindqvist',
  'Mendoza',
  'Oliveira',
  'Quintero',
  'Rivera',
  'Sato',
  'Torres',
  'Vargas',
];

const PRACTICE_PLACES = [
  'Northside',
  'Riverside',
  'Lakeview',
  'Summit',
  'Cedar',
  'Harbor',
  'Maple',
  'Parkway',
  'Westgate',
  'Eastside',
  'Meadow',
  'Bridge Street',
  'Oak Hill',
  'Sunrise',
  'Union',
  'Valley',
  'Elm Park',
  'Hillcrest',
];

const PRACTICE_KINDS: Record<Discipline, readonly string[]> = {
  chiropractic: ['Chiropractic', 'Chiropractic & Wellness', 'Spine & Chiropractic'],
  'physical-therapy': ['Physical Therapy', 'Spine & Rehab', 'Movement Clinic'],
  osteopathic: ['Osteopathic Medicine', 'Osteopathic Spine Care'],
  medical: ['Spine Medicine', 'Physical Medicine & Rehabilitation'],
  other: ['Back & Neck Clinic', 'Spine Care Collaborative'],
};

const CREDENTIALS: Record<Discipline, ReadonlyArray<readonly string[]>> = {
  chiropractic: [['DC']],
  'physical-therapy': [['PT', 'DPT'], ['DPT'], ['PT']],
  osteopathic: [['DO']],
  medical: [['MD']],
  other: [['ATC'], ['PA-C']],
};

const DISCIPLINE_SHARES: ReadonlyArray<[Discipline, number]> = [
  ['chiropractic', 0.45],
  ['physical-therapy', 0.35],
  ['osteopathic', 0.1],
  ['medical', 0.05],
  ['other', 0.05],
];

const STREETS = ['Main St', 'Oak Ave', 'Lake St', 'Park Blvd', 'Cedar Ln', 'Elm St', 'Washington Ave', 'Market St'];
const EXTRA_LANGUAGES = ['Mandarin', 'Vietnamese', 'Polish', 'Arabic', 'Russian', 'Korean', 'Tagalog', 'Hindi'];
const INSURANCE = [
  'Medicare',
  'Medicaid',
  'Aetna',
  'Blue Cross Blue Shield',
  'Cigna',
  'Humana',
  'UnitedHealthcare',
  'Tricare',
];

const MON_FRI: OpeningHours['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** A few ways practices open, Saturday mornings included. */
const HOURS_PATTERNS: ReadonlyArray<OpeningHours[]> = [
  [{ days: MON_FRI, opens: '08:00', closes: '17:00' }],
  [
    { days: MON_FRI, opens: '08:00', closes: '18:00' },
    { days: ['sat'], opens: '08:00', closes: '12:00' },
  ],
  [
    { days: ['mon', 'tue', 'wed', 'thu'], opens: '07:00', closes: '19:00' },
    { days: ['fri'], opens: '07:00', closes: '15:00' },
  ],
  [
    { days: MON_FRI, opens: '08:00', closes: '12:00' },
    { days: MON_FRI, opens: '13:00', closes: '17:30' },
  ],
  [
    { days: ['mon', 'wed', 'fri'], opens: '09:00', closes: '18:00' },
    { days: ['tue', 'thu'], opens: '11:00', closes: '19:00' },
    { days: ['sat'], opens: '09:00', closes: '13:00' },
  ],
];

/** Calendar year 2025, written both ways the protocol allows. */
const PERIODS: ReadonlyArray<QualityMeasure['period']> = [
  { start: '2025-01', end: '2025-12' },
  { start: '2025-01-01', end: '2025-12-31' },
];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ZipPoint {
  zip: string;
  city: string;
  state: string;
  lat: number;
  lng: number;
}

/** The real ZIP codes within `radiusKm` of each metro, for addresses. */
function zipsNearMetros(radiusKm: number): Map<Metro, ZipPoint[]> {
  const all: ZipPoint[] = [];
  for (const [path, body] of buildGeoAssets()) {
    if (!path.startsWith('geo/zip/')) continue;
    const shard = JSON.parse(body) as Record<string, [number, number, string, string]>;
    for (const [zip, [lat, lng, city, state]] of Object.entries(shard)) all.push({ zip, city, state, lat, lng });
  }
  const near = new Map<Metro, ZipPoint[]>();
  for (const metro of METROS) {
    near.set(
      metro,
      all.filter((zip) => distanceKm(metro, zip) <= radiusKm),
    );
  }
  return near;
}

export interface DemoDirectoryOptions {
  count: number;
  seed?: number;
}

/** `count` fictional providers, the same ones every time for the same seed. */
export function generateDemoDirectory({ count, seed = 20260101 }: DemoDirectoryOptions): Provider[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  // Hours, other locations and the registry draw from a stream of their own,
  // so adding them left every clinician's earlier fields as they were.
  const extras = seededRandom(seed ^ 0x5eed5eed);
  const pickExtra = <T>(items: readonly T[]): T => items[Math.floor(extras() * items.length)];
  const zips = zipsNearMetros(45);
  const totalWeight = METROS.reduce((sum, metro) => sum + metro.weight, 0);

  const pickMetro = (): Metro => {
    let r = random() * totalWeight;
    for (const metro of METROS) {
      r -= metro.weight;
      if (r < 0) return metro;
    }
    return METROS[METROS.length - 1];
  };
  const pickDiscipline = (): Discipline => {
    let r = random();
    for (const [discipline, share] of DISCIPLINE_SHARES) {
      r -= share;
      if (r < 0) return discipline;
    }
    return 'other';
  };
  const fictionalNumber = () =>
    `(${200 + Math.floor(random() * 700)}) 555-01${String(Math.floor(random() * 100)).padStart(2, '0')}`;
  const extraNumber = () =>
    `(${200 + Math.floor(extras() * 700)}) 555-01${String(Math.floor(extras() * 100)).padStart(2, '0')}`;
  const hours = () => (extras() < 0.85 ? { hours: pickExtra(HOURS_PATTERNS) } : {});

  /** One or two more practices at real ZIP codes of the same metro. */
  const otherLocations = (metro: Metro, practice: string): OtherLocation[] =>
    Array.from({ length: extras() < 0.7 ? 1 : 2 }, () => {
      const zip = pickExtra(zips.get(metro)!);
      return {
        practice: `${practice} ${zip.city}`,
        address: {
          line1: `${100 + Math.floor(extras() * 9800)} ${pickExtra(STREETS)}`,
          city: zip.city,
          state: zip.state,
          postalCode: zip.zip,
        },
        location: { lat: round(zip.lat + (extras() - 0.5) * 0.03), lng: round(zip.lng + (extras() - 0.5) * 0.03) },
        phone: extraNumber(),
        ...hours(),
      };
    });

  /** A share as patients who met the measure out of those measured, as a registry counts it. */
  const measure = (code: string, label?: string): QualityMeasure => {
    const patients = 20 + Math.floor(extras() * 381);
    const met = Math.min(
      Math.floor(0.85 * patients),
      Math.max(Math.ceil(0.45 * patients), Math.round((0.45 + extras() * 0.4) * patients)),
    );
    return { measure: code, ...(label ? { label } : {}), share: met / patients, patients, period: pickExtra(PERIODS) };
  };
  const quality = (): QualityMeasure[] => {
    const roll = extras();
    if (roll < 0.4) return [measure('pain-interference-improvement'), measure('function-improvement')];
    if (roll < 0.65) return [measure('pain-interference-improvement')];
    if (roll < 0.85) return [measure('function-improvement')];
    // A measure the finder has no wording for: the card shows the directory's label.
    return [measure('return-to-usual-activities', 'Returned to usual activities')];
  };
  const registry = (id: string) => {
    if (extras() >= 0.4) return {};
    return {
      registry: {
        participant: true,
        ...(extras() < 0.7 ? { profileUrl: `https://example.org/demo/registry/${id}` } : {}),
      },
      ...(extras() < 0.85 ? { quality: quality() } : {}),
    };
  };

  const providers: Provider[] = [];
  while (providers.length < count) {
    const metro = pickMetro();
    const zip = pick(zips.get(metro)!);
    const discipline = pickDiscipline();
    const practice = `${random() < 0.5 ? pick(PRACTICE_PLACES) : pick(FAMILY_NAMES)} ${pick(PRACTICE_KINDS[discipline])}`;
    // A third of practices are groups: several clinicians at one address.
    const groupSize = random() < 0.33 ? 2 + Math.floor(random() * 4) : 1;
    const location = {
      lat: round(zip.lat + (random() - 0.5) * 0.03),
      lng: round(zip.lng + (random() - 0.5) * 0.03),
    };
    const address = {
      line1: `${100 + Math.floor(random() * 9800)} ${pick(STREETS)}`,
      ...(random() < 0.3 ? { line2: `Suite ${100 + Math.floor(random() * 400)}` } : {}),
      city: zip.city,
      state: zip.state,
      postalCode: zip.zip,
    };
    const phone = fictionalNumber();
    const fax = fictionalNumber();
    const slug = practice.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const telehealth = random() < 0.4;
    const siteHours = hours();

    for (let member = 0; member < groupSize && providers.length < count; member++) {
      const memberDiscipline = member === 0 ? discipline : random() < 0.7 ? discipline : pickDiscipline();
      const languages = ['English'];
      if (random() < 0.3) languages.push('Spanish');
      if (random() < 0.12) languages.push(pick(EXTRA_LANGUAGES));
      const insurance = INSURANCE.filter(() => random() < 0.55);
      const id = `demo-${String(providers.length + 1).padStart(6, '0')}`;
      providers.push({
        id,
        name: `${pick(GIVEN_NAMES)} ${pick(FAMILY_NAMES)}`,
        credentials: [...pick(CREDENTIALS[memberDiscipline])],
        discipline: memberDiscipline,
        practice,
        address,
        location,
        phone,
        fax,
        website: `https://example.org/demo/${slug}`,
        ...(random() < 0.5 ? { bookingUrl: `https://example.org/demo/${slug}/book` } : {}),
        languages,
        acceptingNewPatients: random() < 0.75,
        telehealth,
        insurance,
        ...siteHours,
        ...(extras() < 0.1 ? { otherLocations: otherLocations(metro, practice) } : {}),
        ...registry(id),
      });
    }
  }
  return providers;
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** Clinicians in the demo directory that every demo page and the tests read. */
export const DEMO_DIRECTORY_SIZE = 3000;

let demoDirectory: Provider[] | undefined;

/** The demo directory, generated once per process and shared by every server. */
export function getDemoDirectory(): Provider[] {
  return (demoDirectory ??= generateDemoDirectory({ count: DEMO_DIRECTORY_SIZE }));
}
