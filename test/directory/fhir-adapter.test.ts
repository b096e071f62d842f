import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DirectoryError } from '../../src/directory/adapter.js';
import type { DirectoryPage, DirectorySearch, Match } from '../../src/directory/adapter.js';
import { createFhirAdapter } from '../../src/directory/fhir/fhir-adapter.js';
import type { FhirAdapterOptions } from '../../src/directory/fhir/fhir-adapter.js';
import { matchBundle } from '../../src/directory/fhir/map-bundle.js';
import { placeLocation, ZIP_AGREEMENT_KM } from '../../src/directory/fhir/placement.js';
import type { GeoPoint, Provider } from '../../src/directory/schema.js';
import { distanceKm } from '../../src/geo/distance.js';
import { failureOf, directoryErrorOf } from './failures.js';

/** ZIP 60614, Chicago: the fixtures' clinicians are around it (test/fixtures/fhir/chicago.json). */
const CHICAGO: GeoPoint = { lat: 41.9229, lng: -87.6483 };
const NEAR_CHICAGO: DirectorySearch = { point: CHICAGO, radiusKm: 40, limit: 50, filters: {} };

/** GeoNames centres of the ZIPs the fixtures' badly placed Locations name. */
const ZIP_CENTRES = {
  '60657': { lat: 41.9399, lng: -87.6528 },
  '60622': { lat: 41.9019, lng: -87.6779 },
  '60610': { lat: 41.9033, lng: -87.6336 },
} satisfies Record<string, GeoPoint>;

/** Every NUCC code the default specialties name, in the adapter's order. */
const SPINE_CODES = [
  '111N00000X',
  '111NI0013X',
  '111NI0900X',
  '111NN0400X',
  '111NN1001X',
  '111NP0017X',
  '111NR0200X',
  '111NR0400X',
  '111NS0005X',
  '111NT0100X',
  '111NX0100X',
  '111NX0800X',
  '225100000X',
  '2251C2600X',
  '2251E1200X',
  '2251E1300X',
  '2251G0304X',
  '2251H1200X',
  '2251H1300X',
  '2251N0400X',
  '2251P0200X',
  '2251S0007X',
  '2251X0800X',
  '204D00000X',
];

function search(
  directory: string,
  query: Partial<DirectorySearch> = {},
  options?: FhirAdapterOptions,
): Promise<DirectoryPage> {
  return createFhirAdapter(directory, options).search(
    { ...NEAR_CHICAGO, ...query },
    { signal: new AbortController().signal },
  );
}

/** The requests this test has sent whose path starts with `path`. */
function requestsTo(path: string): URL[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.pathname.startsWith(path));
}

function ids(page: DirectoryPage): string[] {
  return page.matches.map((match) => match.provider.id);
}

function matchOf(page: DirectoryPage, id: string): Match {
  const match = page.matches.find((candidate) => candidate.provider.id === `PractitionerRole/${id}`);
  if (!match) throw new Error(`no match for ${id} in ${ids(page).join(', ')}`);
  return match;
}

function providerOf(page: DirectoryPage, id: string): Provider {
  return matchOf(page, id).provider;
}

/** Runs `action` with console.warn captured. */
async function withWarnings<T>(action: () => Promise<T>): Promise<{ result: T; warnings: unknown[][] }> {
  const warnings: unknown[][] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args);
  try {
    return { result: await action(), warnings };
  } finally {
    console.warn = original;
  }
}

beforeEach(() => {
  performance.setResourceTimingBufferSize(10_000);
  performance.clearResourceTimings();
});

