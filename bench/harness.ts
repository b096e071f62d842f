/**
 * What a benchmark suite is, what it is given, and how a comparison is run:
 * every figure is measured several times beside a baseline measured in the
 * same run, in alternating order, so that a slow moment of a shared machine
 * falls on both sides and the ratio of the medians still means something.
 */
import type { Browser, Page } from 'playwright-core';
import { summarize } from './stats.js';
import type { Summary } from './stats.js';
import type { TaskPart } from './trace.js';

/** One file of bench/suites/: `export const name`, `description` and `run`. */
export interface Suite {
  /** Short and kebab-case: `--suite map`, and the docs' markers `<!-- bench:map:start -->`. */
  name: string;
  /** One line, for `--list` and the docs. */
  description: string;
  run(context: BenchContext): Promise<Measurement[]>;
}

export type Unit = 'ms' | '%' | 'MB' | 'KB' | 'KiB' | 'count';

export interface Figure {
  /** Key of the value in each run's result. */
  id: string;
  /** What a reader of the table sees. */
  label: string;
  unit: Unit;
}

/** One run of one side of a comparison. */
export interface RunResult {
  /** A value for each figure of the comparison, by id. */
  values: Record<string, number>;
  /** What the longest main-thread task of the run was busy with, if traced. */
  longestTaskParts?: TaskPart[];
}

export interface Side {
  /** "spine-map", "leaflet.markercluster"… */
  label: string;
  run(): Promise<RunResult>;
}

/** The same figures measured on the product and on a baseline. */
export interface Comparison {
  /** Unique in its suite, kebab-case. */
  id: string;
  title: string;
  /** Anything unusual about how it runs: "CPU throttled 4×". */
  conditions?: string;
  figures: Figure[];
  subject: Side;
  baseline: Side;
}

export interface SideSummary extends Summary {
  label: string;
  samples: number[];
}

/** One figure of one comparison: a row of the docs' table and an entry of bench/results.json. */
export interface Measurement {
  suite: string;
  comparison: string;
  title: string;
  conditions?: string;
  figure: string;
  label: string;
  unit: Unit;
  subject: SideSummary;
  baseline: SideSummary;
  /** subject median / baseline median; undefined when the baseline's median is 0. */
  ratio?: number;
  /** The longest task of each side's worst run, when the figure is that task. */
  longestTaskParts?: { subject: TaskPart[]; baseline: TaskPart[] };
}

/** The machine and software the figures were measured on. */
export interface Environment {
  date: string;
  chromium: string;
  node: string;
  cpu: string;
  cores: number;
  /** The commit measured, with `-dirty` when the work tree had changes. */
  commit: string;
  /** The machine's 1-minute load average as the suite started: above the core count, something else was running. */
  loadAverage: number;
}

export interface PageOptions {
  /** Slows the page's CPU this many times (CDP `Emulation.setCPUThrottlingRate`); label it in `conditions`. */
  cpuThrottling?: number;
}

export interface BenchContext {
  /** Measured runs of each side. */
  runs: number;
  /** Runs of each side before those, not counted (caches, JIT). */
  warmups: number;
  /** The bench server: the project folder (so the built /dist/), the pages and the data files. */
  origin: string;
  /** The same folder from another origin: the drop-in loaded from here is cross-origin, as from a CDN. */
  otherOrigin: string;
  browser: Browser;
  /** URLs (on `origin`) of the directory files the suites read. */
  data: BenchData;
  /** A fresh page in a fresh browser context (no cache), closed when `use` settles. */
  withPage<T>(options: PageOptions, use: (page: Page) => Promise<T>): Promise<T>;
  /** Runs both sides `warmups + runs` times and summarizes each figure. */
  compare(suite: string, comparison: Comparison): Promise<Measurement[]>;
  log(message: string): void;
}

export interface BenchData {
  /** 100,000 fictional clinicians (scripts/demo-directory.ts), as one array: what demo/national.html reads. */
  national: string;
  /** The 3,000-clinician demo directory, as one array: /demo-data/providers.json. */
  providers: string;
  /** Every ZIP of the geo data in one file (ZIP → [lat, lng, city, state]): the shards of spine-assets/geo/zip/ merged. */
  wholeZips: string;
  /** Every place of the geo data in one file: the shards of spine-assets/geo/place/ merged. */
  wholePlaces: string;
}

