/// <reference types="node" />
/**
 * The inputs `spine-finder directory build` reads, each turned into rows:
 * a Provider record (not yet validated) or the reason there is none, with
 * the line it starts on. Validation, placing by ZIP and duplicates are the
 * same for every input and happen afterwards (build.ts).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { columnOfPath, describeDelimiter, readHeader, rowToRecord } from './columns.js';
import { CsvSyntaxError, decodeUtf8, readCsv } from './csv.js';
import { readFhirResources } from './fhir-ndjson.js';
import { itemLines, lineOfParseError } from './json-lines.js';
import type { ZipCentres } from './zip-centres.js';
import { ProviderSchema } from '../directory/schema.js';

export const INPUT_FORMATS = ['csv', 'json', 'geojson', 'fhir'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface InputRow {
  /** Where the row starts, as a report names it: `line 12`, `Location.ndjson line 3`. */
  where: string;
  /** The record, when the row could be read as one. */
  record?: Record<string, unknown>;
  /** Why the row is not a record. */
  error?: string;
  /** What a report should say about a row that is kept (placed at a ZIP's centre by FHIR placement…). */
  notes?: string[];
}

export interface ReadInput {
  format: InputFormat;
  /** What the input's rows are called: "rows", "records", "features". */
  rowName: string;
  rows: InputRow[];
  /** What a report should say about the input as a whole: columns not read, empty rows. */
  notes: string[];
  /** A schema path (`location.lat`) as the input names it (the CSV column `lat`). */
  describePath: (path: string) => string;
  /** The input's modification time: the build date when no other is given. */
  modified: Date;
}

