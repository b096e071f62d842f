/**
 * The columns of a clinic list in CSV, and how a row becomes a Provider
 * record. The record is validated by `ProviderSchema` afterwards, like a
 * record of any other input: this only says which column feeds which field,
 * and reads numbers, yes/no answers and lists from text.
 * docs/static-directory.md documents the columns; keep them in step.
 */
import { ProviderSchema } from '../directory/schema.js';

type ColumnKind = 'text' | 'number' | 'boolean' | 'list';

export interface Column {
  /** As written in the header (matched without case, spaces, `_` or `-`). */
  name: string;
  /** Other names that mean the same column. */
  aliases?: readonly string[];
  /** Where the value goes in a Provider record. */
  path: readonly string[];
  kind: ColumnKind;
}

/** Separates the items of a list column: `DC; PT`. */
export const LIST_SEPARATOR = ';';

const KNOWN_COLUMNS: readonly Column[] = [
  { name: 'id', path: ['id'], kind: 'text' },
  { name: 'name', path: ['name'], kind: 'text' },
  { name: 'lat', aliases: ['latitude'], path: ['location', 'lat'], kind: 'number' },
  { name: 'lng', aliases: ['longitude', 'lon', 'long'], path: ['location', 'lng'], kind: 'number' },
  { name: 'credentials', path: ['credentials'], kind: 'list' },
  { name: 'discipline', path: ['discipline'], kind: 'text' },
  { name: 'practice', path: ['practice'], kind: 'text' },
  { name: 'line1', aliases: ['address', 'address1', 'street'], path: ['address', 'line1'], kind: 'text' },
  { name: 'line2', aliases: ['address2'], path: ['address', 'line2'], kind: 'text' },
  { name: 'city', path: ['address', 'city'], kind: 'text' },
  { name: 'state', path: ['address', 'state'], kind: 'text' },
  { name: 'postalCode', aliases: ['zip', 'zipCode', 'postal'], path: ['address', 'postalCode'], kind: 'text' },
  { name: 'phone', path: ['phone'], kind: 'text' },
  { name: 'fax', path: ['fax'], kind: 'text' },
  { name: 'website', path: ['website'], kind: 'text' },
  { name: 'bookingUrl', path: ['bookingUrl'], kind: 'text' },
  { name: 'languages', path: ['languages'], kind: 'list' },
  { name: 'acceptingNewPatients', path: ['acceptingNewPatients'], kind: 'boolean' },
  { name: 'telehealth', path: ['telehealth'], kind: 'boolean' },
  { name: 'insurance', path: ['insurance'], kind: 'list' },
  { name: 'registryParticipant', path: ['registry', 'participant'], kind: 'boolean' },
  { name: 'registryProfileUrl', path: ['registry', 'profileUrl'], kind: 'text' },
];

/**
 * Every column: those above, and any other text field of the schema by its
 * own name (`email`, say), so a field added to the Provider is a column too.
 */
export const CSV_COLUMNS: readonly Column[] = [
  ...KNOWN_COLUMNS,
  ...Object.keys(ProviderSchema.shape)
    .filter((field) => !KNOWN_COLUMNS.some((column) => column.path[0] === field) && isTextField(field))
    .map((field): Column => ({ name: field, path: [field], kind: 'text' })),
];

function isTextField(field: string): boolean {
  return ProviderSchema.shape[field as keyof typeof ProviderSchema.shape].safeParse('text').success;
}

/** The columns a file must have: clinicians need an id, a name and a place (coordinates or a ZIP). */
export const REQUIRED_COLUMNS = ['id', 'name'] as const;

function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

const byHeader = new Map<string, Column>(
  CSV_COLUMNS.flatMap((column) =>
    [column.name, ...(column.aliases ?? [])].map((name) => [normalizeHeader(name), column] as const),
  ),
);

export interface HeaderMap {
  /** The column of each field of a row, or undefined for a column that is not read. */
  columns: Array<Column | undefined>;
  /** Header names that are not columns of a clinic list. */
  ignored: string[];
}

