/**
 * The page's main thread, seen through a Chromium trace: every task between
 * two user-timing marks the page sets (`bench:start`, `bench:end`), not only
 * those over 50 ms that the Long Tasks API would report, and what the longest
 * one was busy with (V8's sampling profiler, in the same trace).
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** The page sets these with `performance.mark()` around the work measured. */
export const START_MARK = 'bench:start';
export const END_MARK = 'bench:end';

/** A task longer than this keeps the page from answering a person in time (RAIL, Long Tasks API). */
export const LONG_TASK_MS = 50;

const FLUSH_WAIT_MS = 100;

/** Tasks, the page's marks, and V8's sampling profiler for what the longest task ran. */
const CATEGORIES = [
  'toplevel',
  'blink.user_timing',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

/** How the main thread fared in the measured window. */
export interface MainThreadTasks {
  /** The longest task, in ms. */
  longestTaskMs: number;
  /** Total blocking time: what each task spent beyond 50 ms, added up. */
  blockingTimeMs: number;
  /** Tasks over 50 ms. */
  longTasks: number;
  /** The biggest pieces of the longest task, largest first. */
  longestTaskParts: TaskPart[];
}

/** Time the profiler saw in one function during a task (dist/ mapped back to src/ by its source maps). */
export interface TaskPart {
  /** The function running: "groupIntoSites (src/map/sites.ts:17)", "parse", "(garbage collector)". */
  name: string;
  /** The nearest function of src/ on the stack that led there, else the nearest of any script. */
  where?: string;
  ms: number;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  dur?: number;
  /** Links a profile's chunks to it. */
  id?: string;
  args?: { data?: unknown };
}

/** Traces the page while `work` runs; `work` must set both marks. */
export async function traceMainThread<T>(
  browser: Browser,
  page: Page,
  work: () => Promise<T>,
): Promise<{ value: T; tasks: MainThreadTasks }> {
  await browser.startTracing(page, { categories: CATEGORIES });
  let value: T;
  try {
    value = await work();
    // Let the main thread run on a little: its last slices reach the trace only when it flushes them.
    await page.evaluate(
      (ms) => new Promise((resolve) => setTimeout(() => requestAnimationFrame(resolve), ms)),
      FLUSH_WAIT_MS,
    );
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return { value, tasks: mainThreadTasks(Array.isArray(parsed) ? parsed : parsed.traceEvents) };
}

export function mainThreadTasks(traceEvents: readonly TraceEvent[]): MainThreadTasks {
  const { events, unfinished } = withDurations(traceEvents);
  const start = lastMark(events, START_MARK);
  const end = lastMark(events, END_MARK);
  const cutShort = unfinished.some(
    (event) => event.name === 'RunTask' && event.pid === start.pid && event.tid === start.tid && event.ts < end.ts,
  );
  // Better no figure than a task of 0 ms that was really the longest.
  if (cutShort) throw new Error('the trace lost the end of a main-thread task in the measured window');
  const tasks = events.filter(
    (event) =>
      event.name === 'RunTask' &&
      event.pid === start.pid &&
      event.tid === start.tid &&
      event.ts + (event.dur ?? 0) > start.ts &&
      event.ts < end.ts,
  );
  const durations = tasks.map((task) => (task.dur ?? 0) / 1000);
  const longest = tasks.reduce<TraceEvent | undefined>(
    (best, task) => (best === undefined || (task.dur ?? 0) > (best.dur ?? 0) ? task : best),
    undefined,
  );
  return {
    longestTaskMs: Math.max(0, ...durations),
    blockingTimeMs: durations.reduce((sum, ms) => sum + Math.max(0, ms - LONG_TASK_MS), 0),
    longTasks: durations.filter((ms) => ms > LONG_TASK_MS).length,
    longestTaskParts: longest ? partsOf(longest, samplesOf(events, start.pid, start.tid)) : [],
  };
}

/**
 * The trace's slices as complete events: most come whole (`X`), but one that
 * spans a flush of the trace buffer comes as a begin (`B`) and an end (`E`).
 */
function withDurations(events: readonly TraceEvent[]): { events: TraceEvent[]; unfinished: TraceEvent[] } {
  const open = new Map<string, TraceEvent[]>();
  const complete: TraceEvent[] = [];
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph === 'B') {
      open.set(thread, [...(open.get(thread) ?? []), event]);
    } else if (event.ph === 'E') {
      const begun = open.get(thread)?.pop();
      if (begun) complete.push({ ...begun, ph: 'X', dur: event.ts - begun.ts });
    } else {
      complete.push(event);
    }
  }
  return { events: complete, unfinished: [...open.values()].flat() };
}

function lastMark(events: readonly TraceEvent[], name: string): TraceEvent {
  const marks = events.filter((event) => event.name === name && event.cat.includes('blink.user_timing'));
  const mark = marks.at(-1);
  if (!mark) throw new Error(`the trace has no "${name}" mark: the page must set it with performance.mark()`);
  return mark;
}

interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber?: number;
  columnNumber?: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
}

interface ProfileChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

