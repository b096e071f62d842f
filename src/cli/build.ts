/// <reference types="node" />
/**
 * `spine-finder directory build`, without the command line: the rows of an
 * input validated, placed and checked for duplicates (`validateRows`), and
 * the clinicians kept cut into a sharded directory (`shardDirectory`). Both
 * work in memory, so the demo server builds the national demo directory
 * with the same code.
 */
import { createHash } from 'node:crypto';
import { distanceKm } from '../geo/distance.js';
import { ZIP_AGREEMENT_KM } from '../directory/fhir/placement.js';
import { AddressSchema, parseProviders, ProviderSchema, RegistrySchema, WebLinkSchema } from '../directory/schema.js';
import type { GeoPoint, Provider } from '../directory/schema.js';
import { cellKey, cellOf, MAX_LEVEL } from '../directory/sharded/grid.js';
import type { Cell } from '../directory/sharded/grid.js';
import { contentHashInput, MANIFEST_FORMAT, MANIFEST_VERSION } from '../directory/sharded/manifest.js';
import type { ShardedManifest, ShardEntry } from '../directory/sharded/manifest.js';
import { VERSION } from '../version.js';
import type { ReadInput } from './inputs.js';
import type { ZipCentres } from './zip-centres.js';

export interface GridOptions {
  /** A cell holding more clinicians than this is split in four… */
  maxProvidersPerShard: number;
  /** …and so is any cell above this level… */
  minLevel: number;
  /** …but never one at this level. */
  maxLevel: number;
}

/**
 * Cells of level 8 are 1.4° by 0.7° (about 120 by 80 km in the middle of
 * the US), so a 25-mile circle touches one to four of them where clinicians
 * are few. Where they are many, cells split until each holds at most 2,000
 * (about 1.6 MB of JSON, 150 KB gzipped, for records like the demo's). For
 * the 100,000-clinician demo that makes 184 shards and an 11 KB (gzipped)
 * manifest; a 25-mile search reads 5 shards or fewer from nine ZIP codes
 * in ten, 8 in Chicago and 14 in New York, where the circle alone holds
 * 7,500 clinicians.
 * Smaller shards mean more requests for hardly fewer bytes.
 */
export const DEFAULT_GRID: GridOptions = { maxProvidersPerShard: 2000, minLevel: 8, maxLevel: MAX_LEVEL };

/** A row left out of the directory, and why. */
export interface Rejection {
  /** The row's position in the input. */
  index: number;
  where: string;
  reason: string;
}

/** Something a person should know about a row that was kept. */
export interface RowNote {
  index: number;
  where: string;
  note: string;
}

export interface ValidationReport {
  format: ReadInput['format'];
  rowName: string;
  rowsRead: number;
  kept: number;
  rejected: Rejection[];
  notes: RowNote[];
  /** Rows placed at their ZIP's centre. */
  placedByZip: number;
  /** About the input as a whole. */
  inputNotes: string[];
}

/**
 * Every row validated with `ProviderSchema`, in input order. A row without
 * coordinates but with a US ZIP is placed at the ZIP's centre (and the
 * report says so); a later row with an id already used is rejected. Nothing
 * is fixed or dropped without a line in the report: a link the schema
 * refuses is a note on its row.
 */
export async function validateRows(
  input: ReadInput,
  zipCentres: ZipCentres,
): Promise<{ providers: Provider[]; report: ValidationReport }> {
  const providers: Provider[] = [];
  const rejected: Rejection[] = [];
  const notes: RowNote[] = [];
  const firstSeen = new Map<string, string>();
  let placedByZip = 0;
  const name = input.describePath;

  for (const [index, row] of input.rows.entries()) {
    const { where } = row;
    if (!row.record) {
      rejected.push({ index, where, reason: row.error ?? 'not a record' });
      continue;
    }
    const record = row.record;
    const rowNotes = [...(row.notes ?? [])];
    const postalCode = readPostalCode(record);
    if (record.location === undefined || record.location === null) {
      const placed = await placeByZip(postalCode, zipCentres, name);
      if ('reason' in placed) {
        rejected.push({ index, where, reason: placed.reason });
        continue;
      }
      record.location = placed.point;
      rowNotes.push(`placed at the centre of ZIP ${placed.zip} (no coordinates)`);
      placedByZip++;
    } else {
      const far = await distanceFromZip(record.location, postalCode, zipCentres);
      if (far) {
        rowNotes.push(
          `the coordinates (${name('location')}) are ${Math.round(far.km).toLocaleString('en-US')} km from the centre of ZIP ${far.zip}: latitude and longitude swapped, or the wrong ZIP?`,
        );
      }
    }

    const parsed = parseProviders([record]);
    if (parsed.providers.length === 0) {
      rejected.push({ index, where, reason: describeReason(parsed.rejected[0].reason, record, name) });
      continue;
    }
    const provider = parsed.providers[0];
    const earlier = firstSeen.get(provider.id);
    if (earlier !== undefined) {
      rejected.push({ index, where, reason: `duplicate id "${provider.id}" (first on ${earlier})` });
      continue;
    }
    firstSeen.set(provider.id, where);
    for (const { path, link } of leftOutFields(record, provider)) {
      const why = link ? 'not an absolute http: or https: URL' : 'not a valid value';
      rowNotes.push(`${name(path)} ${JSON.stringify(valueAt(record, path))} left out: ${why}`);
    }
    providers.push(provider);
    for (const note of rowNotes) notes.push({ index, where, note });
  }
  return {
    providers,
    report: {
      format: input.format,
      rowName: input.rowName,
      rowsRead: input.rows.length,
      kept: providers.length,
      rejected,
      notes,
      placedByZip,
      inputNotes: input.notes,
    },
  };
}