/** A header row read as columns, or why it cannot be. */
export function readHeader(header: readonly string[], delimiter: string): HeaderMap | { error: string } {
  const columns = header.map((name) => byHeader.get(normalizeHeader(name)));
  const seen = new Map<Column, string>();
  for (const [i, column] of columns.entries()) {
    if (!column) continue;
    const earlier = seen.get(column);
    if (earlier !== undefined) return { error: `the columns "${earlier}" and "${header[i]}" are the same column` };
    seen.set(column, header[i]);
  }
  const has = (name: string) => columns.some((column) => column?.name === name);
  const missing: string[] = REQUIRED_COLUMNS.filter((name) => !has(name));
  if (has('lat') !== has('lng')) missing.push(has('lat') ? 'lng' : 'lat');
  if (!has('lat') && !has('lng') && !has('postalCode')) missing.push('lat and lng, or postalCode');
  if (missing.length > 0) {
    const other = [';', '\t', '|'].find(
      (char) => char !== delimiter && header.length === 1 && header[0].includes(char),
    );
    const hint = other
      ? `: the header is one column, "${header[0]}", so the file seems to be separated by ${describeDelimiter(other)}, not ${describeDelimiter(delimiter)} (save it as comma-separated, or pass --delimiter "${other === '\t' ? 'tab' : other}")`
      : '';
    return { error: `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}${hint}` };
  }
  const ignored = header.filter((name, i) => !columns[i] && name.trim() !== '');
  return { columns, ignored };
}

export function describeDelimiter(char: string): string {
  return char === '\t' ? 'tabs' : char === ',' ? 'commas' : char === ';' ? 'semicolons' : `"${char}"`;
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * A row as a Provider record, or why a value cannot be read. Blank cells
 * are absent fields. A cell that is not what its column holds (a number
 * written with a decimal comma, "maybe" for yes/no) rejects the row: it is
 * never guessed at.
 */
export function rowToRecord(
  fields: readonly string[],
  header: HeaderMap,
): { record: Record<string, unknown> } | { error: string } {
  const record: Record<string, unknown> = {};
  for (const [i, column] of header.columns.entries()) {
    if (!column) continue;
    const text = fields[i].trim();
    if (text === '') continue;
    let value: unknown;
    switch (column.kind) {
      case 'text':
        value = text;
        break;
      case 'number':
        if (!NUMBER.test(text)) {
          const hint = /^[-+]?\d+,\d+$/.test(text) ? ' (write decimals with a point)' : '';
          return { error: `${column.name}: "${text}" is not a number${hint}` };
        }
        value = Number(text);
        break;
      case 'boolean': {
        const answer = text.toLowerCase();
        if (!YES.has(answer) && !NO.has(answer)) return { error: `${column.name}: "${text}" is not yes or no` };
        value = YES.has(answer);
        break;
      }
      case 'list':
        value = text
          .split(LIST_SEPARATOR)
          .map((item) => item.trim())
          .filter((item) => item !== '');
        break;
    }
    setPath(record, column.path, value);
  }
  const location = record.location as { lat?: number; lng?: number } | undefined;
  if (location && (location.lat === undefined || location.lng === undefined)) {
    return { error: location.lat === undefined ? 'lng without lat' : 'lat without lng' };
  }
  return { record };
}

function setPath(record: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let target = record;
  for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  target[path[path.length - 1]] = value;
}

/**
 * A schema path (`location.lat`, `credentials.0`) as the CSV columns it
 * comes from: `lat`, `credentials`; `location` is `lat, lng`.
 */
export function columnOfPath(path: string): string | undefined {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const prefix = parts.slice(0, length).join('.');
    const column = CSV_COLUMNS.find((candidate) => candidate.path.join('.') === prefix);
    if (column) return column.name;
  }
  const inside = CSV_COLUMNS.filter((column) => column.path.join('.').startsWith(`${path}.`));
  return inside.length > 0 ? inside.map((column) => column.name).join(', ') : undefined;
}