describe('createFhirAdapter, on a directory without near (postal-code search)', () => {
  it('asks for PractitionerRoles by spine specialty and by the ZIP prefixes around the point, with what they refer to', async () => {
    await withWarnings(() => search('/test-fhir/chicago'));
    const [request, ...more] = requestsTo('/test-fhir/chicago/PractitionerRole');
    expect(more).to.have.length(0);
    expect(request.origin).to.equal(location.origin);
    const params = request.searchParams;
    expect([...new Set(params.keys())]).to.deep.equal([
      'specialty',
      'location.address-postalcode',
      '_include',
      '_count',
    ]);
    expect(params.get('specialty')!.split(',')).to.deep.equal(SPINE_CODES);
    // Chicago, its suburbs, NW Indiana (463, 464) and Kenosha (531); not Rockford (611) or Milwaukee (532).
    expect(params.get('location.address-postalcode')!.split(',')).to.deep.equal([
      '463',
      '464',
      '531',
      '600',
      '601',
      '602',
      '603',
      '604',
      '605',
      '606',
      '607',
      '608',
    ]);
    expect(params.getAll('_include')).to.deep.equal([
      'PractitionerRole:practitioner',
      'PractitionerRole:location',
      'PractitionerRole:service',
    ]);
    expect(params.get('_count')).to.equal('50');
  });

  it('maps a role, its Practitioner, Location and HealthcareService to one provider', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago'));
    expect(matchOf(page, 'role-ana')).to.deep.equal({
      provider: {
        id: 'PractitionerRole/role-ana',
        name: 'Ana María López',
        location: { lat: 41.9245, lng: -87.6402 },
        credentials: ['DC'],
        discipline: 'chiropractic',
        practice: 'Lincoln Park Chiropractic',
        address: { line1: '2400 N Clark St', line2: 'Suite 200', city: 'Chicago', state: 'IL', postalCode: '60614' },
        phone: '(312) 555-0100',
        fax: '(312) 555-0102',
        email: 'front-desk@example.org',
        website: 'https://example.org/lincoln-park',
        languages: ['English', 'Spanish'],
        acceptingNewPatients: true,
        telehealth: true,
      },
      distanceKm: distanceKm(CHICAGO, { lat: 41.9245, lng: -87.6402 }),
    });
  });

  it('returns the spine roles inside the circle nearest first, marking distances from a ZIP centre approximate', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago'));
    expect(ids(page)).to.deep.equal([
      'PractitionerRole/role-ana',
      'PractitionerRole/role-ben',
      'PractitionerRole/role-elena',
      'PractitionerRole/role-carla',
      'PractitionerRole/role-david',
      'PractitionerRole/role-ines',
    ]);
    expect(page.matches.map((match) => match.distanceApproximate ?? false)).to.deep.equal([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
    for (const match of page.matches) {
      expect(match.distanceKm, match.provider.id).to.equal(distanceKm(CHICAGO, match.provider.location));
    }
    expect(matchOf(page, 'role-ines').distanceKm).to.be.closeTo(13.97, 0.01);
    expect(page.total).to.equal(6);
    expect(page.next).to.equal(undefined);
  });

  it('puts a Location with no position, at (0, 0), or far from its own ZIP at that ZIP’s centre', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago'));
    // No position at all.
    expect(providerOf(page, 'role-ben').location).to.deep.equal(ZIP_CENTRES['60657']);
    // The (0, 0) placeholder.
    expect(providerOf(page, 'role-carla').location).to.deep.equal(ZIP_CENTRES['60622']);
    // A position in Milwaukee for an address in ZIP 60610, downtown Chicago.
    expect(providerOf(page, 'role-elena').location).to.deep.equal(ZIP_CENTRES['60610']);
    for (const id of ['role-ben', 'role-carla', 'role-elena']) {
      expect(matchOf(page, id).distanceApproximate, id).to.equal(true);
    }
  });

  it('reads a position written longitude first the right way round, at its exact distance', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago'));
    const david = matchOf(page, 'role-david');
    expect(david.provider.location).to.deep.equal({ lat: 41.8781, lng: -87.6298 });
    expect(david.distanceApproximate).to.equal(undefined);
    expect(david.distanceKm).to.be.closeTo(5.21, 0.01);
  });

  it('drops and counts the roles it cannot show, with one warning naming each', async () => {
    const { result: page, warnings } = await withWarnings(() => search('/test-fhir/chicago'));
    // role-farid: a truncated ZIP ("606") and no position; role-grace: its Practitioner is not in the Bundle.
    expect(page.dropped).to.equal(2);
    expect(warnings).to.have.length(1);
    const [message, rejected] = warnings[0] as [string, Array<{ reason: string }>];
    expect(message).to.contain('dropped 2 of 8');
    expect(rejected.map((record) => record.reason)).to.deep.equal([
      'PractitionerRole/role-farid: no Location has a usable position or a known ZIP code',
      'PractitionerRole/role-grace: its Practitioner is not in the response',
    ]);
  });

  it('leaves out, without counting, roles of other specialties and roles outside the circle', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago', { radiusKm: 10 }));
    expect(ids(page)).to.not.include('PractitionerRole/role-ines');
    expect(ids(page)).to.have.length(5);
    expect(page.dropped).to.equal(2);
    // Family medicine and pain medicine in Oak Park, a physical therapist in Rockford.
    for (const id of ['role-hector', 'role-kofi', 'role-omar']) {
      expect(ids(page)).to.not.include(`PractitionerRole/${id}`);
    }
  });

  it('shows a role with several Locations at the nearest one it can place', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago'));
    const ines = providerOf(page, 'role-ines');
    expect(ines.location).to.deep.equal({ lat: 42.0451, lng: -87.6877 });
    expect(ines.address?.city).to.equal('Evanston');
    expect(ines.address?.postalCode).to.equal('60201-1234');
  });

  it('writes names as people use them and degrees as credentials', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago'));
    const summary = (id: string) => {
      const provider = providerOf(page, id);
      return [provider.name, provider.credentials];
    };
    // Official name over an old one, prefix dropped, a degree suffix as a credential, NUCC qualification skipped.
    expect(summary('role-ana')).to.deep.equal(['Ana María López', ['DC']]);
    // Only a text name; qualifications as text and as a code.
    expect(summary('role-ben')).to.deep.equal(['Ben Okafor', ['PT', 'DPT']]);
    // A generational suffix stays in the name.
    expect(summary('role-david')).to.deep.equal(['David Kim Jr.', ['DC']]);
    expect(summary('role-elena')).to.deep.equal(['Elena Rossi', ['DPT']]);
  });

  it('names languages in English, from a display, a text or a BCP-47 code', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago'));
    expect(providerOf(page, 'role-ana').languages).to.deep.equal(['English', 'Spanish']);
    expect(providerOf(page, 'role-ben').languages).to.deep.equal(['Yoruba']);
    // R4's CodeableConcept and R5's { language } shape.
    expect(providerOf(page, 'role-carla').languages).to.deep.equal(['Vietnamese', 'French']);
    // A code that is not a language tag is skipped.
    expect(providerOf(page, 'role-david').languages).to.deep.equal(['Korean']);
    expect(providerOf(page, 'role-elena').languages).to.equal(undefined);
  });

  it('reads accepting new patients from every form of the newpatients extension', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago'));
    const accepting = Object.fromEntries(
      page.matches.map((match) => [
        match.provider.id.replace('PractitionerRole/', ''),
        match.provider.acceptingNewPatients,
      ]),
    );
    expect(accepting).to.deep.equal({
      'role-ana': true, // newpt
      'role-ben': false, // nopt
      'role-carla': true, // acceptingPatients as a boolean
      'role-david': false, // existptonly: existing patients only
      'role-elena': true, // nopt in one network, newpt in another
      'role-ines': false, // a boolean on the extension itself
    });
  });

  it('offers telehealth where a HealthcareService delivers virtually, and says no only when one says otherwise', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago'));
    expect(providerOf(page, 'role-ana').telehealth).to.equal(true);
    expect(providerOf(page, 'role-ben').telehealth).to.equal(false);
    expect(providerOf(page, 'role-david').telehealth).to.equal(undefined);
  });

  it('takes phone and fax from the role, then the Location, then the Practitioner, and only web links', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago'));
    const ana = providerOf(page, 'role-ana');
    expect([ana.phone, ana.fax, ana.website]).to.deep.equal([
      '(312) 555-0100',
      '(312) 555-0102',
      'https://example.org/lincoln-park',
    ]);
    const ines = providerOf(page, 'role-ines');
    expect([ines.phone, ines.fax, ines.website]).to.deep.equal(['(847) 555-0130', '(847) 555-0199', undefined]);
  });

  it('applies the filters a Plan-Net search cannot express in the browser, sending none of them', async () => {
    const cases: Array<[DirectorySearch['filters'], string[]]> = [
      [{ acceptingNewPatients: true }, ['role-ana', 'role-elena', 'role-carla']],
      [{ telehealth: true }, ['role-ana']],
      [{ language: 'SPANISH' }, ['role-ana']],
      [{ language: 'yoruba' }, ['role-ben']],
      [{ query: 'rossi' }, ['role-elena']],
      [{ query: 'lincoln park' }, ['role-ana']],
      [{ insurance: 'Medicare' }, []],
    ];
    for (const [filters, expected] of cases) {
      const { result: page } = await withWarnings(() => search('/test-fhir/chicago', { filters }));
      expect(ids(page), JSON.stringify(filters)).to.deep.equal(expected.map((id) => `PractitionerRole/${id}`));
    }
    const requests = requestsTo('/test-fhir/chicago/PractitionerRole');
    expect(requests).to.have.length(cases.length);
    for (const request of requests) {
      expect(request.searchParams.get('specialty')!.split(',')).to.deep.equal(SPINE_CODES);
    }
  });

  it('narrows the specialty codes it asks for to the disciplines wanted', async () => {
    const { result: page } = await withWarnings(() =>
      search('/test-fhir/chicago', { filters: { disciplines: ['osteopathic'] } }),
    );
    expect(ids(page)).to.deep.equal(['PractitionerRole/role-carla']);
    expect(providerOf(page, 'role-carla').discipline).to.equal('osteopathic');
    const [request] = requestsTo('/test-fhir/chicago/PractitionerRole');
    expect(request.searchParams.get('specialty')).to.equal('204D00000X');
  });

  it('asks nothing when no configured specialty belongs to the disciplines wanted', async () => {
    const page = await search('/test-fhir/chicago', { filters: { disciplines: ['medical'] } });
    expect(page).to.deep.equal({ matches: [], total: 0, dropped: 0 });
    expect(requestsTo('/test-fhir/chicago/PractitionerRole')).to.have.length(0);
  });

  it('lists the specialties it is configured with, by code prefix', async () => {
    const { result: chiropractors } = await withWarnings(() =>
      search('/test-fhir/chicago', {}, { specialties: ['111N'] }),
    );
    expect(ids(chiropractors)).to.deep.equal([
      'PractitionerRole/role-ana',
      'PractitionerRole/role-david',
      'PractitionerRole/role-ines',
    ]);
    // role-farid is a chiropractor who cannot be placed; role-grace, a therapist, is not counted.
    expect(chiropractors.dropped).to.equal(1);
    const [request] = requestsTo('/test-fhir/chicago/PractitionerRole');
    expect(request.searchParams.get('specialty')!.split(',')).to.deep.equal(SPINE_CODES.slice(0, 12));
  });

  it('leaves specialty to the browser for a prefix whose codes it cannot name', async () => {
    const page = await search('/test-fhir/chicago', {}, { specialties: ['2081'] });
    expect(ids(page)).to.deep.equal(['PractitionerRole/role-kofi']);
    expect(providerOf(page, 'role-kofi').discipline).to.equal('medical');
    expect(providerOf(page, 'role-kofi').credentials).to.deep.equal(['MD']);
    const [request] = requestsTo('/test-fhir/chicago/PractitionerRole');
    expect(request.searchParams.has('specialty')).to.equal(false);
  });

  it('reads the CapabilityStatement once per adapter', async () => {
    const adapter = createFhirAdapter('/test-fhir/chicago');
    const signal = new AbortController().signal;
    await withWarnings(() =>
      Promise.all([adapter.search(NEAR_CHICAGO, { signal }), adapter.search(NEAR_CHICAGO, { signal })]),
    );
    await withWarnings(() => adapter.search({ ...NEAR_CHICAGO, radiusKm: 10 }, { signal }));
    expect(requestsTo('/test-fhir/chicago/metadata')).to.have.length(1);
    expect(requestsTo('/test-fhir/chicago/PractitionerRole')).to.have.length(3);

    await withWarnings(() => createFhirAdapter('/test-fhir/chicago/').search(NEAR_CHICAGO, { signal }));
    expect(requestsTo('/test-fhir/chicago/metadata')).to.have.length(2);
  });

  it('loads the ZIP prefix boxes at most once, whatever the number of adapters and searches', async () => {
    const signal = new AbortController().signal;
    for (const adapter of [createFhirAdapter('/test-fhir/chicago'), createFhirAdapter('/test-fhir/paged')]) {
      await withWarnings(() => adapter.search(NEAR_CHICAGO, { signal }));
      await withWarnings(() => adapter.search(NEAR_CHICAGO, { signal }));
    }
    expect(requestsTo('/test-fhir/paged/PractitionerRole')).to.have.length(2);
    expect(requestsTo('/').filter((url) => url.pathname.endsWith('/geo/zip3.json')).length).to.be.at.most(1);
  });

  it('searches by postal code when the server does not answer metadata', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/no-metadata'));
    expect(ids(page)).to.have.length(6);
    expect(requestsTo('/test-fhir/no-metadata/PractitionerRole')).to.have.length(1);
  });

  it('asks nothing where no ZIP code is near', async () => {
    const page = await search('/test-fhir/chicago', { point: { lat: 30, lng: -50 } });
    expect(page).to.deep.equal({ matches: [], total: 0, dropped: 0 });
    expect(requestsTo('/test-fhir/chicago/PractitionerRole')).to.have.length(0);
  });
});

