/**
 * A small in-memory FHIR R4 server over Da Vinci PDex Plan-Net resources, for
 * `adapter="fhir"`. It implements exactly the searches the adapter sends
 * (src/directory/fhir/queries.ts) and answers any other parameter with a 400
 * OperationOutcome, as a strict FHIR server does, so a query the adapter gets
 * wrong fails loudly instead of being quietly ignored.
 *
 * - `/fhir/`: the 3,000-clinician demo directory as Plan-Net resources, one
 *   Practitioner, PractitionerRole and HealthcareService per clinician and one
 *   Location per practice address (demo/fhir.html). No `near` search.
 * - `/test-fhir/{name}/`: the browser tests' directories, built from the
 *   hand-written resources in test/fixtures/fhir/ (see `TEST_DIRECTORIES`).
 *
 * Each directory answers `metadata` (its CapabilityStatement),
 * `PractitionerRole?specialty&location.address-postalcode&_include&_count`
 * and, where it declares `near`,
 * `Location?near&_revinclude=PractitionerRole:location&_include:iterate&_count`.
 * Pages are numbered with `_offset` in the `next` links.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Discipline, Provider } from '../src/directory/schema.js';
import { distanceKm } from '../src/geo/distance.js';
import { getDemoDirectory } from './demo-directory.js';
import type { Route } from './demo-routes.js';
import { sendJson } from './demo-routes.js';

type Resource = Record<string, unknown> & { resourceType: string; id: string };

interface DirectoryOptions {
  /** Declares and answers `Location?near=…` with `_revinclude`. */
  near: boolean;
  /** Most matches per page, whatever `_count` asks. */
  maxPageSize?: number;
  /** Written into `next` links instead of the server's own origin. */
  nextLinkOrigin?: string;
  /** False: `metadata` answers 404. */
  metadata?: boolean;
  /** Answers every request with this HTTP status and an OperationOutcome. */
  status?: number;
  /** Answers every search with this body (status 200) instead of a Bundle. */
  searchAnswer?: unknown;
}

interface FhirDirectory extends DirectoryOptions {
  resources: readonly Resource[];
  /** Every resource by `Type/id`. */
  byKey: ReadonlyMap<string, Resource>;
}

function createDirectory(resources: readonly Resource[], options: DirectoryOptions): FhirDirectory {
  return { ...options, resources, byKey: new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r])) };
}

const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net';
const NUCC = 'http://nucc.org/provider-taxonomy';
const MAX_COUNT = 500;
const DEFAULT_COUNT = 50;

interface TestDirectory extends Omit<DirectoryOptions, 'searchAnswer'> {
  /** A Bundle in test/fixtures/fhir/ holding the directory's resources. */
  fixture: string;
  /** A file in test/fixtures/fhir/ that answers every search as it is: a server that breaks the rules. */
  searchAnswer?: string;
}

const TEST_DIRECTORIES: Readonly<Record<string, TestDirectory>> = {
  chicago: { fixture: 'chicago.json', near: false },
  'chicago-near': { fixture: 'chicago.json', near: true },
  'no-metadata': { fixture: 'chicago.json', near: false, metadata: false },
  paged: { fixture: 'paging.json', near: false, maxPageSize: 2 },
  'foreign-next': { fixture: 'paging.json', near: false, maxPageSize: 2, nextLinkOrigin: 'https://elsewhere.example' },
  incomplete: { fixture: 'chicago.json', near: false, searchAnswer: 'incomplete.json' },
  outcome: { fixture: 'chicago.json', near: false, searchAnswer: 'operation-outcome.json' },
  'not-a-bundle': { fixture: 'chicago.json', near: false, searchAnswer: 'patient.json' },
  unavailable: { fixture: 'chicago.json', near: false, status: 503 },
};

let demoDirectory: FhirDirectory | undefined;
const testDirectories = new Map<string, FhirDirectory>();

const demoRoute: Route = (url, request, response) => {
  const path = /^\/fhir(\/.*)?$/.exec(url.pathname);
  if (!path) return false;
  demoDirectory ??= createDirectory(toPlanNet(getDemoDirectory()), { near: false });
  answer(demoDirectory, '/fhir', path[1] ?? '/', url, request, response);
  return true;
};

