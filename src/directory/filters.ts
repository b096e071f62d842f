import type { Checked } from '../checks.js';
import { fields, flag, isObject, listOf, oneOf, text } from '../checks.js';
import { DISCIPLINES } from './vocabulary.js';
import type { Provider } from './schema.js';

/**
 * What a search can be narrowed by, filter by filter: the one description of
 * filters, their check and their type. Every field is optional; an absent
 * field does not narrow. Adapters apply filters on the server where the
 * directory can (json, fhir) and in the browser otherwise (static), always
 * with `matchesFilters` so every adapter means the same thing by each filter.
 */
const FILTERS = {
  /** Any of these disciplines. */
  disciplines: listOf(oneOf(DISCIPLINES)),
  /** Only clinicians accepting new patients. */
  acceptingNewPatients: flag,
  /** Only clinicians offering telehealth. */
  telehealth: flag,
  /** Speaks this language (compared without case or accents). */
  language: text,
  /** Takes this insurance (a plan name containing this text). */
  insurance: text,
  /** Name or practice containing this text. */
  query: text,
  /** Only Spine IQ registry participants. */
  registryParticipant: flag,
};

/**
 * Where a value first fails to be filters (`['telehealth']`, `['disciplines', 1]`,
 * or a key that is not a filter), or `undefined` when it is valid filters.
 */
export const checkFilters = fields(FILTERS);

/** The filters in an object, leaving out its keys that are not filters; `undefined` if it is not one or a filter is wrong. */
export function readFilters(value: unknown): DirectoryFilters | undefined {
  if (!isObject(value)) return undefined;
  const filters = Object.fromEntries(Object.entries(value).filter(([key]) => Object.hasOwn(FILTERS, key)));
  return checkFilters(filters) ? undefined : filters;
}

/** How results are ordered: nearest first (the default), by name, or by outcome measure. */
export const SORT_ORDERS = ['distance', 'name', 'quality'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export type DirectoryFilters = Checked<typeof checkFilters>;

/** Lower case, no accents, single spaces: how filter text is compared. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a provider passes every filter that is set. */
export function matchesFilters(provider: Provider, filters: DirectoryFilters): boolean {
  if (filters.disciplines?.length && !(provider.discipline && filters.disciplines.includes(provider.discipline))) {
    return false;
  }
  if (filters.acceptingNewPatients && provider.acceptingNewPatients !== true) return false;
  if (filters.telehealth && provider.telehealth !== true) return false;
  const language = filters.language && foldText(filters.language);
  if (language && !provider.languages?.some((spoken) => foldText(spoken) === language)) return false;
  const insurance = filters.insurance && foldText(filters.insurance);
  if (insurance && !provider.insurance?.some((plan) => foldText(plan).includes(insurance))) return false;
  const query = filters.query && foldText(filters.query);
  if (query && !foldText(`${provider.name} ${provider.practice ?? ''}`).includes(query)) return false;
  if (filters.registryParticipant && provider.registry?.participant !== true) return false;
  return true;
}

/** True when at least one filter narrows the search. */
export function hasFilters(filters: DirectoryFilters): boolean {
  return Boolean(
    filters.disciplines?.length ||
    filters.acceptingNewPatients ||
    filters.telehealth ||
    filters.language?.trim() ||
    filters.insurance?.trim() ||
    filters.query?.trim() ||
    filters.registryParticipant,
  );
}
