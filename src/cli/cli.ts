/// <reference types="node" />
/**
 * The `spine-finder` command: its arguments, its help and its report. The
 * work is in build.ts, check.ts and inputs.ts; this file only reads the
 * command line, writes files and prints. `runCli` takes its output streams,
 * environment and ZIP data as arguments so tests run it in-process.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { looksLikeManifest } from '../directory/sharded/manifest.js';
import { VERSION } from '../version.js';
import { DEFAULT_GRID, shardDirectory, validateRows } from './build.js';
import type { ValidationReport } from './build.js';
import { checkDirectory } from './check.js';
import { INPUT_FORMATS, InputError, readInput } from './inputs.js';
import type { InputFormat } from './inputs.js';
import { bundledZipShards, zipCentres } from './zip-centres.js';
import type { ZipShardReader } from './zip-centres.js';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The ZIP data; the package's own by default. */
  zipShards?: ZipShardReader;
}

/** Exit statuses: done, the input or directory has problems, the command itself is wrong. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export const HELP = `Usage:
  spine-finder directory build <input> --out <folder> [options]
  spine-finder directory check <folder>

Publishes a clinic list as a sharded static directory for
<spine-finder adapter="static" endpoint=".../manifest.json">, and checks one.

directory build <input>
  Reads a clinic list, validates every row with the finder's Provider schema,
  prints a report (rows read, rows kept, each rejected row with its line and
  the reason) and writes manifest.json and shards/ to --out. Rows with a US ZIP
  and no coordinates are placed at the ZIP's centre, and the report says so.
  <input> is one of:
    CSV       a header row and one clinician per row, UTF-8 (Excel's
              "CSV UTF-8"); columns in docs/static-directory.md
    JSON      an array of providers, or { "providers": [...] }
    GeoJSON   a FeatureCollection of Point features, providers in properties
    FHIR      an NDJSON bulk export (.ndjson, or a folder of .ndjson files)
              of Plan-Net Practitioner, PractitionerRole and Location
  Options:
    --out <folder>        where to write (required); a directory built there
                          before is replaced, other files are left alone
    --format <format>     csv, json, geojson or fhir (default: by the file's
                          extension, else by its content)
    --delimiter <char>    the CSV delimiter: one character, or "tab"
                          (default: a comma; a tab for .tsv)
    --strict              any rejected row is a failure: exit 1, write nothing
    --date <date>         the build date written in the manifest, ISO 8601
                          (default: SOURCE_DATE_EPOCH if set, else the input's
                          modification time: the same input, the same bytes)
    --max-per-shard <n>   split a cell holding more clinicians than this
                          (default ${DEFAULT_GRID.maxProvidersPerShard})

directory check <folder>
  Verifies a built directory: the manifest, each shard's size, SHA-256 and
  cell, every record against the Provider schema, unique ids, the counts, the
  bounds and the content hash.

Exit status: 0 done, 1 problems in the input or the directory, 2 a wrong command.
Also: spine-finder --help, spine-finder --version.`;

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  // The schema's reasons in words ("Too big: expected number to be <=90"); the
  // finder itself leaves zod's messages out of the page's script.
  z.config(en());
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        format: { type: 'string' },
        delimiter: { type: 'string' },
        strict: { type: 'boolean', default: false },
        date: { type: 'string' },
        'max-per-shard': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(VERSION);
    return EXIT.ok;
  }
  if (values.help || positionals.length === 0) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const [group, command, ...rest] = positionals;
  if (group !== 'directory' || (command !== 'build' && command !== 'check')) {
    return usage(io, `unknown command "${positionals.slice(0, 2).join(' ')}"`);
  }
  if (rest.length !== 1) return usage(io, `directory ${command} takes one ${command === 'build' ? 'input' : 'folder'}`);
  try {
    if (command === 'check') return await check(resolve(io.cwd, rest[0]), io);
    return await build(rest[0], values, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`spine-finder: ${rest[0]}${error.where ? `, ${error.where}` : ''}: ${error.message}`);
      return EXIT.problems;
    }
    if (error instanceof UsageError) return usage(io, error.message);
    io.stderr(`spine-finder: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.problems;
  }
}

class UsageError extends Error {}

function usage(io: CliIo, message: string): number {
  io.stderr(`spine-finder: ${message}\nRun "spine-finder --help" for usage.`);
  return EXIT.usage;
}

interface BuildValues {
  out?: string;
  format?: string;
  delimiter?: string;
  strict?: boolean;
  date?: string;
  'max-per-shard'?: string;
}

async function build(input: string, values: BuildValues, io: CliIo): Promise<number> {
  if (!values.out) throw new UsageError('directory build needs --out <folder>');
  if (values.format !== undefined && !(INPUT_FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format must be one of ${INPUT_FORMATS.join(', ')}`);
  }
  const delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;
  if (delimiter !== undefined && (delimiter.length !== 1 || delimiter === '"' || /[\r\n]/.test(delimiter))) {
    throw new UsageError('--delimiter must be one character (not a double quote or a line break), or "tab"');
  }
  const maxPerShard =
    values['max-per-shard'] === undefined ? DEFAULT_GRID.maxProvidersPerShard : Number(values['max-per-shard']);
  if (!Number.isInteger(maxPerShard) || maxPerShard < 1)
    throw new UsageError('--max-per-shard must be a whole number, 1 or more');
  const fixedDate = buildDateFrom(values.date, io.env);

  const centres = zipCentres(io.zipShards ?? bundledZipShards());
  const inputPath = resolve(io.cwd, input);
  const read = await readInput(inputPath, {
    ...(values.format ? { format: values.format as InputFormat } : {}),
    ...(delimiter ? { delimiter } : {}),
    zipCentres: centres,
  });
  const { providers, report } = await validateRows(read, centres);
  printReport(input, report, io);

  if (values.strict && report.rejected.length > 0) {
    io.stderr(`spine-finder: ${report.rejected.length} rejected with --strict: nothing written.`);
    return EXIT.problems;
  }
  if (providers.length === 0) {
    io.stderr(`spine-finder: no clinicians to publish: nothing written.`);
    return EXIT.problems;
  }
  const built = fixedDate ?? { date: read.modified, source: `the modification time of ${input}` };
  const out = resolve(io.cwd, values.out);
  const { manifest, files } = shardDirectory(providers, {
    grid: { ...DEFAULT_GRID, maxProvidersPerShard: maxPerShard },
    built: built.date,
  });
  await prepareFolder(out);
  for (const [path, text] of files) {
    if (path === 'manifest.json') continue;
    await mkdir(dirname(resolve(out, path)), { recursive: true });
    await writeFile(resolve(out, path), text);
  }
  // The manifest last: until it is written, the folder's old manifest names only old shards.
  await writeFile(resolve(out, 'manifest.json'), files.get('manifest.json')!);

  const sizes = manifest.shards.map((shard) => shard.bytes);
  io.stdout(
    `Wrote ${relative(io.cwd, out) || '.'}: manifest.json and ${plural(sizes.length, 'shard')} ` +
      `(${plural(manifest.counts.providers, 'clinician')}, ${kilobytes(sizes.reduce((a, b) => a + b, 0))} in all, ` +
      `the largest ${kilobytes(Math.max(...sizes))}).`,
  );
  io.stdout(`Build date ${manifest.built} (${built.source}); content ${manifest.contentHash}.`);
  return EXIT.ok;
}

/** The build date when one is given: --date, else SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention). */
function buildDateFrom(option: string | undefined, env: CliIo['env']): { date: Date; source: string } | undefined {
  if (option !== undefined) {
    const date = new Date(option);
    if (!/^\d{4}-\d{2}-\d{2}/.test(option) || Number.isNaN(date.getTime())) {
      throw new UsageError(`--date "${option}" is not an ISO 8601 date (2026-01-31 or 2026-01-31T12:00:00Z)`);
    }
    return { date, source: 'from --date' };
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH "${epoch}" is not a whole number of seconds`);
    return { date: new Date(Number(epoch) * 1000), source: 'from SOURCE_DATE_EPOCH' };
  }
  return undefined;
}

/**
 * Makes room for a directory at `out`: a folder that is new, empty, or
 * holds a directory built before (whose shards/ is then removed). A
 * `shards/` folder that is not one of ours is never deleted.
 */
async function prepareFolder(out: string): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) throw new Error(`${out} is a file, not a folder`);
  const shards = resolve(out, 'shards');
  if (!(await stat(shards).catch(() => undefined))) return;
  const manifest = await readFile(resolve(out, 'manifest.json'), 'utf8').catch(() => undefined);
  let ours = false;
  try {
    ours = manifest !== undefined && looksLikeManifest(JSON.parse(manifest));
  } catch {
    ours = false;
  }
  if (!ours) throw new Error(`${out} has a shards folder that is not from spine-finder: not replacing it`);
  await rm(shards, { recursive: true });
}

function printReport(input: string, report: ValidationReport, io: CliIo): void {
  const format = { csv: 'CSV', json: 'JSON', geojson: 'GeoJSON', fhir: 'FHIR NDJSON' }[report.format];
  io.stdout(`${input} (${format}): ${plural(report.rowsRead, report.rowName.replace(/s$/, ''), report.rowName)} read.`);
  for (const note of report.inputNotes) io.stdout(`  ${note}`);
  const lines = [
    ...report.rejected.map(({ index, where, reason }) => ({ index, text: `${where}: rejected: ${reason}` })),
    ...report.notes.map(({ index, where, note }) => ({ index, text: `${where}: ${note}` })),
  ].sort((a, b) => a.index - b.index);
  for (const { text } of lines) io.stdout(`  ${text}`);
  const details = [
    `${report.rejected.length} rejected`,
    ...(report.placedByZip > 0 ? [`${report.placedByZip} placed at their ZIP's centre`] : []),
  ];
  io.stdout(`Kept ${report.kept} of ${report.rowsRead}: ${details.join(', ')}.`);
}

async function check(folder: string, io: CliIo): Promise<number> {
  const { problems, warnings, manifest } = await checkDirectory(folder);
  for (const warning of warnings) io.stdout(`  warning: ${warning}`);
  if (problems.length > 0) {
    for (const problem of problems) io.stderr(`  ${problem}`);
    io.stderr(`spine-finder: ${relative(io.cwd, folder) || '.'}: ${plural(problems.length, 'problem')}.`);
    return EXIT.problems;
  }
  io.stdout(
    `${relative(io.cwd, folder) || '.'}: sound. ${plural(manifest!.counts.providers, 'clinician')} in ` +
      `${plural(manifest!.counts.shards, 'shard')}, built ${manifest!.built}, content ${manifest!.contentHash}.`,
  );
  return EXIT.ok;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;
}