describe('createFhirAdapter, on a directory with near', () => {
  it('asks for the Locations near the point with the roles at them, and checks specialty itself', async () => {
    const { result: page } = await withWarnings(() => search('/test-fhir/chicago-near'));
    expect(requestsTo('/test-fhir/chicago-near/PractitionerRole')).to.have.length(0);
    const [request, ...more] = requestsTo('/test-fhir/chicago-near/Location');
    expect(more).to.have.length(0);
    expect([...request.searchParams]).to.deep.equal([
      // The point goes snapped to the 1 km grid (src/geo/coordinate-precision.ts).
      ['near', '41.92418|-87.65430|40|km'],
      ['_revinclude', 'PractitionerRole:location'],
      ['_include:iterate', 'PractitionerRole:practitioner'],
      ['_include:iterate', 'PractitionerRole:service'],
      ['_count', '50'],
    ]);
    // The server finds Locations by their own positions; family and pain medicine at Oak Park are left out.
    expect(ids(page)).to.deep.equal(['PractitionerRole/role-ana', 'PractitionerRole/role-ines']);
    expect(providerOf(page, 'role-ana').telehealth).to.equal(true);
    // role-grace at Lincoln Park has no Practitioner in the Bundle.
    expect(page.dropped).to.equal(1);
  });
});