function readPostalCode(record: Record<string, unknown>): string | undefined {
  const address = record.address;
  const code =
    typeof address === 'object' && address !== null ? (address as { postalCode?: unknown }).postalCode : undefined;
  return typeof code === 'string' && code.trim() !== '' ? code.trim() : undefined;
}

async function placeByZip(
  postalCode: string | undefined,
  zipCentres: ZipCentres,
  name: (path: string) => string,
): Promise<{ point: GeoPoint; zip: string } | { reason: string }> {
  if (postalCode === undefined) {
    return { reason: `no ${name('location')} and no ${name('address.postalCode')} to place it by` };
  }
  if (/^\d{4}$/.test(postalCode)) {
    return {
      reason: `ZIP "${postalCode}" has four digits (did a spreadsheet drop its leading zero? format the column as text), and there are no coordinates`,
    };
  }
  const zip = /^(\d{5})(?:-?\d{4})?$/.exec(postalCode)?.[1];
  if (!zip) return { reason: `"${postalCode}" is not a US ZIP code, and there are no coordinates` };
  const point = await zipCentres(zip);
  return point ? { point, zip } : { reason: `ZIP ${zip} is not in the ZIP code data, and there are no coordinates` };
}

/** How far coordinates are from their ZIP's centre, when that is farther than any ZIP is wide. */
async function distanceFromZip(
  location: unknown,
  postalCode: string | undefined,
  zipCentres: ZipCentres,
): Promise<{ km: number; zip: string } | undefined> {
  const zip = postalCode && /^(\d{5})(?:-?\d{4})?$/.exec(postalCode)?.[1];
  const { lat, lng } = (typeof location === 'object' && location !== null ? location : {}) as Partial<GeoPoint>;
  if (!zip || typeof lat !== 'number' || typeof lng !== 'number' || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return undefined;
  }
  const centre = await zipCentres(zip);
  const km = centre && distanceKm({ lat, lng }, centre);
  return km !== undefined && km > ZIP_AGREEMENT_KM ? { km, zip } : undefined;
}

/** The schema's reasons (`location.lat: Too big…; name: …`) in the input's own names, with the value given. */
function describeReason(reason: string, record: Record<string, unknown>, name: (path: string) => string): string {
  return reason
    .split('; ')
    .map((part) => {
      const match = /^([\w.]+): (.*)$/.exec(part);
      if (!match) return part;
      const value = valueAt(record, match[1]);
      const given = value === undefined || typeof value === 'object' ? '' : ` (was ${JSON.stringify(value)})`;
      return `${name(match[1])}: ${match[2]}${given}`;
    })
    .join('; ');
}

function valueAt(record: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
      record,
    );
}

/** Nested objects whose fields are compared one by one. */
const NESTED_SHAPES: Record<string, object> = { address: AddressSchema.shape, registry: RegistrySchema.shape };

/**
 * Fields the input gives a value that the schema turned into nothing (a
 * `javascript:` website, say) while keeping the record: they are reported,
 * not silently lost.
 */
