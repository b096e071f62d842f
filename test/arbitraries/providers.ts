/**
 * fast-check arbitraries for directory records: ones the schema must accept,
 * and anything at all.
 */
import fc from 'fast-check';
import { DISCIPLINES } from '../../src/directory/schema.js';

const nonBlank = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim().length > 0);
const textOrBlank = fc.oneof(nonBlank, fc.constant(''), fc.constant(null));

/** A record every version-1 reader must accept (unknown fields included). */
export const validProviderRecord = fc.record(
  {
    id: fc.oneof(nonBlank, fc.integer()),
    name: nonBlank,
    location: fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
    }),
    credentials: fc.array(textOrBlank, { maxLength: 3 }),
    discipline: fc.oneof(fc.constantFrom(...DISCIPLINES), fc.constant(null)),
    practice: textOrBlank,
    address: fc.record(
      { line1: textOrBlank, line2: textOrBlank, city: textOrBlank, state: textOrBlank, postalCode: textOrBlank },
      { requiredKeys: [] },
    ),
    phone: textOrBlank,
    fax: textOrBlank,
    website: fc.oneof(fc.webUrl(), fc.string(), fc.constant('javascript:alert(1)'), fc.integer(), fc.constant(null)),
    bookingUrl: fc.oneof(fc.webUrl(), fc.string(), fc.constant(null)),
    languages: fc.array(textOrBlank, { maxLength: 3 }),
    acceptingNewPatients: fc.oneof(fc.boolean(), fc.constant(null)),
    telehealth: fc.oneof(fc.boolean(), fc.constant(null)),
    insurance: fc.array(textOrBlank, { maxLength: 3 }),
    somethingNew: fc.jsonValue(),
  },
  { requiredKeys: ['id', 'name', 'location'] },
);

/** Any JSON value at all: what a broken or hostile directory may send. */
export const anyJson = fc.jsonValue({ maxDepth: 4 });

/** A list mixing valid records and anything, remembering which were valid. */
export const mixedRecords = fc.array(
  fc.oneof(
    validProviderRecord.map((record) => ({ record: record as unknown, valid: true })),
    anyJson.map((record) => ({ record: record as unknown, valid: undefined })),
  ),
  { maxLength: 30 },
);