const testRoute: Route = (url, request, response) => {
  const path = /^\/test-fhir\/([\w-]+)(\/.*)?$/.exec(url.pathname);
  if (!path) return false;
  const directory = testDirectory(path[1]);
  if (!directory) sendFhir(response, 404, operationOutcome('not-found', `No test directory ${path[1]}`));
  else answer(directory, `/test-fhir/${path[1]}`, path[2] ?? '/', url, request, response);
  return true;
};

/** Routes for the FHIR Plan-Net demo server (adapter="fhir") and the tests' FHIR directories. */
export const FHIR_DEMO_ROUTES: Route[] = [demoRoute, testRoute];

function testDirectory(name: string): FhirDirectory | undefined {
  if (!Object.hasOwn(TEST_DIRECTORIES, name)) return undefined;
  const config = TEST_DIRECTORIES[name];
  let directory = testDirectories.get(name);
  if (!directory) {
    const { fixture, searchAnswer, ...options } = config;
    const bundle = readFixture(fixture) as { entry: Array<{ resource: Resource }> };
    directory = createDirectory(
      bundle.entry.map((entry) => entry.resource),
      { ...options, searchAnswer: searchAnswer && readFixture(searchAnswer) },
    );
    testDirectories.set(name, directory);
  }
  return directory;
}

function readFixture(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`../test/fixtures/fhir/${file}`, import.meta.url), 'utf8'));
}

function answer(
  directory: FhirDirectory,
  basePath: string,
  path: string,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  if (request.method === 'OPTIONS') {
    // A host that adds request headers (an API key) triggers a CORS preflight.
    response.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': '*',
      'access-control-max-age': '600',
    });
    response.end();
    return;
  }
  if (request.method !== 'GET') {
    sendFhir(response, 405, operationOutcome('not-supported', 'This directory is read-only'));
    return;
  }
  if (directory.status !== undefined) {
    sendFhir(response, directory.status, operationOutcome('transient', 'The directory is down for maintenance'));
    return;
  }
  const origin = `http://${request.headers.host ?? 'localhost'}`;
  const server = {
    directory,
    base: `${origin}${basePath}`,
    nextBase: `${directory.nextLinkOrigin ?? origin}${basePath}`,
  };
  if (path === '/metadata') {
    if (directory.metadata === false) sendFhir(response, 404, operationOutcome('not-found', 'No metadata here'));
    else sendFhir(response, 200, capabilityStatement(directory.near));
    return;
  }
  if (path !== '/PractitionerRole' && !(path === '/Location' && directory.near)) {
    sendFhir(response, 404, operationOutcome('not-supported', `No search at ${path}`));
    return;
  }
  if (directory.searchAnswer !== undefined) {
    sendFhir(response, 200, directory.searchAnswer);
    return;
  }
  try {
    const bundle = path === '/Location' ? searchLocations(server, url) : searchRoles(server, url);
    sendFhir(response, 200, bundle);
  } catch (error) {
    if (!(error instanceof SearchError)) throw error;
    sendFhir(response, 400, operationOutcome(error.code, error.message));
  }
}

class SearchError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Server {
  directory: FhirDirectory;
  /** Absolute base URL, for fullUrls and self links. */
  base: string;
  /** Absolute base URL for next links. */
  nextBase: string;
}

const ROLE_PARAMETERS = new Set(['specialty', 'location.address-postalcode', '_include', '_count', '_offset']);
interface Include {
  /** The PractitionerRole field holding the references. */
  field: string;
  type: string;
}

const ROLE_INCLUDES: ReadonlyMap<string, Include> = new Map([
  ['PractitionerRole:practitioner', { field: 'practitioner', type: 'Practitioner' }],
  ['PractitionerRole:location', { field: 'location', type: 'Location' }],
  ['PractitionerRole:service', { field: 'healthcareService', type: 'HealthcareService' }],
]);

