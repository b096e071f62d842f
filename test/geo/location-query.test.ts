import { expect } from '@open-wc/testing';
import { parseLocationQuery } from '../../src/geo/location-query.js';
import type { LocationQuery } from '../../src/geo/location-query.js';

const CASES: ReadonlyArray<[string, string, LocationQuery]> = [
  ['a 5-digit ZIP', '60614', { kind: 'zip', zip: '60614' }],
  ['a ZIP+4', '60614-1234', { kind: 'zip', zip: '60614' }],
  ['a ZIP with a leading zero', '02134', { kind: 'zip', zip: '02134' }],
  ['a ZIP in spaces', '  60614  ', { kind: 'zip', zip: '60614' }],
  ['four digits, not a ZIP', '6061', { kind: 'place', city: '6061' }],
  ['six digits, not a ZIP', '606141', { kind: 'place', city: '606141' }],

  ['a city alone', 'Springfield', { kind: 'place', city: 'Springfield' }],
  ['a city with a trailing comma', 'Springfield,', { kind: 'place', city: 'Springfield' }],
  ['"City, ST"', 'Chicago, IL', { kind: 'place', city: 'Chicago', state: 'IL' }],
  ['"City,ST" without a space', 'Chicago,IL', { kind: 'place', city: 'Chicago', state: 'IL' }],
  ['a lower-case state code', 'Chicago, il', { kind: 'place', city: 'Chicago', state: 'IL' }],
  ['a state code with dots', 'St. Louis, Mo.', { kind: 'place', city: 'St. Louis', state: 'MO' }],
  ['a two-word city', 'Kansas City, MO', { kind: 'place', city: 'Kansas City', state: 'MO' }],
  ['a comma that is not before a state', 'Paris, Texasville', { kind: 'place', city: 'Paris, Texasville' }],

  ['a full state name', 'Chicago, Illinois', { kind: 'place', city: 'Chicago', state: 'IL' }],
  ['a full state name in lower case', 'chicago, illinois', { kind: 'place', city: 'chicago', state: 'IL' }],
  ['a two-word state name', 'Albany, New York', { kind: 'place', city: 'Albany', state: 'NY' }],
  ['a state name in odd spacing', 'Charleston,  West   Virginia', { kind: 'place', city: 'Charleston', state: 'WV' }],
  ['the District of Columbia', 'Washington, District of Columbia', { kind: 'place', city: 'Washington', state: 'DC' }],
  ['a territory by name', 'San Juan, Puerto Rico', { kind: 'place', city: 'San Juan', state: 'PR' }],

  ['a trailing state code without a comma', 'chicago il', { kind: 'place', city: 'chicago', state: 'IL' }],
  ['a two-word city and a trailing code', 'Kansas City MO', { kind: 'place', city: 'Kansas City', state: 'MO' }],
  ['"Washington DC"', 'Washington DC', { kind: 'place', city: 'Washington', state: 'DC' }],
  ['two trailing letters that are no state', 'Chicago ZZ', { kind: 'place', city: 'Chicago ZZ' }],
  ['an unknown state after a comma', 'Nowhere Special, ZZ', { kind: 'place', city: 'Nowhere Special, ZZ' }],

  ['lat,lng', '41.9,-87.6', { kind: 'point', point: { lat: 41.9, lng: -87.6 } }],
  ['lat, lng with a space', '41.9, -87.6', { kind: 'point', point: { lat: 41.9, lng: -87.6 } }],
  ['lat , lng in spaces', '  41.9 ,  -87.6 ', { kind: 'point', point: { lat: 41.9, lng: -87.6 } }],
  ['whole degrees', '42,-88', { kind: 'point', point: { lat: 42, lng: -88 } }],
  ['the edges of the range', '-90,180', { kind: 'point', point: { lat: -90, lng: 180 } }],
  ['the southern hemisphere and the east', '-33.87,151.21', { kind: 'point', point: { lat: -33.87, lng: 151.21 } }],

  ['only spaces', '   ', { kind: 'empty' }],
  ['nothing', '', { kind: 'empty' }],
  ['tabs and new lines', '\t\n', { kind: 'empty' }],
  ['inner runs of spaces', '  Kansas    City ,   MO  ', { kind: 'place', city: 'Kansas City', state: 'MO' }],
  ['a tab between city and code', 'Chicago\tIL', { kind: 'place', city: 'Chicago', state: 'IL' }],
];

const OUT_OF_RANGE: ReadonlyArray<[string, string]> = [
  ['a latitude above 90', '91,0'],
  ['a latitude below -90', '-90.5,10'],
  ['a longitude above 180', '41.9,180.1'],
  ['a longitude below -180', '41.9,-187.6'],
];

describe('parseLocationQuery', () => {
  for (const [name, input, expected] of CASES) {
    it(`reads ${name}: ${JSON.stringify(input)}`, () => {
      expect(parseLocationQuery(input)).to.deep.equal(expected);
    });
  }

  for (const [name, input] of OUT_OF_RANGE) {
    it(`does not take ${name} as a point: ${JSON.stringify(input)}`, () => {
      const query = parseLocationQuery(input);
      expect(query.kind).to.equal('place');
    });
  }

  it('reads the U.S. Virgin Islands by name, dots and all', () => {
    expect(parseLocationQuery('Charlotte Amalie, U.S. Virgin Islands')).to.deep.equal({
      kind: 'place',
      city: 'Charlotte Amalie',
      state: 'VI',
    });
  });
});
