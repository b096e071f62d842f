import type { DirectoryFilters, SortOrder } from '../directory/filters.js';
import { checkFilters, readFilters, SORT_ORDERS } from '../directory/filters.js';
import type { Discipline, GeoPoint } from '../directory/schema.js';
import { DISCIPLINES } from '../directory/vocabulary.js';

/**
 * A search as it is shared in a link: what `sync-url` writes to the URL
 * fragment (never the query string, which servers and their logs see) and
 * reads back on load. Every parameter starts with `spine-`, so a host's own
 * fragment parameters live alongside.
 */
export interface SharedSearch {
  /** The location as typed. */
  text?: string;
  /** Or a point ("Use my location", "Search this area"), already rounded. */
  point?: GeoPoint;
  radius?: number;
  filters?: DirectoryFilters;
  sort?: SortOrder;
  /** The chosen clinician. */
  selected?: string;
}

const PARAM = {
  text: 'spine-q',
  point: 'spine-at',
  radius: 'spine-r',
  sort: 'spine-sort',
  selected: 'spine-sel',
  disciplines: 'spine-kind',
  acceptingNewPatients: 'spine-new',
  telehealth: 'spine-tele',
  registryParticipant: 'spine-reg',
  language: 'spine-lang',
  insurance: 'spine-ins',
  query: 'spine-name',
} as const;

const FLAGS = ['acceptingNewPatients', 'telehealth', 'registryParticipant'] as const;
const TEXTS = ['language', 'insurance', 'query'] as const;

/** Reads a shared search from a fragment (`#spine-q=60614&spine-r=10…`); what is not valid is left out. */
export function readSharedSearch(hash: string): SharedSearch {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const shared: SharedSearch = {};
  const text = params.get(PARAM.text)?.trim();
  if (text) shared.text = text;
  const point = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(params.get(PARAM.point) ?? '');
  if (point && Math.abs(Number(point[1])) <= 90 && Math.abs(Number(point[2])) <= 180) {
    shared.point = { lat: Number(point[1]), lng: Number(point[2]) };
  }
  const radius = Number(params.get(PARAM.radius));
  if (Number.isFinite(radius) && radius > 0 && radius <= 1000) shared.radius = radius;
  const sort = params.get(PARAM.sort);
  if (sort && (SORT_ORDERS as readonly string[]).includes(sort)) shared.sort = sort as SortOrder;
  const selected = params.get(PARAM.selected);
  if (selected) shared.selected = selected;

  const filters: DirectoryFilters = {};
  const disciplines = (params.get(PARAM.disciplines) ?? '')
    .split(',')
    .filter((value): value is Discipline => (DISCIPLINES as readonly string[]).includes(value));
  if (disciplines.length) filters.disciplines = disciplines;
  for (const flag of FLAGS) if (params.get(PARAM[flag]) === '1') filters[flag] = true;
  for (const field of TEXTS) {
    const value = params.get(PARAM[field])?.trim();
    if (value) filters[field] = value;
  }
  if (Object.keys(filters).length && !checkFilters(filters)) shared.filters = filters;
  return shared;
}

/** The fragment with this search written in, keeping any parameters that are not the finder's. */
export function writeSharedSearch(hash: string, shared: SharedSearch): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const name of [...params.keys()]) if (name.startsWith('spine-')) params.delete(name);
  if (shared.point) params.set(PARAM.point, `${shared.point.lat},${shared.point.lng}`);
  else if (shared.text) params.set(PARAM.text, shared.text);
  if (shared.radius !== undefined) params.set(PARAM.radius, String(shared.radius));
  const filters = shared.filters ?? {};
  if (filters.disciplines?.length) params.set(PARAM.disciplines, filters.disciplines.join(','));
  for (const flag of FLAGS) if (filters[flag]) params.set(PARAM[flag], '1');
  for (const field of TEXTS) if (filters[field]) params.set(PARAM[field], filters[field]!);
  if (shared.sort && shared.sort !== 'distance') params.set(PARAM.sort, shared.sort);
  if (shared.selected) params.set(PARAM.selected, shared.selected);
  const fragment = params.toString();
  return fragment ? `#${fragment}` : '';
}

/** Filters given as JSON in an attribute (`filters='{"telehealth":true}'`), or `undefined` if they are not valid. */
export function parseFiltersAttribute(value: string): DirectoryFilters | undefined {
  try {
    return readFilters(JSON.parse(value));
  } catch {
    return undefined;
  }
}
