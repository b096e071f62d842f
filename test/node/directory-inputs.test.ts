/**
 * `spine-finder directory build` on the broken and awkward inputs of
 * test/fixtures/directory-inputs/: each is either refused as a whole (exit
 * 1, the reason and its line on stderr, nothing written) or read with each
 * rejected row reported by its line, as docs/static-directory.md says.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spineFinder, temporaryFolder } from './directory-cli.js';

const INPUTS = fileURLToPath(new URL('../fixtures/directory-inputs/', import.meta.url));

/** Builds one input into a new folder; `out` is where it would be written. */
async function build(file: string, ...options: string[]) {
  const out = join(temporaryFolder(), 'directory');
  const run = await spineFinder(['directory', 'build', file, '--out', out, '--date', '2026-01-01', ...options], {
    cwd: INPUTS,
  });
  return { ...run, out };
}

/** The report's lines about single rows and the input as a whole (indented), without their indent. */
function reportLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('  '))
    .map((line) => line.trim());
}

function summary(stdout: string): string | undefined {
  return stdout.split('\n').find((line) => line.startsWith('Kept '));
}

describe('directory build refuses an input it cannot read as a whole', () => {
  const REFUSED: Array<[file: string, message: string]> = [
    ['empty.csv', 'empty.csv: the file is empty: it has no header row'],
    [
      'wrong-delimiter.csv',
      'wrong-delimiter.csv, line 1: missing required columns: id, name, lat and lng, or postalCode: the header is one ' +
        'column, "id;name;lat;lng", so the file seems to be separated by semicolons, not commas (save it as ' +
        'comma-separated, or pass --delimiter ";")',
    ],
    [
      'unbalanced-quotes.csv',
      'unbalanced-quotes.csv, line 3: a quoted field is never closed (a double quote missing?)',
    ],
    ['latin1.csv', 'latin1.csv, line 3: byte 0xE9 is not UTF-8 (a file saved as Latin-1 or Windows-1252?)'],
    ['missing-columns.csv', 'missing-columns.csv, line 1: missing required column: name'],
    [
      'wrong-shape.json',
      'wrong-shape.json: the JSON is not a list of providers, a { "providers": [...] } object or a GeoJSON FeatureCollection',
    ],
  ];
  for (const [file, message] of REFUSED) {
    it(`refuses ${file}, saying why and where`, async () => {
      const { status, stdout, stderr, out } = await build(file);
      assert.equal(status, 1);
      assert.equal(stderr, `spine-finder: ${message}`);
      assert.equal(stdout, '');
      assert.equal(existsSync(out), false, 'nothing written');
    });
  }

  it('refuses JSON that does not parse, with the line of the error', async () => {
    const { status, stderr, out } = await build('not-json.json');
    assert.equal(status, 1);
    assert.match(stderr, /^spine-finder: not-json\.json, line 3: not JSON: /);
    assert.equal(existsSync(out), false);
  });

  it('reads the semicolons file with the delimiter it names', async () => {
    const { status, stdout } = await build('wrong-delimiter.csv', '--delimiter', ';');
    assert.equal(status, 0);
    assert.equal(summary(stdout), 'Kept 2 of 2: 0 rejected.');
  });
});

