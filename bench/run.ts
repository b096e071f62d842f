/**
 * `npm run bench`: builds the drop-in, then measures it in Debian's Chromium
 * against baselines measured in the same run, and writes the figures to
 * bench/results.json and docs/performance.md. Never part of `npm test`.
 *
 *   node --import tsx bench/run.ts [--suite NAME]… [--runs N] [--warmups N] [--list]
 *
 * Runs default to 5 measured and 1 warm-up per side (or BENCH_RUNS and
 * BENCH_WARMUPS). Every suite is a file of bench/suites/.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.js';
import { runComparison, VIEWPORT } from './harness.js';
import type { BenchContext, Environment, Measurement, Suite } from './harness.js';
import { markdownTable, mergeResults, readResults, replaceSection, toEntries, writeResults } from './report.js';
import { startBenchSite } from './site.js';
import type { BenchSite } from './site.js';

const RESULTS_FILE = new URL('results.json', import.meta.url);
const DOCS_FILE = new URL('../docs/performance.md', import.meta.url);
const SUITES_FOLDER = new URL('suites/', import.meta.url);

const { values: options } = parseArgs({
  options: {
    suite: { type: 'string', multiple: true },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
    warmups: { type: 'string', default: process.env.BENCH_WARMUPS ?? '1' },
    list: { type: 'boolean', default: false },
  },
});

const runs = wholeNumber('--runs', options.runs, 1);
const warmups = wholeNumber('--warmups', options.warmups, 0);
const log = (message: string) => console.log(message);

const available = await loadSuites();
if (options.list) {
  for (const suite of available) console.log(`${suite.name}: ${suite.description}`);
  process.exit(0);
}
const chosen = options.suite ?? available.map((suite) => suite.name);
const unknown = chosen.filter((name) => !available.some((suite) => suite.name === name));
if (unknown.length > 0) {
  console.error(`No suite ${unknown.join(', ')}; there are: ${available.map((suite) => suite.name).join(', ')}.`);
  process.exit(2);
}
const suites = available.filter((suite) => chosen.includes(suite.name));

const site = await startBenchSite(log);
let browser: Browser | undefined;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = createContext(browser, site);
  log(`${runs} runs and ${warmups} warm-up per side.`);

  let document = readFileSync(DOCS_FILE, 'utf8');
  let results = readResults(RESULTS_FILE);
  for (const suite of suites) {
    const environment = describeEnvironment(browser);
    log(
      `\n${suite.name}: ${suite.description} (load average ${environment.loadAverage} on ${environment.cores} cores)`,
    );
    const measurements = await suite.run(context);
    const table = markdownTable(measurements, environment);
    console.log(`\n${table}\n`);
    // Written after each suite, so a later suite's failure keeps the earlier figures.
    results = mergeResults(results, [suite.name], toEntries(measurements, environment));
    writeResults(RESULTS_FILE, results);
    document = replaceSection(document, suite.name, suite.description, table);
    writeFileSync(DOCS_FILE, document);
  }
  log(`Wrote bench/results.json and docs/performance.md.`);
} finally {
  await browser?.close();
  await site.close();
}

function createContext(browser: Browser, { origin, otherOrigin, data }: BenchSite): BenchContext {
  const context: BenchContext = {
    runs,
    warmups,
    origin,
    otherOrigin,
    browser,
    data,
    log,
    async withPage(pageOptions, use) {
      const browserContext = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await browserContext.newPage();
        page.on('pageerror', (error) => log(`  page error: ${error.message}`));
        if (pageOptions.cpuThrottling) {
          const devtools = await browserContext.newCDPSession(page);
          await devtools.send('Emulation.setCPUThrottlingRate', { rate: pageOptions.cpuThrottling });
        }
        return await use(page);
      } finally {
        await browserContext.close();
      }
    },
    compare: (suite, comparison): Promise<Measurement[]> => runComparison(suite, comparison, context),
  };
  return context;
}

async function loadSuites(): Promise<Suite[]> {
  const files = readdirSync(SUITES_FOLDER)
    .filter((file) => file.endsWith('.ts'))
    .sort();
  const suites: Suite[] = [];
  for (const file of files) {
    const module = (await import(new URL(file, SUITES_FOLDER).href)) as Partial<Suite>;
    const { name, description, run } = module;
    if (typeof name !== 'string' || typeof description !== 'string' || typeof run !== 'function') {
      throw new Error(`bench/suites/${file} must export name, description and run(context)`);
    }
    suites.push({ name, description, run });
  }
  return suites;
}

function describeEnvironment(browser: Browser): Environment {
  const processors = cpus();
  return {
    date: new Date().toISOString(),
    chromium: browser.version(),
    node: process.version,
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    commit: gitCommit(),
    loadAverage: Math.round(loadavg()[0] * 10) / 10,
  };
}

function gitCommit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    // Untracked files cannot change the build unless a tracked file changed to import them.
    return git('status', '--porcelain', '--untracked-files=no').length > 0 ? `${commit}-dirty` : commit;
  } catch {
    return 'unknown';
  }
}

function wholeNumber(flag: string, text: string, least: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < least) {
    console.error(`${flag} must be a whole number, at least ${least}; not "${text}".`);
    process.exit(2);
  }
  return value;
}