interface Sample {
  /** Microseconds, on the trace's clock. */
  ts: number;
  node: ProfileNode;
  /** The profile's nodes, to follow `parent`. */
  nodes: Map<number, ProfileNode>;
}

/** The V8 sampling profiler's samples of one thread, from the trace's Profile and ProfileChunk events. */
function samplesOf(events: readonly TraceEvent[], pid: number, tid: number): Sample[] {
  const samples: Sample[] = [];
  for (const profile of events.filter((event) => event.name === 'Profile' && event.pid === pid && event.tid === tid)) {
    const nodes = new Map<number, ProfileNode>();
    const sampled: Array<{ ts: number; id: number }> = [];
    let time = (profile.args?.data as { startTime?: number } | undefined)?.startTime ?? profile.ts;
    // The chunks come from the profiler's own thread, in the same process.
    const chunks = events.filter(
      (event) => event.name === 'ProfileChunk' && event.pid === pid && event.id === profile.id,
    );
    for (const chunk of chunks) {
      const data = chunk.args?.data as ProfileChunkData | undefined;
      for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      (data?.cpuProfile?.samples ?? []).forEach((id, i) => {
        time += data?.timeDeltas?.[i] ?? 0;
        sampled.push({ ts: time, id });
      });
    }
    for (const { ts, id } of sampled) {
      const node = nodes.get(id);
      if (node) samples.push({ ts, node, nodes });
    }
  }
  return samples.sort((a, b) => a.ts - b.ts);
}

/**
 * Where a task's time went, by the profiler's samples: the function running
 * (`name`) and the nearest function of ours that called it (`where`), so
 * "JSON.parse" comes with the line of src/ that asked for it. Biggest first.
 */
function partsOf(task: TraceEvent, samples: readonly Sample[]): TaskPart[] {
  const taskEnd = task.ts + (task.dur ?? 0);
  const totals = new Map<string, TaskPart>();
  samples.forEach((sample, i) => {
    if (sample.ts < task.ts || sample.ts >= taskEnd) return;
    const next = samples[i + 1]?.ts ?? taskEnd;
    const ms = (Math.min(next, taskEnd) - sample.ts) / 1000;
    const name = frameLabel(sample.node.callFrame);
    const where = callerOfOurs(sample);
    const key = `${name}|${where ?? ''}`;
    const part = totals.get(key) ?? { name, ...(where && where !== name ? { where } : {}), ms: 0 };
    part.ms += ms;
    totals.set(key, part);
  });
  return [...totals.values()]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((part) => ({ ...part, ms: Math.round(part.ms * 10) / 10 }));
}

/** The nearest frame on the stack in src/ (through dist's source maps), else the nearest in any script. */
function callerOfOurs({ node, nodes }: Sample): string | undefined {
  let fallback: string | undefined;
  for (let frame: ProfileNode | undefined = node; frame; frame = frame.parent ? nodes.get(frame.parent) : undefined) {
    const { url, lineNumber = 0, columnNumber = 0 } = frame.callFrame;
    if (!url) continue;
    if (originalPosition(url, lineNumber, columnNumber)?.source.startsWith('src/')) return frameLabel(frame.callFrame);
    fallback ??= frameLabel(frame.callFrame);
  }
  return fallback;
}

/** "groupIntoSites (src/map/sites.ts:20)", "parse" (native), "(garbage collector)". */
function frameLabel({ functionName, url, lineNumber = 0, columnNumber = 0 }: CallFrame): string {
  if (!url) return functionName || '(anonymous)';
  const original = originalPosition(url, lineNumber, columnNumber);
  const name = original?.name || functionName || '(anonymous)';
  const place = original
    ? `${original.source}:${original.line}`
    : `${basename(new URL(url).pathname)}:${lineNumber + 1}`;
  return `${name} (${place})`;
}

const sourceMaps = new Map<string, SourceMap | undefined>();

/**
 * Where a position in a built file of dist/ comes from in src/ (0-based lines
 * and columns, as in traces and source maps). Undefined for anything else.
 */
function originalPosition(
  url: string,
  line: number,
  column: number,
): { source: string; line: number; name?: string } | undefined {
  const path = new URL(url).pathname;
  if (!path.startsWith('/dist/')) return undefined;
  if (!sourceMaps.has(path)) {
    try {
      const file = new URL(`../${path.slice(1)}.map`, import.meta.url);
      sourceMaps.set(path, new SourceMap(JSON.parse(readFileSync(file, 'utf8'))));
    } catch {
      sourceMaps.set(path, undefined);
    }
  }
  const entry = sourceMaps.get(path)?.findEntry(line, column);
  // A minified chunk has spans that map to no source (glue the bundler wrote): those have no original.
  if (!entry || !('originalSource' in entry) || typeof entry.originalSource !== 'string') return undefined;
  return {
    // Relative to dist/, and through any symlinked node_modules: keep from node_modules/ or src/ on.
    source: entry.originalSource.replace(/^.*?(?=node_modules\/|src\/)/, ''),
    line: entry.originalLine + 1,
    // Node's typings leave out `name`, which findEntry gives where the map has one.
    name: (entry as { name?: string }).name,
  };
}