function searchRoles(server: Server, url: URL): unknown {
  const params = url.searchParams;
  checkParameters(params, ROLE_PARAMETERS);
  const resources = server.directory.resources;
  const specialties = params.has('specialty') ? splitOr(params.get('specialty')!) : undefined;
  const postalPrefixes = params.has('location.address-postalcode')
    ? splitOr(params.get('location.address-postalcode')!).map((prefix) => prefix.toLowerCase())
    : undefined;
  const includes = params.getAll('_include').map((include) => {
    const target = ROLE_INCLUDES.get(include);
    if (!target) throw new SearchError('not-supported', `_include=${include} is not supported`);
    return target;
  });

  const roles = resources.filter(
    (resource) =>
      resource.resourceType === 'PractitionerRole' &&
      (!specialties || hasSpecialty(resource, specialties)) &&
      (!postalPrefixes ||
        references(resource.location).some((reference) => {
          const postalCode = (find(server.directory, reference, 'Location')?.address as { postalCode?: string })
            ?.postalCode;
          return postalPrefixes.some((prefix) => postalCode?.toLowerCase().startsWith(prefix));
        })),
  );
  return searchBundle(server, url, roles, (page) =>
    page.flatMap((role) =>
      includes.flatMap(({ field, type }) =>
        references(role[field]).map((reference) => find(server.directory, reference, type)),
      ),
    ),
  );
}

const LOCATION_PARAMETERS = new Set(['near', '_revinclude', '_include:iterate', '_count', '_offset']);
/** What `_include:iterate` brings for the revincluded roles (their Locations are already the matches). */
const ITERATE_INCLUDES: ReadonlyMap<string, Include> = new Map(
  [...ROLE_INCLUDES].filter(([name]) => name !== 'PractitionerRole:location'),
);

function searchLocations(server: Server, url: URL): unknown {
  const params = url.searchParams;
  checkParameters(params, LOCATION_PARAMETERS);
  const resources = server.directory.resources;
  const near = /^(-?[\d.]+)\|(-?[\d.]+)\|([\d.]+)\|km$/.exec(params.get('near') ?? '');
  if (!near) throw new SearchError('invalid', 'near must be latitude|longitude|distance|km');
  const point = { lat: Number(near[1]), lng: Number(near[2]) };
  const revinclude = params.get('_revinclude');
  if (revinclude !== null && revinclude !== 'PractitionerRole:location') {
    throw new SearchError('not-supported', `_revinclude=${revinclude} is not supported`);
  }
  const iterate = params.getAll('_include:iterate').map((include) => {
    const target = ITERATE_INCLUDES.get(include);
    if (!target) throw new SearchError('not-supported', `_include:iterate=${include} is not supported`);
    return target;
  });

  const radiusKm = Number(near[3]);
  const located: Array<{ location: Resource; km: number }> = [];
  for (const location of resources) {
    const position = location.position as { latitude?: unknown; longitude?: unknown } | undefined;
    const lat = position?.latitude;
    const lng = position?.longitude;
    if (location.resourceType !== 'Location' || typeof lat !== 'number' || typeof lng !== 'number') continue;
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) continue;
    const km = distanceKm(point, { lat, lng });
    if (km <= radiusKm) located.push({ location, km });
  }
  located.sort((a, b) => a.km - b.km);
  return searchBundle(
    server,
    url,
    located.map(({ location }) => location),
    (page) => {
      if (!revinclude) return [];
      const ids = new Set(page.map((location) => `Location/${location.id}`));
      const roles = resources.filter(
        (resource) =>
          resource.resourceType === 'PractitionerRole' &&
          references(resource.location).some((reference) => ids.has(typeAndId(reference) ?? '')),
      );
      return [
        ...roles,
        ...roles.flatMap((role) =>
          iterate.flatMap(({ field, type }) =>
            references(role[field]).map((reference) => find(server.directory, reference, type)),
          ),
        ),
      ];
    },
  );
}

/** A searchset Bundle of one page of `matches`, with what `included` adds for it. */
function searchBundle(
  server: Server,
  url: URL,
  matches: readonly Resource[],
  included: (page: readonly Resource[]) => Array<Resource | undefined>,
): unknown {
  const params = url.searchParams;
  const count = Math.min(wholeNumber(params, '_count', DEFAULT_COUNT), server.directory.maxPageSize ?? MAX_COUNT);
  const offset = wholeNumber(params, '_offset', 0);
  const page = matches.slice(offset, offset + count);
  const seen = new Set(page.map((resource) => `${resource.resourceType}/${resource.id}`));
  const extra = included(page).filter((resource): resource is Resource => {
    if (!resource || seen.has(`${resource.resourceType}/${resource.id}`)) return false;
    seen.add(`${resource.resourceType}/${resource.id}`);
    return true;
  });
  const resourcePath = url.pathname.slice(url.pathname.lastIndexOf('/'));
  const link = [{ relation: 'self', url: `${server.base}${resourcePath}${url.search}` }];
  if (count > 0 && offset + count < matches.length) {
    const next = new URLSearchParams(params);
    next.set('_offset', String(offset + count));
    link.push({ relation: 'next', url: `${server.nextBase}${resourcePath}?${next}` });
  }
  const entry = (resource: Resource, mode: 'match' | 'include') => ({
    fullUrl: `${server.base}/${resource.resourceType}/${resource.id}`,
    resource,
    search: { mode },
  });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link,
    entry: [
      ...page.map((resource) => entry(resource, 'match')),
      ...extra.map((resource) => entry(resource, 'include')),
    ],
  };
}

