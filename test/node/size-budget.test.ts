/**
 * The size budgets' checker (scripts/size-budget.ts) on made-up dist/
 * folders: which files count where, that a folder over budget fails and
 * names what grew, and that a script nobody loads cannot slip past. The
 * real dist/ is checked by `npm test` after the build.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  BUDGETS,
  checkSizes,
  formatReport,
  KIB,
  readDist,
  toBaseline,
  withoutHash,
} from '../../scripts/size-budget.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/size-budget.ts', import.meta.url));
const folders: string[] = [];

after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/**
 * A dist/ folder with these files; `filler` bytes of noise (incompressible,
 * and the same for the same file and length on every run) make a file heavy.
 */
function fakeDist(files: Record<string, { code: string; filler?: number }>): string {
  const dist = mkdtempSync(join(tmpdir(), 'spine-size-'));
  folders.push(dist);
  for (const [path, { code, filler = 0 }] of Object.entries(files)) {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    const padding = filler ? `\nexport const filler = "${noise(path, filler).toString('base64')}";\n` : '';
    writeFileSync(join(dist, path), code + padding);
  }
  return dist;
}

/** A drop-in shaped like the real one: an entry, a lazy map chunk with a worker, opt-in tiles and basemap, data. */
function dropIn(sizes: { entry?: number; map?: number } = {}) {
  return {
    'spine-finder.js': {
      code: 'import { html } from "./lit-AAAAAAAA.js";\nexport const load = () => import("./map-view-BBBBBBBB.js");',
      filler: sizes.entry,
    },
    'lit-AAAAAAAA.js': { code: 'export const html = 1;' },
    'map-view-BBBBBBBB.js': {
      code:
        'import { html } from "./lit-AAAAAAAA.js";\n' +
        'export const worker = () => new Worker(new URL(`assets/cluster-worker-CCCCCCCC.js`, import.meta.url));\n' +
        'export const vector = () => import("./vector-basemap-DDDDDDDD.js");\n' +
        'export const tiles = () => import("./leaflet-tiles-FFFFFFFF.js");',
      filler: sizes.map,
    },
    'assets/cluster-worker-CCCCCCCC.js': { code: 'import "../kdbush-EEEEEEEE.js";' },
    'kdbush-EEEEEEEE.js': { code: 'export const kdbush = 1;' },
    'vector-basemap-DDDDDDDD.js': {
      code: 'import { html } from "./lit-AAAAAAAA.js";\nimport { GridLayer } from "./leaflet-tiles-FFFFFFFF.js";',
      filler: 20 * KIB,
    },
    'leaflet-tiles-FFFFFFFF.js': { code: 'import { html } from "./map-view-BBBBBBBB.js";', filler: 3 * KIB },
    'spine-assets/geo/zip/606.json': { code: '{}', filler: 300 * KIB },
    'spine-finder.js.map': { code: '{}', filler: 300 * KIB },
  };
}