describe('createFhirAdapter paging', () => {
  it('follows the Bundle next links, one page at a time, each nearest first', async () => {
    const adapter = createFhirAdapter('/test-fhir/paged');
    const signal = new AbortController().signal;
    const first = await adapter.search({ ...NEAR_CHICAGO, limit: 2 }, { signal });
    expect(ids(first)).to.deep.equal(['PractitionerRole/pg-1', 'PractitionerRole/pg-2']);
    expect(first.total).to.equal(undefined);
    const next = new URL(first.next!);
    expect(next.origin).to.equal(location.origin);
    expect(next.pathname).to.equal('/test-fhir/paged/PractitionerRole');
    expect(next.searchParams.get('_offset')).to.equal('2');

    const second = await adapter.search({ ...NEAR_CHICAGO, limit: 2, cursor: first.next }, { signal });
    expect(ids(second)).to.deep.equal(['PractitionerRole/pg-3', 'PractitionerRole/pg-4']);
    const third = await adapter.search({ ...NEAR_CHICAGO, limit: 2, cursor: second.next }, { signal });
    expect(ids(third)).to.deep.equal(['PractitionerRole/pg-5']);
    expect(third.next).to.equal(undefined);
    expect(third.total).to.equal(undefined);

    const requests = requestsTo('/test-fhir/paged/PractitionerRole');
    expect(requests.map((url) => url.searchParams.get('_offset'))).to.deep.equal([null, '2', '4']);
  });

  it('reads on past a Bundle with nobody inside the circle', async () => {
    // 1 km around pg-4: the first page (pg-2, pg-1) is 1.9 and 2.5 km away.
    const page = await search('/test-fhir/paged', { point: { lat: 41.945, lng: -87.655 }, radiusKm: 1, limit: 2 });
    expect(ids(page)).to.deep.equal(['PractitionerRole/pg-4', 'PractitionerRole/pg-3']);
    expect(requestsTo('/test-fhir/paged/PractitionerRole')).to.have.length(2);
    expect(new URL(page.next!).searchParams.get('_offset')).to.equal('4');
  });

  it('never follows a next link to another origin', async () => {
    const { result: page, warnings } = await withWarnings(() => search('/test-fhir/foreign-next', { limit: 2 }));
    expect(ids(page)).to.deep.equal(['PractitionerRole/pg-1', 'PractitionerRole/pg-2']);
    expect(page.next).to.equal(undefined);
    expect(String(warnings[0]?.[0])).to.contain('https://elsewhere.example');
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.includes('elsewhere.example'))).to.equal(
      false,
    );
  });

  it('refuses a cursor that leads away from the directory, asking nothing', async () => {
    const error = await directoryErrorOf(
      search('/test-fhir/paged', { cursor: 'https://elsewhere.example/test-fhir/paged/PractitionerRole?_offset=2' }),
    );
    expect(error.kind).to.equal('invalid-response');
    expect(requestsTo('/test-fhir/')).to.have.length(0);
  });
});

