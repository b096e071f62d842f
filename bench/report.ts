/**
 * Where figures go: bench/results.json for machines (each suite's latest
 * run, beside the other suites' own latest), and a table per suite in
 * docs/performance.md between `<!-- bench:NAME:start -->` and
 * `<!-- bench:NAME:end -->`, for people. Only those lines are rewritten;
 * the prose around them is written by hand.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Environment, Measurement, SideSummary } from './harness.js';
import { formatNumber } from './harness.js';

/** An entry of bench/results.json: a measurement with the machine it was measured on. */
export type ResultEntry = Measurement & { median: number; spread: Spread; runs: number } & Environment;

export interface Spread {
  min: number;
  max: number;
  q1: number;
  q3: number;
}

export interface ResultsFile {
  /** What each entry holds, for a reader who finds the file on its own. */
  about: string;
  results: ResultEntry[];
}

const ABOUT =
  'Written by `npm run bench`. Each entry: a figure of a suite, the median and spread (min, max, quartiles) of ' +
  'its runs on the product (`subject`) and on a baseline measured in the same run, ratio = subject median / ' +
  'baseline median, and the machine. Explained in docs/performance.md.';

export function toEntries(measurements: readonly Measurement[], environment: Environment): ResultEntry[] {
  return measurements.map((measurement) => ({
    ...measurement,
    median: measurement.subject.median,
    spread: spreadOf(measurement.subject),
    runs: measurement.subject.runs,
    ...environment,
  }));
}

/** The file's entries for `suites` replaced by `entries`; other suites' entries kept as they were. */
export function mergeResults(existing: ResultsFile | undefined, suites: readonly string[], entries: ResultEntry[]) {
  const kept = (existing?.results ?? []).filter((entry) => !suites.includes(entry.suite));
  return { about: ABOUT, results: [...kept, ...entries] } satisfies ResultsFile;
}

export function readResults(file: URL): ResultsFile | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ResultsFile) : undefined;
}

/** Numbers to two decimals: performance.now() is coarsened to 0.1 ms anyway, and the file stays readable. */
export function writeResults(file: URL, results: ResultsFile): void {
  const rounded = (_key: string, value: unknown) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value);
  writeFileSync(file, `${JSON.stringify(results, rounded, 2)}\n`);
}

/** A suite's figures as a Markdown table, with the machine they were measured on. */
export function markdownTable(measurements: readonly Measurement[], environment: Environment): string {
  const rows = measurements.map((measurement) => {
    const scenario = measurement.conditions ? `${measurement.title} (${measurement.conditions})` : measurement.title;
    return [
      scenario,
      measurement.label,
      `${measurement.subject.label}: ${formatSide(measurement.subject, measurement.unit)}`,
      `${measurement.baseline.label}: ${formatSide(measurement.baseline, measurement.unit)}`,
      measurement.ratio === undefined ? 'n/a' : `${measurement.ratio.toFixed(2)}×`,
    ];
  });
  const runs = measurements[0]?.subject.runs ?? 0;
  return [
    '| Scenario | Figure | Measured (median, min–max) | Baseline, same run (median, min–max) | Ratio |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.map(escapeCell).join(' | ')} |`),
    '',
    `${runs === 1 ? 'One run' : `Median of ${runs} runs`} of each side, ${environment.date.slice(0, 10)}, ` +
      `commit ${environment.commit}: ` +
      `Chromium ${environment.chromium}, Node ${environment.node}, ${environment.cpu} (${environment.cores} cores, ` +
      `load average ${environment.loadAverage} at the start).`,
  ].join('\n');
}

/**
 * `document` with the lines between a suite's markers replaced by `content`;
 * when the markers are missing, a section holding them is added at the end.
 */
export function replaceSection(document: string, suite: string, heading: string, content: string): string {
  const start = `<!-- bench:${suite}:start -->`;
  const end = `<!-- bench:${suite}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 || to === -1 || to < from) {
    return `${document.trimEnd()}\n\n## ${heading}\n\n${start}\n${content}\n${end}\n`;
  }
  return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`;
}

function formatSide(side: SideSummary, unit: string): string {
  return `${formatNumber(side.median)} ${unit} (${formatNumber(side.min)}–${formatNumber(side.max)})`;
}

function spreadOf(side: SideSummary): Spread {
  return { min: side.min, max: side.max, q1: side.q1, q3: side.q3 };
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}