/** An input that cannot be read at all. */
export class InputError extends Error {
  constructor(
    message: string,
    /** Where in the input, when known: `line 3`. */
    readonly where?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export interface ReadOptions {
  format?: InputFormat;
  /** The CSV delimiter, one character; a comma unless given (a tab for `.tsv`). */
  delimiter?: string;
  zipCentres: ZipCentres;
}

export async function readInput(path: string, options: ReadOptions): Promise<ReadInput> {
  const info = await stat(path).catch(() => {
    throw new InputError(`${path} does not exist`);
  });
  if (info.isDirectory()) {
    if (options.format && options.format !== 'fhir') {
      throw new InputError(`${path} is a folder: only --format fhir reads a folder (of NDJSON files)`);
    }
    const files = (await readdir(path)).filter((name) => /\.(ndjson|jsonl)$/i.test(name)).sort();
    if (files.length === 0) throw new InputError(`${path} is a folder with no .ndjson files`);
    return readFhir(
      files.map((name) => join(path, name)),
      options,
      info.mtime,
    );
  }
  const extension = extname(path).toLowerCase();
  const bytes = await readFile(path);
  if (options.format === 'fhir' || (!options.format && (extension === '.ndjson' || extension === '.jsonl'))) {
    return readFhir([path], options, info.mtime);
  }
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) throw new InputError(decoded.error, `line ${decoded.line}`);
  const text = decoded.text;
  const format =
    options.format ??
    (extension === '.csv' || extension === '.tsv'
      ? 'csv'
      : extension === '.geojson' || extension === '.json' || /^\s*[[{]/.test(text)
        ? 'json'
        : 'csv');
  if (format === 'csv') {
    const delimiter = options.delimiter ?? (extension === '.tsv' ? '\t' : ',');
    return { ...readCsvInput(text, delimiter), modified: info.mtime };
  }
  return { ...readJsonInput(text, format), modified: info.mtime };
}

function readCsvInput(text: string, delimiter: string): Omit<ReadInput, 'modified'> {
  let records;
  try {
    records = readCsv(text, delimiter);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new InputError(error.message, `line ${error.line}`);
    throw error;
  }
  if (records.length === 0) throw new InputError('the file is empty: it has no header row');
  const [headerRecord, ...rest] = records;
  if (headerRecord.error) throw new InputError(`the header row: ${headerRecord.error}`, 'line 1');
  const header = readHeader(
    headerRecord.fields.map((name) => name.trim()),
    delimiter,
  );
  if ('error' in header) throw new InputError(header.error, `line ${headerRecord.line}`);

  const rows: InputRow[] = [];
  let emptyRows = 0;
  for (const { line, fields, error } of rest) {
    const where = `line ${line}`;
    if (error) {
      rows.push({ where, error });
    } else if (fields.every((field) => field.trim() === '')) {
      // Spreadsheets export blank rows as a line of delimiters.
      emptyRows++;
    } else if (fields.length !== header.columns.length) {
      const extra = fields.length > header.columns.length;
      rows.push({
        where,
        error:
          `${fields.length} fields where the header has ${header.columns.length}` +
          (extra
            ? ` (a ${describeDelimiter(delimiter).replace(/s$/, '')} in a field that is not in double quotes?)`
            : ''),
      });
    } else {
      const read = rowToRecord(fields, header);
      rows.push('error' in read ? { where, error: read.error } : { where, record: read.record });
    }
  }
  const notes: string[] = [];
  if (header.ignored.length > 0) {
    notes.push(
      `columns not read (not columns of a clinic list): ${header.ignored.map((name) => `"${name}"`).join(', ')}`,
    );
  }
  if (emptyRows > 0) notes.push(`${emptyRows} empty row${emptyRows > 1 ? 's' : ''} skipped`);
  return {
    format: 'csv',
    rowName: 'rows',
    rows,
    notes,
    describePath: (path) => columnOfPath(path) ?? path,
  };
}

function readJsonInput(text: string, format: 'json' | 'geojson'): Omit<ReadInput, 'modified'> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = lineOfParseError(text, message);
    throw new InputError(`not JSON: ${message}`, line === undefined ? undefined : `line ${line}`);
  }
  const isCollection = isObject(body) && body.type === 'FeatureCollection' && Array.isArray(body.features);
  if (format === 'geojson' && !isCollection) throw new InputError('not a GeoJSON FeatureCollection');
  let items: unknown[];
  let lines: number[];
  let toRecord: (item: unknown) => { record: Record<string, unknown> } | { error: string };
  if (isCollection) {
    items = (body as { features: unknown[] }).features;
    lines = itemLines(text, 'features');
    toRecord = featureToRecord;
  } else if (Array.isArray(body) || (isObject(body) && Array.isArray(body.providers))) {
    items = Array.isArray(body) ? body : (body.providers as unknown[]);
    lines = itemLines(text, Array.isArray(body) ? undefined : 'providers');
    toRecord = (item) => (isObject(item) ? { record: item } : { error: 'not a JSON object' });
  } else {
    throw new InputError(
      'the JSON is not a list of providers, a { "providers": [...] } object or a GeoJSON FeatureCollection',
    );
  }
  const unknownFields = new Map<string, number>();
  const rows = items.map((item, i): InputRow => {
    const where = `line ${lines[i] ?? '?'}`;
    const read = toRecord(item);
    if ('error' in read) return { where, error: read.error };
    for (const field of Object.keys(read.record)) {
      if (!(field in ProviderSchema.shape)) unknownFields.set(field, (unknownFields.get(field) ?? 0) + 1);
    }
    return { where, record: read.record };
  });
  const notes =
    unknownFields.size > 0
      ? [
          `fields not read (not fields of a Provider): ${[...unknownFields]
            .map(
              ([field, count]) => `"${field}" (${count} ${isCollection ? 'feature' : 'record'}${count > 1 ? 's' : ''})`,
            )
            .join(', ')}`,
        ]
      : [];
  return {
    format: isCollection ? 'geojson' : 'json',
    rowName: isCollection ? 'features' : 'records',
    rows,
    notes,
    describePath: (path) => path,
  };
}

/**
 * A GeoJSON feature as a provider record: its `properties`, placed by its
 * Point geometry ([longitude, latitude]); the feature's `id` when the
 * properties have none. A feature with no geometry (`null`) has no
 * location, and may still be placed by its ZIP.
 */
function featureToRecord(feature: unknown): { record: Record<string, unknown> } | { error: string } {
  if (!isObject(feature)) return { error: 'not a JSON object' };
  const properties = isObject(feature.properties) ? feature.properties : {};
  const record: Record<string, unknown> = { ...(feature.id !== undefined ? { id: feature.id } : {}), ...properties };
  const geometry = feature.geometry;
  if (geometry === null || geometry === undefined) {
    delete record.location;
    return { record };
  }
  const coordinates = isObject(geometry) && geometry.type === 'Point' ? geometry.coordinates : undefined;
  if (!Array.isArray(coordinates) || coordinates.length < 2) {
    return { error: 'geometry: not a GeoJSON Point with [longitude, latitude] coordinates' };
  }
  const [lng, lat] = coordinates as unknown[];
  return { record: { ...record, location: { lat, lng } } };
}

async function readFhir(files: string[], options: ReadOptions, modified: Date): Promise<ReadInput> {
  const named = await Promise.all(
    files.map(async (file) => {
      const decoded = decodeUtf8(await readFile(file));
      const name = files.length > 1 ? `${file.split(/[\\/]/).pop()} ` : '';
      if ('error' in decoded) throw new InputError(decoded.error, `${name}line ${decoded.line}`);
      return { name, text: decoded.text, modified: (await stat(file)).mtime };
    }),
  );
  const read = await readFhirResources(named, options.zipCentres);
  const latest = named.reduce((time, file) => (file.modified > time ? file.modified : time), modified);
  return { format: 'fhir', rowName: 'rows', ...read, describePath: (path) => path, modified: latest };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