function checkParameters(params: URLSearchParams, known: ReadonlySet<string>): void {
  for (const name of params.keys()) {
    if (!known.has(name)) throw new SearchError('not-supported', `Unknown search parameter ${name}`);
  }
}

function wholeNumber(params: URLSearchParams, name: string, fallback: number): number {
  const text = params.get(name);
  if (text === null) return fallback;
  if (!/^\d+$/.test(text)) throw new SearchError('invalid', `${name} must be a whole number`);
  return Number(text);
}

/** The values of a parameter that are ORed (comma-separated). */
function splitOr(value: string): string[] {
  return value.split(',').filter((part) => part.length > 0);
}

/** Token search: `code` in any system, or `system|code`. */
function hasSpecialty(role: Resource, tokens: readonly string[]): boolean {
  const codings = ((role.specialty ?? []) as Array<{ coding?: Array<{ system?: string; code?: string }> }>).flatMap(
    (concept) => concept.coding ?? [],
  );
  return tokens.some((token) => {
    const [system, code] = token.includes('|') ? token.split('|') : [undefined, token];
    return codings.some((coding) => coding.code === code && (system === undefined || coding.system === system));
  });
}

function references(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .map((item) => (item as { reference?: unknown })?.reference)
    .filter((reference): reference is string => typeof reference === 'string');
}

/** `Type/id` at the end of a relative or absolute reference. */
function typeAndId(reference: string): string | undefined {
  return /([A-Za-z]+\/[A-Za-z0-9.-]+)$/.exec(reference)?.[1];
}

function find(directory: FhirDirectory, reference: string, type: string): Resource | undefined {
  const key = typeAndId(reference);
  return key?.startsWith(`${type}/`) ? directory.byKey.get(key) : undefined;
}

function capabilityStatement(near: boolean): unknown {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    implementationGuide: [`${PLAN_NET}/ImplementationGuide/hl7.fhir.us.davinci-pdex-plan-net`],
    rest: [
      {
        mode: 'server',
        resource: [
          {
            type: 'PractitionerRole',
            profile: `${PLAN_NET}/StructureDefinition/plannet-PractitionerRole`,
            interaction: [{ code: 'search-type' }],
            searchInclude: [...ROLE_INCLUDES.keys()],
            searchParam: [
              { name: 'specialty', type: 'token' },
              { name: 'location', type: 'reference' },
            ],
          },
          {
            type: 'Location',
            profile: `${PLAN_NET}/StructureDefinition/plannet-Location`,
            interaction: [{ code: 'search-type' }],
            searchRevInclude: ['PractitionerRole:location'],
            searchParam: [
              { name: 'address-postalcode', type: 'string' },
              ...(near ? [{ name: 'near', type: 'special' }] : []),
            ],
          },
          { type: 'Practitioner', interaction: [{ code: 'read' }] },
          { type: 'HealthcareService', interaction: [{ code: 'read' }] },
        ],
      },
    ],
  };
}

function operationOutcome(code: string, diagnostics: string): unknown {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

function sendFhir(response: ServerResponse, status: number, body: unknown): void {
  sendJson(response, status, body, { 'content-type': 'application/fhir+json; charset=utf-8' });
}

const SPECIALTIES: Readonly<Record<Discipline, { code: string; display: string }>> = {
  chiropractic: { code: '111N00000X', display: 'Chiropractor' },
  'physical-therapy': { code: '225100000X', display: 'Physical Therapist' },
  osteopathic: { code: '204D00000X', display: 'Neuromusculoskeletal Medicine & OMM' },
  medical: { code: '208100000X', display: 'Physical Medicine & Rehabilitation' },
  other: { code: '2255A2300X', display: 'Athletic Trainer' },
};

/** BCP-47 codes of the demo's languages; the display keeps the demo's own name. */
const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  English: 'en',
  Spanish: 'es',
  Mandarin: 'zh',
  Vietnamese: 'vi',
  Polish: 'pl',
  Arabic: 'ar',
  Russian: 'ru',
  Korean: 'ko',
  Tagalog: 'tl',
  Hindi: 'hi',
};