describe('directory build reports each rejected row by its line', () => {
  const REPORTS: Array<[file: string, lines: string[], summary: string]> = [
    [
      'coordinates-out-of-range.csv',
      [
        'line 3: rejected: lat: Too big: expected number to be <=90 (was 123)',
        'line 4: rejected: lng: Too small: expected number to be >=-180 (was -200)',
        'line 5: rejected: lat: "41,94" is not a number (write decimals with a point)',
        'line 6: rejected: lat without lng',
        'line 7: rejected: name: Invalid input: expected string, received undefined',
      ],
      'Kept 1 of 6: 5 rejected.',
    ],
    ['duplicate-ids.csv', ['line 4: rejected: duplicate id "c-1" (first on line 2)'], 'Kept 2 of 3: 1 rejected.'],
    [
      // BOM, CRLF, quoted commas, doubled quotes and a line break inside a
      // field (so the rows after it start a line later), a row of empty
      // cells, and the mistakes a hand-edited file has.
      'excel.csv',
      [
        '1 empty row skipped',
        'line 6: rejected: acceptingNewPatients: "maybe" is not yes or no',
        'line 7: rejected: field 5 has a double quote but is not in double quotes',
        'line 8: rejected: field 5 has text after its closing double quote',
        'line 9: rejected: 9 fields where the header has 8 (a comma in a field that is not in double quotes?)',
      ],
      'Kept 2 of 6: 4 rejected.',
    ],
    [
      'zip-only.csv',
      [
        'line 2: placed at the centre of ZIP 60614 (no coordinates)',
        'line 3: rejected: ZIP "2134" has four digits (did a spreadsheet drop its leading zero? format the column as text), and there are no coordinates',
        'line 4: rejected: ZIP 00000 is not in the ZIP code data, and there are no coordinates',
        'line 5: rejected: "SW1A 1AA" is not a US ZIP code, and there are no coordinates',
        'line 6: rejected: no lat, lng and no postalCode to place it by',
        'line 7: placed at the centre of ZIP 60614 (no coordinates)',
        'line 7: website "javascript:alert(1)" left out: not an absolute http: or https: URL',
      ],
      "Kept 2 of 6: 4 rejected, 2 placed at their ZIP's centre.",
    ],
    [
      'records.json',
      [
        'fields not read (not fields of a Provider): "rating" (1 record)',
        'line 3: rejected: location.lat: Too big: expected number to be <=90 (was 95)',
        'line 4: rejected: not a JSON object',
        'line 5: rejected: name: Too small: expected string to have >=1 characters (was "")',
        'line 10: rejected: duplicate id "j-1" (first on line 2)',
        'line 11: placed at the centre of ZIP 60614 (no coordinates)',
        'line 11: website "ftp://example.org" left out: not an absolute http: or https: URL',
      ],
      "Kept 2 of 6: 4 rejected, 1 placed at their ZIP's centre.",
    ],
    [
      'features.geojson',
      [
        'line 10: placed at the centre of ZIP 60614 (no coordinates)',
        'line 15: rejected: geometry: not a GeoJSON Point with [longitude, latitude] coordinates',
      ],
      "Kept 2 of 3: 1 rejected, 1 placed at their ZIP's centre.",
    ],
    [
      'export.ndjson',
      [
        'resources read: 2 Location, 1 Practitioner, 4 PractitionerRole; a row is a spine-care PractitionerRole, or a line that is not one resource',
        '1 PractitionerRole of other specialties not listed (spine care: NUCC 111N, 2251, 204D00000X)',
        'line 6: placed at the centre of ZIP 60614: Location/l2 has no position, or one far from its ZIP',
        'line 6: has 2 Locations: listed at Location/l2 only',
        'line 7: rejected: not a JSON resource (NDJSON has one resource per line)',
        'line 8: rejected: PractitionerRole/r4: its Practitioner is not in the export',
      ],
      'Kept 2 of 4: 2 rejected.',
    ],
  ];
  for (const [file, lines, kept] of REPORTS) {
    it(`reports ${file} row by row, and writes the rows kept`, async () => {
      const { status, stdout, stderr, out } = await build(file);
      assert.equal(stderr, '');
      assert.equal(status, 0);
      assert.deepEqual(reportLines(stdout), lines);
      assert.equal(summary(stdout), kept);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
        counts: { providers: number };
      };
      assert.equal(manifest.counts.providers, Number(/^Kept (\d+)/.exec(kept)![1]));
    });

    it(`fails ${file} with --strict, writing nothing`, async () => {
      const { status, stderr, out } = await build(file, '--strict');
      assert.equal(status, 1);
      assert.match(stderr, /^spine-finder: \d+ rejected with --strict: nothing written\.$/);
      assert.equal(existsSync(out), false);
    });
  }

  it('keeps what Excel writes: quoted commas, doubled quotes and line breaks inside fields, yes and no', async () => {
    const { out } = await build('excel.csv');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { shards: { file: string }[] };
    const providers = manifest.shards.flatMap(
      (shard) => (JSON.parse(readFileSync(join(out, shard.file), 'utf8')) as { providers: unknown[] }).providers,
    );
    assert.deepEqual(providers, [
      {
        id: 'c-1',
        name: 'Ana Lopez',
        location: { lat: 41.92, lng: -87.64 },
        practice: 'Lopez, Kim & Partners',
        address: { line1: '2400 N "Old" Clark St', line2: 'Suite 2\r\nBuilding B' },
        acceptingNewPatients: true,
      },
      {
        id: 'c-2',
        name: 'Ben Okafor',
        location: { lat: 41.93, lng: -87.65 },
        practice: 'Halsted Spine',
        acceptingNewPatients: false,
      },
    ]);
  });

  it('places a FHIR role by its Location, mapped as the fhir adapter maps it', async () => {
    const { out } = await build('export.ndjson');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { shards: { file: string }[] };
    const providers = manifest.shards.flatMap(
      (shard) => (JSON.parse(readFileSync(join(out, shard.file), 'utf8')) as { providers: unknown[] }).providers,
    );
    assert.deepEqual(providers, [
      {
        id: 'PractitionerRole/r1',
        name: 'Ana Lopez',
        location: { lat: 41.9245, lng: -87.6402 },
        credentials: ['DC'],
        discipline: 'chiropractic',
        address: { line1: '2400 N Clark St', city: 'Chicago', state: 'IL', postalCode: '60614' },
      },
      {
        id: 'PractitionerRole/r3',
        name: 'Ana Lopez',
        location: { lat: 41.9229, lng: -87.6483 },
        credentials: ['DC'],
        discipline: 'physical-therapy',
        address: { city: 'Chicago', state: 'IL', postalCode: '60614' },
      },
    ]);
  });
});