function leftOutFields(
  input: Record<string, unknown>,
  output: object,
  shape: object = ProviderSchema.shape,
  prefix = '',
): Array<{ path: string; link: boolean }> {
  const paths: Array<{ path: string; link: boolean }> = [];
  for (const [key, schema] of Object.entries(shape)) {
    const before = input[key];
    const after = (output as Record<string, unknown>)[key];
    if (!meaningful(before)) continue;
    if (after === undefined) paths.push({ path: prefix + key, link: schema === WebLinkSchema });
    else if (NESTED_SHAPES[key] && prefix === '' && typeof before === 'object') {
      paths.push(...leftOutFields(before as Record<string, unknown>, after as object, NESTED_SHAPES[key], `${key}.`));
    }
  }
  return paths;
}

function meaningful(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some(meaningful);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(meaningful);
  return false;
}

export interface ShardedDirectoryFiles {
  manifest: ShardedManifest;
  /** Every file of the directory by its path in the folder, `manifest.json` included. */
  files: Map<string, string>;
}

/**
 * The clinicians as a sharded directory: each in the cell of the grid that
 * holds it, cells split as `grid` says, one file per cell that holds any,
 * and the manifest. Clinicians keep their input order within a shard, and
 * shards are in the order of their cells' keys, so the same clinicians give
 * the same bytes.
 */
export function shardDirectory(
  providers: readonly Provider[],
  { grid = DEFAULT_GRID, built }: { grid?: GridOptions; built: Date },
): ShardedDirectoryFiles {
  const leaves: Array<{ cell: Cell; providers: readonly Provider[] }> = [];
  const split = (cell: Cell, inCell: readonly Provider[]): void => {
    if (inCell.length === 0) return;
    if (cell.z >= grid.maxLevel || (cell.z >= grid.minLevel && inCell.length <= grid.maxProvidersPerShard)) {
      leaves.push({ cell, providers: inCell });
      return;
    }
    const children = new Map<string, { cell: Cell; providers: Provider[] }>();
    for (const provider of inCell) {
      const child = cellOf(provider.location, cell.z + 1);
      const key = cellKey(child);
      let entry = children.get(key);
      if (!entry) children.set(key, (entry = { cell: child, providers: [] }));
      entry.providers.push(provider);
    }
    for (const child of children.values()) split(child.cell, child.providers);
  };
  split({ z: 0, x: 0, y: 0 }, providers);
  leaves.sort((a, b) => compareKeys(cellKey(a.cell), cellKey(b.cell)));

  const files = new Map<string, string>();
  const shards: ShardEntry[] = leaves.map(({ cell, providers: inCell }) => {
    const key = cellKey(cell);
    const text = shardText(key, inCell);
    const sha256 = sha256Hex(text);
    const file = `shards/${cell.z}-${cell.x}-${cell.y}.${sha256.slice(0, 12)}.json`;
    files.set(file, text);
    return { cell: key, file, providers: inCell.length, bytes: Buffer.byteLength(text), sha256 };
  });
  const manifest: ShardedManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    built: built.toISOString(),
    generator: `spine-finder ${VERSION}`,
    counts: { providers: providers.length, shards: shards.length },
    bounds: boundsOf(providers),
    grid: { scheme: 'quadtree', ...grid },
    shards,
    contentHash: `sha256:${sha256Hex(contentHashInput(shards))}`,
  };
  files.set('manifest.json', manifestText(manifest));
  return { manifest, files };
}

/** A shard: its cell and its clinicians, one per line (gzip and diffs like that). */
export function shardText(cell: string, providers: readonly Provider[]): string {
  return `{"cell":${JSON.stringify(cell)},"providers":[\n${providers.map((provider) => JSON.stringify(provider)).join(',\n')}\n]}\n`;
}

/** The manifest, readable: two-space indents, one line per shard. */
export function manifestText(manifest: ShardedManifest): string {
  const { shards, ...rest } = manifest;
  const head = JSON.stringify(rest, null, 2).slice(0, -2);
  const lines = shards.map((shard) => `    ${JSON.stringify(shard)}`).join(',\n');
  return `${head},\n  "shards": [\n${lines}\n  ]\n}\n`;
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Cell keys by level, then column, then row: the same order on every machine, whatever its locale. */
function compareKeys(a: string, b: string): number {
  const [za, xa, ya] = a.split('/').map(Number);
  const [zb, xb, yb] = b.split('/').map(Number);
  return za - zb || xa - xb || ya - yb;
}

function boundsOf(providers: readonly Provider[]): [number, number, number, number] {
  if (providers.length === 0) return [0, 0, 0, 0];
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const { location } of providers) {
    west = Math.min(west, location.lng);
    east = Math.max(east, location.lng);
    south = Math.min(south, location.lat);
    north = Math.max(north, location.lat);
  }
  return [west, south, east, north];
}