describe('createFhirAdapter errors', () => {
  it('copes with a Bundle that breaks the rules, keeping what it can show', async () => {
    const { result: page, warnings } = await withWarnings(() => search('/test-fhir/incomplete'));
    // role-mia's Practitioner is a urn:uuid entry and her Location an absolute, versioned reference.
    expect(ids(page)).to.deep.equal(['PractitionerRole/role-lena', 'PractitionerRole/role-mia']);
    expect(page.dropped).to.equal(4);
    const [, rejected] = warnings[0] as [string, Array<{ reason: string }>];
    expect(rejected.map((record) => record.reason.split(':')[0])).to.deep.equal([
      'PractitionerRole/role-jamal',
      'PractitionerRole/role-nameless',
      'PractitionerRole/?',
      'PractitionerRole/role-garbled',
    ]);
  });

  it("fails with 'invalid-response' when a search is answered with an OperationOutcome", async () => {
    const error = await directoryErrorOf(search('/test-fhir/outcome'));
    expect(error.kind).to.equal('invalid-response');
    expect(error.message).to.contain('The search matched too many resources');
  });

  it("fails with 'invalid-response' when a search is answered with something other than a Bundle", async () => {
    const error = await directoryErrorOf(search('/test-fhir/not-a-bundle'));
    expect(error.kind).to.equal('invalid-response');
  });

  it("fails with an 'http' error when the server answers with an error status", async () => {
    const unavailable = await directoryErrorOf(search('/test-fhir/unavailable', {}, { retries: 0 }));
    expect([unavailable.kind, unavailable.status]).to.deep.equal(['http', 503]);
  });

  it('rejects with the AbortError, not a DirectoryError, when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failureOf(
      createFhirAdapter('/test-fhir/chicago').search(NEAR_CHICAGO, { signal: controller.signal }),
    );
    expect(error).not.to.be.instanceOf(DirectoryError);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});

