import { expect } from '@open-wc/testing';
import { parseProviders, ProviderSchema } from '../../src/directory/schema.js';

const ANA = {
  id: 'p-1',
  name: 'Ana Lopez',
  location: { lat: 41.9245, lng: -87.6402 },
  credentials: ['DC'],
  discipline: 'chiropractic',
  practice: 'Lincoln Park Chiropractic',
  address: { line1: '2400 N Clark St', city: 'Chicago', state: 'IL', postalCode: '60614' },
  phone: '(312) 555-0101',
  fax: '(312) 555-0102',
  website: 'https://example.org/lopez',
  bookingUrl: 'https://example.org/lopez/book',
  languages: ['English', 'Spanish'],
  acceptingNewPatients: true,
  telehealth: false,
  insurance: ['Medicare'],
};
const BEN = { id: 'p-2', name: 'Ben Okafor', location: { lat: 41.9154, lng: -87.6487 } };
const CARLA = { id: 'p-3', name: 'Carla Nguyen', location: { lat: 41.8986, lng: -87.6233 }, discipline: 'osteopathic' };

const { id: _id, ...ANA_WITHOUT_ID } = ANA;
const { name: _name, ...ANA_WITHOUT_NAME } = ANA;
const { location: _location, ...ANA_WITHOUT_LOCATION } = ANA;

/** Each invalid record, and the field its reason must name. */
const INVALID: ReadonlyArray<[string, unknown, string]> = [
  ['a missing id', ANA_WITHOUT_ID, 'id'],
  ['a missing name', ANA_WITHOUT_NAME, 'name'],
  ['a blank name', { ...ANA, name: '   ' }, 'name'],
  ['a latitude of 91', { ...ANA, location: { lat: 91, lng: -87.6 } }, 'location.lat'],
  ['a longitude of -181', { ...ANA, location: { lat: 41.9, lng: -181 } }, 'location.lng'],
  ['a missing location', ANA_WITHOUT_LOCATION, 'location'],
  ['languages as a string', { ...ANA, languages: 'English' }, 'languages'],
  ['an unknown discipline', { ...ANA, discipline: 'astrology' }, 'discipline'],
];

describe('ProviderSchema and parseProviders', () => {
  it('keeps a valid full record as it is', () => {
    const { providers, rejected } = parseProviders([ANA]);
    expect(rejected).to.deep.equal([]);
    expect(providers).to.deep.equal([ANA]);
  });

  it('keeps a record with only id, name and location', () => {
    const { providers, rejected } = parseProviders([BEN]);
    expect(rejected).to.deep.equal([]);
    expect(providers).to.deep.equal([BEN]);
  });

  for (const [what, record, field] of INVALID) {
    it(`drops a record with ${what}, names "${field}" in the reason, and keeps the valid ones in order`, () => {
      const { providers, rejected } = parseProviders([BEN, record, ANA, CARLA]);
      expect(providers.map((provider) => provider.id)).to.deep.equal(['p-2', 'p-1', 'p-3']);
      expect(rejected).to.have.length(1);
      expect(rejected[0].index).to.equal(1);
      expect(rejected[0].reason.startsWith(`${field}:`), rejected[0].reason).to.equal(true);
    });
  }

  it('drops every invalid record of a batch and keeps every valid one, in order', () => {
    const records = [...INVALID.map(([, record]) => record), ANA, 'not even an object', BEN, null, CARLA];
    const { providers, rejected } = parseProviders(records);
    expect(providers.map((provider) => provider.id)).to.deep.equal(['p-1', 'p-2', 'p-3']);
    expect(rejected.map((record) => record.index)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 9, 11]);
  });

  it('turns a numeric id into a string', () => {
    const { providers } = parseProviders([{ ...BEN, id: 42 }]);
    expect(providers[0].id).to.equal('42');
  });

  it('trims strings', () => {
    const provider = ProviderSchema.parse({ ...BEN, name: '  Ben Okafor ', phone: ' (312) 555-0111 ' });
    expect(provider.name).to.equal('Ben Okafor');
    expect(provider.phone).to.equal('(312) 555-0111');
  });

  it('strips unknown fields, at the top and inside objects', () => {
    const provider = ProviderSchema.parse({
      ...ANA,
      ssn: '000-00-0000',
      internalNotes: 'do not show',
      location: { ...ANA.location, altitude: 180 },
      address: { ...ANA.address, county: 'Cook' },
    });
    expect(provider).to.deep.equal(ANA);
    expect(Object.keys(provider)).not.to.include('ssn');
    expect(Object.keys(provider.location)).to.deep.equal(['lat', 'lng']);
    expect(Object.keys(provider.address!)).not.to.include('county');
  });

  for (const website of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', '/relative', 'ftp://x']) {
    it(`drops the link ${JSON.stringify(website)} and keeps the record`, () => {
      const { providers, rejected } = parseProviders([{ ...ANA, website, bookingUrl: website }]);
      expect(rejected).to.deep.equal([]);
      expect(providers).to.have.length(1);
      expect(providers[0].website).to.equal(undefined);
      expect(providers[0].bookingUrl).to.equal(undefined);
      expect(providers[0].name).to.equal('Ana Lopez');
      expect(providers[0].phone).to.equal('(312) 555-0101');
    });
  }

  for (const website of [null, 42, { href: 'https://example.org' }]) {
    it(`drops the non-string link ${JSON.stringify(website)} and keeps the record`, () => {
      const { providers, rejected } = parseProviders([{ ...ANA, website, bookingUrl: website }]);
      expect(rejected).to.deep.equal([]);
      expect(providers).to.have.length(1);
      expect(providers[0].website).to.equal(undefined);
      expect(providers[0].bookingUrl).to.equal(undefined);
      expect(providers[0].name).to.equal('Ana Lopez');
    });
  }

  it('treats null and blank optional fields as absent, and blank list entries as missing', () => {
    const { providers, rejected } = parseProviders([
      {
        ...ANA,
        fax: '',
        phone: null,
        practice: '   ',
        credentials: ['DC', '', null],
        languages: null,
        acceptingNewPatients: null,
        address: null,
        discipline: null,
      },
    ]);
    expect(rejected).to.deep.equal([]);
    const [ana] = providers;
    expect(ana.fax).to.equal(undefined);
    expect(ana.phone).to.equal(undefined);
    expect(ana.practice).to.equal(undefined);
    expect(ana.credentials).to.deep.equal(['DC']);
    expect(ana.languages).to.equal(undefined);
    expect(ana.acceptingNewPatients).to.equal(undefined);
    expect(ana.address).to.equal(undefined);
    expect(ana.discipline).to.equal(undefined);
  });

  it('still drops a record whose optional field has the wrong type', () => {
    const { providers, rejected } = parseProviders([{ ...ANA, fax: 5551234 }, { ...ANA, telehealth: 'yes' }, ANA]);
    expect(providers).to.have.length(1);
    expect(rejected.map((record) => record.index)).to.deep.equal([0, 1]);
    expect(rejected[0].reason).to.match(/^fax/);
    expect(rejected[1].reason).to.match(/^telehealth/);
  });

  it('keeps an http(s) link, normalized', () => {
    const { providers } = parseProviders([
      { ...ANA, website: 'https://example.org/a b', bookingUrl: ' HTTP://Example.org/book ' },
    ]);
    expect(providers[0].website).to.equal('https://example.org/a%20b');
    expect(providers[0].bookingUrl).to.equal('http://example.org/book');
  });
});
