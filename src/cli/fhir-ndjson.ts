/**
 * A FHIR bulk export (NDJSON: one resource per line) of a Plan-Net
 * directory as Provider records: each spine-care PractitionerRole with its
 * Practitioner, Location and HealthcareServices, mapped by the same code as
 * the `fhir` adapter (../directory/fhir/), and placed the same way (a
 * Location's own position where it agrees with its ZIP, the ZIP's centre
 * otherwise).
 *
 * A role is listed at the first of its Locations that can be placed: a
 * static directory holds one place per clinician, where the `fhir` adapter
 * picks the Location nearest each search.
 */
import { BundleIndex } from '../directory/fhir/bundle.js';
import { asText } from '../directory/fhir/json.js';
import { placeLocation, zipOf } from '../directory/fhir/placement.js';
import { DEFAULT_SPECIALTIES, spineSpecialtyOf } from '../directory/fhir/specialties.js';
import { toProviderRecord } from '../directory/fhir/to-provider.js';
import type { GeoPoint } from '../directory/schema.js';
import type { InputRow } from './inputs.js';
import type { ZipCentres } from './zip-centres.js';

export interface NdjsonFile {
  /** The file's name and a space when there are several, for `where`; empty for one file. */
  name: string;
  text: string;
}

export async function readFhirResources(
  files: readonly NdjsonFile[],
  zipCentres: ZipCentres,
): Promise<{ rows: InputRow[]; notes: string[] }> {
  /** Each row with its file and line, to list them in the order of the export. */
  const rows: Array<InputRow & { order: [number, number] }> = [];
  const entries: Array<{ resource: Record<string, unknown> }> = [];
  /** Where each resource (by position in `entries`) is. */
  const places: Array<{ where: string; order: [number, number] }> = [];
  const counts = new Map<string, number>();
  for (const [file, { name, text }] of files.entries()) {
    text.split(/\r?\n/).forEach((content, i) => {
      if (content.trim() === '') return;
      const where = `${name}line ${i + 1}`;
      const order: [number, number] = [file, i];
      let resource: unknown;
      try {
        resource = JSON.parse(content);
      } catch {
        rows.push({ where, order, error: 'not a JSON resource (NDJSON has one resource per line)' });
        return;
      }
      const type =
        typeof resource === 'object' && resource !== null
          ? asText((resource as { resourceType?: unknown }).resourceType)
          : undefined;
      if (!type) {
        rows.push({ where, order, error: 'not a FHIR resource (no resourceType)' });
        return;
      }
      counts.set(type, (counts.get(type) ?? 0) + 1);
      entries.push({ resource: resource as Record<string, unknown> });
      places.push({ where, order });
    });
  }

  const index = new BundleIndex(entries);
  const zips = new Set<string>();
  for (const resource of index.resources) {
    const zip = resource.resourceType === 'Location' ? zipOf(resource) : undefined;
    if (zip) zips.add(zip);
  }
  const centres = new Map<string, GeoPoint>();
  for (const zip of [...zips].sort()) {
    const centre = await zipCentres(zip);
    if (centre) centres.set(zip, centre);
  }

  let otherRoles = 0;
  const seen = new Set<string>();
  index.resources.forEach((role, at) => {
    if (role.resourceType !== 'PractitionerRole') return;
    const specialty = spineSpecialtyOf(role, DEFAULT_SPECIALTIES);
    if (!specialty) {
      otherRoles++;
      return;
    }
    const { where, order } = places[at];
    const id = asText(role.id);
    const fail = (error: string) => rows.push({ where, order, error: `PractitionerRole/${id ?? '?'}: ${error}` });
    if (!id) return fail('it has no id');
    if (seen.has(id)) return fail('the same PractitionerRole is in the export twice');
    seen.add(id);
    const practitioner = index.resolve(role.practitioner, 'Practitioner');
    if (!practitioner) return fail('its Practitioner is not in the export');
    const locations = index.resolveAll(role.location, 'Location');
    if (locations.length === 0) return fail('none of its Locations is in the export');
    const placed = locations
      .map((location) => ({ location, placement: placeLocation(location, centres) }))
      .find((candidate) => candidate.placement !== undefined);
    if (!placed?.placement) return fail('no Location has a usable position or a known ZIP code');

    const notes: string[] = [];
    const locationId = asText(placed.location.id) ?? '?';
    if (placed.placement.approximate) {
      notes.push(
        `placed at the centre of ZIP ${zipOf(placed.location)}: Location/${locationId} has no position, or one far from its ZIP`,
      );
    }
    if (locations.length > 1) {
      notes.push(`has ${locations.length} Locations: listed at Location/${locationId} only`);
    }
    rows.push({
      where,
      order,
      record: toProviderRecord({
        role,
        practitioner,
        location: placed.location,
        services: index.resolveAll(role.healthcareService, 'HealthcareService'),
        specialty,
        point: placed.placement.point,
      }),
      ...(notes.length > 0 ? { notes } : {}),
    });
  });

  const summary = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, count]) => `${count} ${type}`)
    .join(', ');
  const notes = [
    `resources read: ${summary || 'none'}; a row is a spine-care PractitionerRole, or a line that is not one resource`,
  ];
  if (otherRoles > 0) {
    notes.push(
      `${otherRoles} PractitionerRole${otherRoles > 1 ? 's' : ''} of other specialties not listed (spine care: NUCC ${DEFAULT_SPECIALTIES.join(', ')})`,
    );
  }
  rows.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  return { rows: rows.map(({ order: _order, ...row }) => row), notes };
}
