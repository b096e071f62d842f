/**
 * One Plan-Net PractitionerRole, with the Practitioner, Location and
 * HealthcareServices it refers to, as a Provider record. The record is still
 * validated by `ProviderSchema` afterwards: this only decides which FHIR
 * field feeds which Provider field.
 */
import type { GeoPoint } from '../schema.js';
import { asObject, asText, codesOf, extensionsNamed, objects, texts } from './json.js';
import type { JsonObject } from './json.js';
import { disciplineOf, NUCC_SYSTEM } from './specialties.js';

export interface RoleResources {
  role: JsonObject;
  practitioner: JsonObject;
  /** The role's Location nearest the search point, among those it has. */
  location: JsonObject;
  services: readonly JsonObject[];
  /** The role's spine specialty code (see `spineSpecialtyOf`). */
  specialty: string;
  point: GeoPoint;
}

/** A Provider record (unvalidated) for a role, identified as `PractitionerRole/{id}`. */
export function toProviderRecord(resources: RoleResources): Record<string, unknown> {
  const { role, practitioner, location, services, specialty, point } = resources;
  const name = practitionerName(practitioner);
  const contacts = [role, location, practitioner];
  return {
    id: `PractitionerRole/${asText(role.id) ?? ''}`,
    name: name?.text,
    location: point,
    credentials: listOrAbsent([...qualifications(practitioner), ...(name?.credentials ?? [])]),
    discipline: disciplineOf(specialty),
    practice: asText(asObject(role.organization)?.display),
    address: address(location),
    phone: firstTelecom(contacts, 'phone'),
    fax: firstTelecom(contacts, 'fax'),
    email: firstTelecom(contacts, 'email'),
    website: firstWebsite([role, location]),
    languages: listOrAbsent(objects(practitioner.communication).map(languageName).filter(isText)),
    acceptingNewPatients: acceptingNewPatients([role, location]),
    telehealth: offersTelehealth(services),
  };
}

/** Generational suffixes belong to the name; any other suffix is a credential. */
const NAME_SUFFIX = /^(?:jr|sr|i{2,3}|iv|v)\.?$/i;

/**
 * The name a person would use: the official (or usual, or first current)
 * HumanName, from its parts when it has them. Prefixes ("Dr.") are left out,
 * because the credentials after the name already say it; suffixes that are
 * degrees ("DC", "PT") become credentials.
 */
function practitionerName(practitioner: JsonObject): { text: string; credentials: string[] } | undefined {
  const names = objects(practitioner.name).filter((name) => name.use !== 'old' && name.use !== 'maiden');
  const name = names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual') ?? names[0];
  if (!name) return undefined;
  const suffixes = texts(name.suffix);
  const parts = [...texts(name.given), asText(name.family), ...suffixes.filter((s) => NAME_SUFFIX.test(s))];
  const text = parts.filter(isText).join(' ') || asText(name.text);
  const credentials = suffixes.filter((suffix) => !NAME_SUFFIX.test(suffix));
  return text ? { text, credentials } : undefined;
}

/**
 * Degrees and licences, as the abbreviations a card shows after the name:
 * a qualification's code (never a NUCC taxonomy code, which some directories
 * put there), else its text.
 */
function qualifications(practitioner: JsonObject): string[] {
  return objects(practitioner.qualification)
    .map((qualification) => {
      const concept = asObject(qualification.code);
      const abbreviation = objects(concept?.coding)
        .filter((coding) => coding.system !== NUCC_SYSTEM)
        .map((coding) => asText(coding.code))
        .find((code) => code !== undefined && !/^\d/.test(code));
      return abbreviation ?? asText(concept?.text);
    })
    .filter(isText);
}

function address(location: JsonObject): Record<string, string | undefined> | undefined {
  const value = asObject(location.address);
  if (!value) return undefined;
  const lines = texts(value.line);
  return {
    line1: lines[0],
    line2: lines.slice(1).join(', ') || undefined,
    city: asText(value.city),
    state: asText(value.state),
    postalCode: asText(value.postalCode),
  };
}

/** The first current telecom of `system` among the resources, in order. */
function firstTelecom(resources: readonly JsonObject[], system: 'phone' | 'fax' | 'email'): string | undefined {
  for (const resource of resources) {
    for (const telecom of objects(resource.telecom)) {
      const value = asText(telecom.value);
      if (telecom.system === system && value && telecom.use !== 'old') return value;
    }
  }
  return undefined;
}

function firstWebsite(resources: readonly JsonObject[]): string | undefined {
  for (const resource of resources) {
    for (const telecom of objects(resource.telecom)) {
      const value = asText(telecom.value);
      if (telecom.system === 'url' && value && /^https?:\/\//i.test(value)) return value;
    }
  }
  return undefined;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * A language spoken with patients, in English: a coding's display, else the
 * concept's text, else the name of its BCP-47 code. Reads R4's
 * CodeableConcept and R5's `{ language }` alike.
 */
function languageName(communication: JsonObject): string | undefined {
  const concept = asObject(communication.language) ?? communication;
  const codings = objects(concept.coding);
  const display = codings.map((coding) => asText(coding.display)).find(isText);
  if (display) return display;
  const text = asText(concept.text);
  if (text) return text;
  for (const code of codesOf(concept)) {
    try {
      const name = languageNames.of(code);
      if (name) return name;
    } catch {
      // Not a well-formed language tag: try the next coding.
    }
  }
  return undefined;
}

/** Plan-Net acceptingPatients codes that mean "not taking new patients": none, existing patients (and their families) only. */
const NOT_ACCEPTING = new Set(['nopt', 'existptonly', 'existptfam']);

/**
 * From the `newpatients` extension, on the role first, then on the Location.
 * A role may carry one per network: accepting in any network counts. Reads
 * the `acceptingPatients` code, and a boolean where older exports put one.
 */
function acceptingNewPatients(resources: readonly JsonObject[]): boolean | undefined {
  for (const resource of resources) {
    const answers = extensionsNamed(resource, 'newpatients').map((extension) => {
      if (typeof extension.valueBoolean === 'boolean') return extension.valueBoolean;
      const accepting = extensionsNamed(extension, 'acceptingPatients')[0];
      if (typeof accepting?.valueBoolean === 'boolean') return accepting.valueBoolean;
      const codes = codesOf(accepting?.valueCodeableConcept);
      if (codes.includes('newpt')) return true;
      return codes.some((code) => NOT_ACCEPTING.has(code)) ? false : undefined;
    });
    if (answers.includes(true)) return true;
    if (answers.includes(false)) return false;
  }
  return undefined;
}

/**
 * True when a service's `delivery-method` is virtual, false when services
 * state only other methods, undefined when none says.
 */
function offersTelehealth(services: readonly JsonObject[]): boolean | undefined {
  const methods = services.flatMap((service) =>
    extensionsNamed(service, 'delivery-method').flatMap((extension) =>
      extensionsNamed(extension, 'type').flatMap((type) => codesOf(type.valueCodeableConcept)),
    ),
  );
  if (methods.includes('virtual')) return true;
  return methods.length > 0 ? false : undefined;
}

/** Each value once; an empty list is no information. */
function listOrAbsent(values: readonly string[]): string[] | undefined {
  return values.length > 0 ? [...new Set(values)] : undefined;
}

function isText(value: string | undefined): value is string {
  return value !== undefined;
}