describe('the fhir mapping on garbled data', () => {
  const GOOD_CODES = ['111N00000X', '111NS0005X', '2251X0800X', '225100000X', '204D00000X'];

  /** A complete, well-formed role within 30 km of Chicago, as three Bundle entries. */
  const wellFormedRole = fc.record({
    given: fc.stringMatching(/^[A-Z][a-z]{1,9}$/),
    family: fc.stringMatching(/^[A-Z][a-z]{1,11}$/),
    code: fc.constantFrom(...GOOD_CODES),
    dLat: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
    dLng: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
  });

  function entriesOf(
    role: { given: string; family: string; code: string; dLat: number; dLng: number },
    at: number,
  ): unknown[] {
    return [
      {
        resource: {
          resourceType: 'Practitioner',
          id: `ok-p${at}`,
          name: [{ given: [role.given], family: role.family }],
        },
      },
      {
        resource: {
          resourceType: 'Location',
          id: `ok-l${at}`,
          position: { latitude: CHICAGO.lat + role.dLat, longitude: CHICAGO.lng + role.dLng },
        },
      },
      {
        resource: {
          resourceType: 'PractitionerRole',
          id: `ok-r${at}`,
          practitioner: { reference: `Practitioner/ok-p${at}` },
          location: [{ reference: `Location/ok-l${at}` }],
          specialty: [{ coding: [{ system: 'http://nucc.org/provider-taxonomy', code: role.code }] }],
        },
      },
    ];
  }

  /** Resources with the right types and arbitrary contents, some pointing at the good ones. */
  const garbledResource = fc.record(
    {
      resourceType: fc.constantFrom('PractitionerRole', 'Practitioner', 'Location', 'HealthcareService', 'Patient'),
      id: fc.oneof(
        fc.string().map((id) => `junk-${id}`),
        fc.anything(),
      ),
      practitioner: fc.oneof(fc.anything(), fc.constant({ reference: 'Practitioner/ok-p0' })),
      location: fc.oneof(fc.anything(), fc.constant([{ reference: 'Location/ok-l0' }, 7])),
      healthcareService: fc.anything(),
      specialty: fc.oneof(fc.anything(), fc.constant([{ coding: [{ code: '111N00000X' }, null] }])),
      name: fc.oneof(fc.anything(), fc.constant([{ given: 'not a list', family: 3, suffix: [null, 'DC'] }])),
      qualification: fc.anything(),
      communication: fc.oneof(fc.anything(), fc.constant([{ coding: [{ code: 'zz-!!' }] }, { language: null }])),
      telecom: fc.anything(),
      address: fc.oneof(fc.anything(), fc.record({ postalCode: fc.oneof(fc.constant('60614'), fc.anything()) })),
      position: fc.oneof(
        fc.anything(),
        fc.record({ latitude: fc.oneof(fc.double(), fc.anything()), longitude: fc.oneof(fc.double(), fc.anything()) }),
      ),
      extension: fc.oneof(
        fc.anything(),
        fc.constant([
          { url: 'http://x/newpatients', extension: [{ url: 'acceptingPatients', valueCodeableConcept: 5 }] },
        ]),
        fc.constant([{ url: 'http://x/delivery-method', extension: 'virtual' }]),
      ),
    },
    { requiredKeys: ['resourceType'] },
  );

  const garbledEntry = fc.oneof(
    fc.anything(),
    garbledResource.map((resource) => ({ resource })),
    fc.record({ fullUrl: fc.oneof(fc.string(), fc.constant('Practitioner/ok-p0')), resource: garbledResource }),
  );

  it('never throws, and every well-formed role comes out', () => {
    /** Well-formed roles, and their entries shuffled in among garbage. */
    const bundles = fc
      .tuple(fc.array(wellFormedRole, { minLength: 1, maxLength: 6 }), fc.array(garbledEntry, { maxLength: 25 }))
      .chain(([roles, garbage]) => {
        const entries = [...roles.flatMap((role, at) => entriesOf(role, at)), ...garbage];
        return fc
          .shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })
          .map((shuffled) => ({ roles, entries: shuffled }));
      });
    fc.assert(
      fc.property(bundles, ({ roles, entries }) => {
        const result = matchBundle(entries, {
          search: NEAR_CHICAGO,
          specialties: ['111N', '2251', '204D00000X'],
          zipCentres: new Map([['60614', CHICAGO]]),
        });
        const found = new Set(result.matches.map((match) => match.provider.id));
        roles.forEach((_, at) => expect(found.has(`PractitionerRole/ok-r${at}`), `ok-r${at}`).to.equal(true));
        for (const match of result.matches) expect(match.distanceKm).to.be.at.most(NEAR_CHICAGO.radiusKm);
        expect(result.matches.length + result.rejected.length).to.be.at.most(result.roles);
      }),
      { numRuns: 200 },
    );
  });

  it('never places a Location farther from its own ZIP than it can be', () => {
    const centre = ZIP_CENTRES['60657'];
    const near = fc.record({
      latitude: fc.double({ min: centre.lat - 1, max: centre.lat + 1, noNaN: true }),
      longitude: fc.double({ min: centre.lng - 1, max: centre.lng + 1, noNaN: true }),
    });
    const position = fc.oneof(
      near,
      near.map(({ latitude, longitude }) => ({ latitude: longitude, longitude: latitude })),
      fc.constant({ latitude: 0, longitude: 0 }),
      fc.record({ latitude: fc.double(), longitude: fc.double() }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.option(position), (stated) => {
        const placement = placeLocation(
          { resourceType: 'Location', address: { postalCode: '60657' }, position: stated },
          new Map([['60657', centre]]),
        );
        expect(placement).to.not.equal(undefined);
        expect(distanceKm(placement!.point, centre)).to.be.at.most(ZIP_AGREEMENT_KM);
        if (placement!.approximate) expect(placement!.point).to.deep.equal(centre);
      }),
      { numRuns: 500 },
    );
  });
});