/** Bytes that look random, from a hash chain seeded by `seed`. */
function noise(seed: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; i * 32 < length; i++) blocks.push(createHash('sha256').update(`${seed}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

const names = (files: readonly { path: string }[]) => files.map((file) => file.path);

describe('the size budget checker', () => {
  it('counts the static imports in the entry, lazy chunks and workers in everything, and the opt-in chunks apart', () => {
    const report = checkSizes(readDist(fakeDist(dropIn())));
    const [entry, everything, optIn] = report.groups;
    assert.deepEqual(names(entry.files), ['lit-AAAAAAAA.js', 'spine-finder.js']);
    assert.deepEqual(names(everything.files), [
      'assets/cluster-worker-CCCCCCCC.js',
      'kdbush-EEEEEEEE.js',
      'lit-AAAAAAAA.js',
      'map-view-BBBBBBBB.js',
      'spine-finder.js',
    ]);
    assert.deepEqual(names(optIn.files), ['leaflet-tiles-FFFFFFFF.js', 'vector-basemap-DDDDDDDD.js']);
    assert.equal(report.ok, true);
  });

  it('leaves data files and source maps out of every budget', () => {
    const files = readDist(fakeDist(dropIn()));
    assert.equal(
      files.some((file) => file.path.startsWith('spine-assets/') || file.path.endsWith('.map')),
      false,
    );
  });

  it('fails when the entry is over its budget, and names the file that grew since the baseline', () => {
    const before = readDist(fakeDist(dropIn()));
    const baseline = toBaseline(before, checkSizes(before));
    const files = readDist(fakeDist(dropIn({ entry: BUDGETS.entry + 5 * KIB })));
    const report = checkSizes(files, baseline);

    assert.equal(report.ok, false);
    assert.deepEqual(
      report.over.map((group) => group.name),
      ['entry'],
    );
    assert.deepEqual(
      report.grew.map((file) => file.name),
      ['spine-finder.js'],
    );
    const text = formatReport(report, baseline);
    assert.match(
      text,
      /Over its budget: entry is [\d.]+ KiB gzip, [\d.]+ KiB more than its [\d.]+ KiB; grew: spine-finder\.js \+/,
    );
  });

  it('fails when everything is over its budget though the entry is not, naming the lazy chunk that grew', () => {
    const before = readDist(fakeDist(dropIn()));
    const baseline = toBaseline(before, checkSizes(before));
    const report = checkSizes(readDist(fakeDist(dropIn({ map: BUDGETS.everything + 5 * KIB }))), baseline);
    assert.deepEqual(
      report.over.map((group) => group.name),
      ['everything'],
    );
    assert.ok(report.groups[1].gzip > BUDGETS.everything);
    assert.match(formatReport(report, baseline), /Over its budget: everything .*grew: map-view\.js \+/);
  });

  it('passes a group within its budget, saying how much is left, and fails it one byte over', () => {
    const files = readDist(fakeDist(dropIn()));
    const report = checkSizes(files);
    assert.equal(report.ok, true);
    assert.match(formatReport(report), /Everything .*: within its budget of 100\.0 KiB, [\d.]+ KiB to spare\./);
    const everything = report.groups[1].gzip;
    const tight = { ...BUDGETS, everything: everything - 1 };
    assert.deepEqual(
      checkSizes(files, undefined, { budgets: tight }).over.map((group) => group.name),
      ['everything'],
    );
    assert.equal(checkSizes(files, undefined, { budgets: { ...BUDGETS, everything } }).ok, true);
  });

  it('fails on a script that the entry never loads and no opt-in rule names', () => {
    const report = checkSizes(readDist(fakeDist({ ...dropIn(), 'stray-FFFFFFFF.js': { code: 'export {};' } })));
    assert.equal(report.ok, false);
    assert.deepEqual(names(report.unreached), ['stray-FFFFFFFF.js']);
    assert.match(formatReport(report), /Not in any budget: stray-FFFFFFFF\.js/);
  });

  it('fails when the opt-in rule matches no file, so a renamed basemap chunk cannot hide', () => {
    const files = dropIn();
    const { 'vector-basemap-DDDDDDDD.js': _, ...rest } = files;
    const report = checkSizes(
      readDist(
        fakeDist({
          ...rest,
          'map-view-BBBBBBBB.js': { code: 'export const vector = () => import("./protomaps-DDDDDDDD.js");' },
          'protomaps-DDDDDDDD.js': { code: 'export {};' },
        }),
      ),
    );
    assert.equal(report.ok, false);
    assert.equal(report.staleOptIns.length, 1);
  });

  it('names files without their content hash, so the baseline outlives a rebuild', () => {
    assert.equal(withoutHash('map-view-CUo7ew56.js'), 'map-view.js');
    assert.equal(withoutHash('assets/static-worker-Czdemnb2.js'), 'assets/static-worker.js');
    assert.equal(withoutHash('map-view.styles-Bun8KMze.js'), 'map-view.styles.js');
    assert.equal(withoutHash('spine-finder.js'), 'spine-finder.js');
  });

  it('exits with a failure from the command line, printing the file that grew', async () => {
    const before = fakeDist(dropIn());
    const baselineFile = join(before, 'baseline.json');
    await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      SCRIPT,
      '--dist',
      before,
      '--baseline',
      baselineFile,
      '--update-baseline',
    ]);
    const grown = fakeDist(dropIn({ entry: BUDGETS.entry + 5 * KIB }));
    const run = promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      SCRIPT,
      '--dist',
      grown,
      '--baseline',
      baselineFile,
    ]);
    await assert.rejects(run, (error: { code: number; stdout: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stdout, /Over its budget: entry/);
      assert.match(error.stdout, /grew: spine-finder\.js \+/);
      return true;
    });
  });
});
