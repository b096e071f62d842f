/**
 * Which PractitionerRoles are spine care, by their NUCC provider taxonomy
 * specialty, and what discipline each one is.
 */
import type { Discipline } from '../schema.js';
import { asText, objects } from './json.js';
import type { JsonObject } from './json.js';

export const NUCC_SYSTEM = 'http://nucc.org/provider-taxonomy';

/**
 * Chiropractors (111N…), physical therapists (2251…) and neuromusculoskeletal
 * & osteopathic manipulative medicine (204D00000X). Entries are whole NUCC
 * codes or prefixes of them.
 */
export const DEFAULT_SPECIALTIES: readonly string[] = ['111N', '2251', '204D00000X'];

/**
 * Every NUCC code under the default prefixes. FHIR token search matches whole
 * codes only, so a query has to name each one; the client still checks
 * prefixes, so a code added to the taxonomy later is kept when a server
 * returns it.
 */
const KNOWN_CODES: readonly string[] = [
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

/** The taxonomy branches `KNOWN_CODES` covers completely. */
const KNOWN_BRANCHES = ['111N', '2251', '204D'];

const WHOLE_CODE = /^[0-9A-Z]{9}X$/;

/** The discipline a NUCC code (or prefix) belongs to. */
export function disciplineOf(code: string): Discipline {
  if (code.startsWith('111N')) return 'chiropractic';
  if (code.startsWith('2251')) return 'physical-therapy';
  if (code.startsWith('204D')) return 'osteopathic';
  // Allopathic & osteopathic physicians: 202…, 204…, 207…, 208…
  if (/^20\d/.test(code)) return 'medical';
  return 'other';
}

/**
 * The codes a query names for these specialties, narrowed to `disciplines`
 * when set; `undefined` when some entry is a prefix outside the known
 * branches, whose codes cannot all be named (the query then leaves
 * specialty to the client). An empty list means nothing can match.
 */
export function specialtyQueryCodes(
  specialties: readonly string[],
  disciplines: readonly Discipline[] | undefined,
): string[] | undefined {
  const codes = new Set<string>();
  for (const entry of specialties) {
    if (WHOLE_CODE.test(entry)) {
      codes.add(entry);
    } else if (KNOWN_BRANCHES.some((branch) => entry.startsWith(branch))) {
      for (const code of KNOWN_CODES) if (code.startsWith(entry)) codes.add(code);
    } else {
      return undefined;
    }
  }
  return [...codes].filter((code) => !disciplines?.length || disciplines.includes(disciplineOf(code)));
}

/**
 * The role's first NUCC specialty code under one of `specialties`, or
 * undefined when it is not a role the finder lists. Codings without a
 * system count as NUCC: many directories leave it out.
 */
export function spineSpecialtyOf(role: JsonObject, specialties: readonly string[]): string | undefined {
  for (const concept of objects(role.specialty)) {
    for (const coding of objects(concept.coding)) {
      const system = asText(coding.system);
      const code = asText(coding.code);
      if (code && (system === undefined || system === NUCC_SYSTEM) && specialties.some((s) => code.startsWith(s))) {
        return code;
      }
    }
  }
  return undefined;
}