function profile(name: string) {
  return { profile: [`${PLAN_NET}/StructureDefinition/plannet-${name}`] };
}

/**
 * The demo directory as Plan-Net resources. Clinicians of one practice share
 * its Location and HealthcareService (the demo gives a practice one address,
 * phone and telehealth offer); each clinician has a Practitioner and a
 * PractitionerRole. Insurance and booking links have no Plan-Net home here.
 */
function toPlanNet(providers: readonly Provider[]): Resource[] {
  const resources: Resource[] = [];
  const practices = new Map<string, { location: string; service: string }>();
  for (const provider of providers) {
    const key = `${provider.practice}|${provider.location.lat}|${provider.location.lng}`;
    let practice = practices.get(key);
    if (!practice) {
      const number = String(practices.size + 1).padStart(5, '0');
      practice = { location: `loc-${number}`, service: `svc-${number}` };
      practices.set(key, practice);
      resources.push(demoLocation(practice.location, provider), demoService(practice, provider));
    }
    const [given, ...family] = provider.name.split(' ');
    resources.push({
      resourceType: 'Practitioner',
      id: provider.id,
      meta: profile('Practitioner'),
      active: true,
      name: [{ use: 'official', family: family.join(' '), given: [given] }],
      qualification: (provider.credentials ?? []).map((credential) => ({
        code: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0360', code: credential }],
          text: credential,
        },
      })),
      communication: (provider.languages ?? []).map((language) => ({
        coding: [{ system: 'urn:ietf:bcp:47', code: LANGUAGE_CODES[language] ?? 'und', display: language }],
      })),
    });
    resources.push({
      resourceType: 'PractitionerRole',
      id: provider.id,
      meta: profile('PractitionerRole'),
      extension: [newPatients(provider.acceptingNewPatients === true)],
      active: true,
      practitioner: { reference: `Practitioner/${provider.id}` },
      organization: { display: provider.practice },
      specialty: [{ coding: [{ system: NUCC, ...SPECIALTIES[provider.discipline ?? 'other'] }] }],
      location: [{ reference: `Location/${practice.location}` }],
      healthcareService: [{ reference: `HealthcareService/${practice.service}` }],
    });
  }
  return resources;
}

function demoLocation(id: string, provider: Provider): Resource {
  const { address } = provider;
  return {
    resourceType: 'Location',
    id,
    meta: profile('Location'),
    status: 'active',
    name: provider.practice,
    telecom: [
      { system: 'phone', value: provider.phone },
      { system: 'fax', value: provider.fax },
      { system: 'url', value: provider.website },
    ],
    address: {
      line: [address?.line1, address?.line2].filter(Boolean),
      city: address?.city,
      state: address?.state,
      postalCode: address?.postalCode,
    },
    position: { latitude: provider.location.lat, longitude: provider.location.lng },
  };
}

function demoService(practice: { location: string; service: string }, provider: Provider): Resource {
  return {
    resourceType: 'HealthcareService',
    id: practice.service,
    meta: profile('HealthcareService'),
    extension: [deliveryMethod('physical'), ...(provider.telehealth ? [deliveryMethod('virtual')] : [])],
    active: true,
    name: provider.practice,
    location: [{ reference: `Location/${practice.location}` }],
  };
}

function newPatients(accepting: boolean) {
  return {
    url: `${PLAN_NET}/StructureDefinition/newpatients`,
    extension: [
      {
        url: 'acceptingPatients',
        valueCodeableConcept: {
          coding: [{ system: `${PLAN_NET}/CodeSystem/AcceptingPatientsCS`, code: accepting ? 'newpt' : 'nopt' }],
        },
      },
    ],
  };
}

function deliveryMethod(code: 'physical' | 'virtual') {
  return {
    url: `${PLAN_NET}/StructureDefinition/delivery-method`,
    extension: [
      {
        url: 'type',
        valueCodeableConcept: { coding: [{ system: `${PLAN_NET}/CodeSystem/DeliveryMethodCS`, code }] },
      },
    ],
  };
}