/** The figure id whose runs carry `longestTaskParts`. */
export const LONGEST_TASK = 'longest-task';

/** The viewport of every page: a laptop's. */
export const VIEWPORT = { width: 1280, height: 800 };

export async function runComparison(
  suite: string,
  comparison: Comparison,
  { runs, warmups, log }: Pick<BenchContext, 'runs' | 'warmups' | 'log'>,
): Promise<Measurement[]> {
  const subject: RunResult[] = [];
  const baseline: RunResult[] = [];
  for (let round = 0; round < warmups + runs; round++) {
    const counted = round >= warmups;
    const tag = counted ? `run ${round - warmups + 1}/${runs}` : `warm-up ${round + 1}/${warmups}`;
    // Alternate which side goes first, so drift over time falls on both.
    const order = round % 2 === 0 ? (['subject', 'baseline'] as const) : (['baseline', 'subject'] as const);
    for (const which of order) {
      const side = comparison[which];
      const result = await runOnceMore(side, (error) =>
        log(`${suite} › ${comparison.id} › ${side.label} ${tag} failed, again: ${error}`),
      );
      checkValues(comparison, side, result);
      log(`${suite} › ${comparison.id} › ${side.label} ${tag}: ${formatValues(comparison, result)}`);
      if (counted) (which === 'subject' ? subject : baseline).push(result);
    }
  }
  return comparison.figures.map((figure) => {
    const subjectSummary = summarizeSide(comparison.subject.label, subject, figure.id);
    const baselineSummary = summarizeSide(comparison.baseline.label, baseline, figure.id);
    return {
      suite,
      comparison: comparison.id,
      title: comparison.title,
      ...(comparison.conditions ? { conditions: comparison.conditions } : {}),
      figure: figure.id,
      label: figure.label,
      unit: figure.unit,
      subject: subjectSummary,
      baseline: baselineSummary,
      ...(baselineSummary.median !== 0 ? { ratio: subjectSummary.median / baselineSummary.median } : {}),
      ...(figure.id === LONGEST_TASK
        ? { longestTaskParts: { subject: worstRunParts(subject), baseline: worstRunParts(baseline) } }
        : {}),
    };
  });
}

/** A run that fails (a page that hung, a trace cut short) gets one more go; a second failure ends the bench. */
async function runOnceMore(side: Side, onFailure: (error: unknown) => void): Promise<RunResult> {
  try {
    return await side.run();
  } catch (error) {
    onFailure(error);
    return side.run();
  }
}

function summarizeSide(label: string, results: readonly RunResult[], figure: string): SideSummary {
  const samples = results.map((result) => result.values[figure]);
  return { label, ...summarize(samples), samples };
}

/** What the longest task of the worst run was made of: where to look first. */
function worstRunParts(results: readonly RunResult[]): TaskPart[] {
  const worst = results.reduce<RunResult | undefined>(
    (found, result) =>
      found === undefined || (result.values[LONGEST_TASK] ?? 0) > (found.values[LONGEST_TASK] ?? 0) ? result : found,
    undefined,
  );
  return worst?.longestTaskParts ?? [];
}

function checkValues(comparison: Comparison, side: Side, result: RunResult): void {
  for (const figure of comparison.figures) {
    if (!Number.isFinite(result.values[figure.id])) {
      throw new Error(`${comparison.id} › ${side.label} gave no number for "${figure.id}"`);
    }
  }
}

function formatValues(comparison: Comparison, result: RunResult): string {
  return comparison.figures
    .map((figure) => `${figure.id} ${formatNumber(result.values[figure.id])} ${figure.unit}`)
    .join(', ');
}

/** Whole numbers from 10 up, one decimal below. */
export function formatNumber(value: number): string {
  const digits = Math.abs(value) >= 10 || Number.isInteger(value) ? 0 : 1;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `work`, or an error naming `what` once `ms` have gone by (a page that never shows what we wait for). */
export function withTimeout<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
