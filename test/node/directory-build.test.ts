/**
 * A clinic list through `spine-finder directory build` and back: the demo
 * directory written as a CSV (with the quoting a spreadsheet needs), built
 * into a sharded directory, served over HTTP and searched with the static
 * adapter's own code finds exactly what a linear scan of the clinicians
 * finds, reading only the shards each circle touches. Then: a rebuild is
 * byte-identical, `check` finds any tampering, and the output folder is
 * replaced only when it holds a directory.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after, describe, it } from 'node:test';
import { getDemoDirectory } from '../../scripts/demo-directory.js';
import type { DirectoryAdapter, DirectoryPage, DirectorySearch } from '../../src/directory/adapter.js';
import { matchesFilters } from '../../src/directory/filters.js';
import { parseProviders } from '../../src/directory/schema.js';
import type { Provider } from '../../src/directory/schema.js';
import { contentHashInput, ShardedManifestSchema } from '../../src/directory/sharded/manifest.js';
import type { ShardedManifest } from '../../src/directory/sharded/manifest.js';
import { ShardedDirectory } from '../../src/directory/sharded/sharded-directory.js';
import { compareMatches } from '../../src/directory/sort.js';
import { createStaticAdapter } from '../../src/directory/static-adapter.js';
import { distanceKm } from '../../src/geo/distance.js';
import { makeShardedFixtures } from '../fixtures/sharded/make-fixtures.js';
import { spineFinder, temporaryFolder } from './directory-cli.js';

const COLUMNS = [
  'id',
  'name',
  'lat',
  'lng',
  'credentials',
  'discipline',
  'practice',
  'line1',
  'line2',
  'city',
  'state',
  'postalCode',
  'phone',
  'website',
  'languages',
  'acceptingNewPatients',
  'telehealth',
  'insurance',
  'registryParticipant',
] as const;

/** A field as a spreadsheet writes it: quoted when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV cell cannot tell an empty list from none. */
const listOrAbsent = (items: string[] | undefined) => (items?.length ? items : undefined);

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'no');

/**
 * The demo directory as a CSV, with commas, quotes and line breaks put in
 * some practices and addresses, and the Provider each row should become
 * (the demo's clinicians cut to the fields a CSV has).
 */
function clinicList(): { csv: string; expected: Provider[] } {
  const rows: string[] = [COLUMNS.join(',')];
  const records: unknown[] = [];
  getDemoDirectory().forEach((demo, i) => {
    const practice = i % 7 === 0 ? `${demo.practice ?? 'Spine'}, "North" Clinic` : demo.practice;
    const line2 = i % 11 === 0 ? 'Suite 200\r\nBuilding B' : demo.address?.line2;
    const record = {
      id: demo.id,
      name: demo.name,
      location: demo.location,
      credentials: listOrAbsent(demo.credentials),
      discipline: demo.discipline,
      practice,
      address: { ...demo.address, line2 },
      phone: demo.phone,
      website: demo.website,
      languages: listOrAbsent(demo.languages),
      acceptingNewPatients: demo.acceptingNewPatients,
      telehealth: demo.telehealth,
      insurance: listOrAbsent(demo.insurance),
      registry: demo.registry && { participant: demo.registry.participant },
    };
    records.push(record);
    const cells: Record<(typeof COLUMNS)[number], string> = {
      id: demo.id,
      name: demo.name,
      lat: String(demo.location.lat),
      lng: String(demo.location.lng),
      credentials: demo.credentials?.join('; ') ?? '',
      discipline: demo.discipline ?? '',
      practice: practice ?? '',
      line1: demo.address?.line1 ?? '',
      line2: line2 ?? '',
      city: demo.address?.city ?? '',
      state: demo.address?.state ?? '',
      postalCode: demo.address?.postalCode ?? '',
      phone: demo.phone ?? '',
      website: demo.website ?? '',
      languages: demo.languages?.join('; ') ?? '',
      acceptingNewPatients: yesNo(demo.acceptingNewPatients),
      telehealth: yesNo(demo.telehealth),
      insurance: demo.insurance?.join('; ') ?? '',
      registryParticipant: yesNo(demo.registry?.participant),
    };
    rows.push(COLUMNS.map((column) => csvField(cells[column])).join(','));
  });
  const { providers, rejected } = parseProviders(records);
  assert.deepEqual(rejected, [], 'every demo clinician is a valid record');
  // As JSON has them: fields without a value left out.
  const expected = JSON.parse(JSON.stringify(providers)) as Provider[];
  // Excel's "CSV UTF-8": a byte-order mark and CRLF line ends.
  return { csv: `\uFEFF${rows.join('\r\n')}\r\n`, expected };
}

/** The folder served over HTTP, each request's path remembered. */
async function serve(folder: string) {
  const requested: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requested.push(path);
    try {
      const body = readFileSync(join(folder, path));
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { origin, requested, close };
}

function readManifest(folder: string): ShardedManifest {
  return ShardedManifestSchema.parse(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')));
}

/** Every file of a folder, by its path in it, as bytes. */
function filesOf(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(folder, path), readFileSync(path));
    }
  };
  walk(folder);
  return files;
}

const KM_PER_MILE = 1.609344;

const SEARCHES: Array<[name: string, search: Partial<DirectorySearch>]> = [
  ['25 miles around Chicago', { point: { lat: 41.9229, lng: -87.6483 }, radiusKm: 25 * KM_PER_MILE }],
  [
    '10 km in Manhattan, accepting new patients',
    { point: { lat: 40.758, lng: -73.9855 }, radiusKm: 10, filters: { acceptingNewPatients: true } },
  ],
  ['50 miles around Honolulu', { point: { lat: 21.3069, lng: -157.8583 }, radiusKm: 50 * KM_PER_MILE }],
  ['100 km around Denver, by name', { point: { lat: 39.7392, lng: -104.9903 }, radiusKm: 100, sort: 'name' }],
  ['25 miles in western Kansas, where there is no one', { point: { lat: 38.5, lng: -101 }, radiusKm: 40 }],
  ['2,000 km from Kansas City, a page at a time', { point: { lat: 39.0997, lng: -94.5786 }, radiusKm: 2000 }],
  ['5,000 km around the antimeridian', { point: { lat: 30, lng: 179.5 }, radiusKm: 5000 }],
];

/** What a search should find: every expected clinician in the circle passing the filters, in order, file order for equals. */
function linearScan(providers: readonly Provider[], search: DirectorySearch): string[] {
  const order = compareMatches(search.sort);
  return providers
    .map((provider, i) => ({ provider, i, distanceKm: distanceKm(search.point, provider.location) }))
    .filter((match) => match.distanceKm <= search.radiusKm && matchesFilters(match.provider, search.filters))
    .sort((a, b) => order(a, b) || a.i - b.i)
    .map(({ provider }) => provider.id);
}

async function allPages(adapter: DirectoryAdapter, search: DirectorySearch): Promise<DirectoryPage[]> {
  const signal = new AbortController().signal;
  const pages = [await adapter.search(search, { signal })];
  while (pages[pages.length - 1].next) {
    pages.push(await adapter.search({ ...search, cursor: pages[pages.length - 1].next }, { signal }));
  }
  return pages;
}

describe('a CSV built into a sharded directory and searched with the static adapter', () => {
  const folder = temporaryFolder();
  const out = join(folder, 'directory');
  const { csv, expected } = clinicList();
  const byId = new Map(expected.map((provider) => [provider.id, provider]));
  let manifest: ShardedManifest;
  let site: Awaited<ReturnType<typeof serve>>;

  before(async () => {
    writeFileSync(join(folder, 'clinics.csv'), csv);
    const run = await spineFinder(
      ['directory', 'build', 'clinics.csv', '--out', 'directory', '--max-per-shard', '60', '--strict'],
      { cwd: folder, env: { SOURCE_DATE_EPOCH: '1767225600' } },
    );
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    manifest = readManifest(out);
    site = await serve(out);
  });
  after(() => site.close());

  it('keeps every row, in many small shards', () => {
    assert.equal(manifest.counts.providers, expected.length);
    assert.ok(manifest.shards.length > 30, `${manifest.shards.length} shards`);
    assert.ok(Math.max(...manifest.shards.map((shard) => shard.providers)) <= 60);
    assert.equal(manifest.built, '2026-01-01T00:00:00.000Z');
  });

  for (const [name, partial] of SEARCHES) {
    it(`finds what a linear scan finds: ${name}`, async () => {
      const search: DirectorySearch = { point: { lat: 0, lng: 0 }, radiusKm: 1, limit: 200, filters: {}, ...partial };
      site.requested.length = 0;
      const adapter = createStaticAdapter(`${site.origin}/manifest.json`, {}, { worker: false });
      const pages = await allPages(adapter, search);
      const found = pages.flatMap((page) => page.matches);
      assert.deepEqual(
        found.map((match) => match.provider.id),
        linearScan(expected, search),
      );
      for (const match of found) {
        assert.deepEqual(match.provider, byId.get(match.provider.id), 'the row became the same Provider');
        assert.equal(match.distanceKm, distanceKm(search.point, match.provider.location));
      }
      assert.ok(pages.every((page) => page.dropped === 0));

      // Only the manifest and the shards the circle touches, each once however many pages.
      const touched = ShardedDirectory.open(manifest, new URL(`${site.origin}/manifest.json`), {
        fetchJson: async () => [],
      }).shardsFor(search);
      assert.deepEqual(
        [...site.requested].sort(),
        ['/manifest.json', ...touched.map((shard) => `/${shard.file}`)].sort(),
      );
      if (search.radiusKm <= 25 * KM_PER_MILE + 1) {
        assert.ok(touched.length <= 12, `a 25-mile search read ${touched.length} shards`);
      }
    });
  }

  it('fetches a shard once for the session, however many searches touch it', async () => {
    const adapter = createStaticAdapter(`${site.origin}/manifest.json`, {}, { worker: false });
    const search = { ...SEARCHES[0][1], limit: 10, filters: {} } as DirectorySearch;
    site.requested.length = 0;
    await allPages(adapter, search);
    const first = site.requested.length;
    await allPages(adapter, { ...search, filters: { telehealth: true } });
    await allPages(adapter, { ...search, radiusKm: 5 });
    assert.equal(site.requested.length, first);
  });
});

describe('directory build, again', () => {
  const folder = temporaryFolder();
  const input = join(folder, 'clinics.csv');
  writeFileSync(input, clinicList().csv);
  const build = (out: string, env: Record<string, string> = {}, ...options: string[]) =>
    spineFinder(['directory', 'build', input, '--out', join(folder, out), '--max-per-shard', '100', ...options], {
      env,
    });

  it('writes the same bytes for the same input', async () => {
    await build('first', { SOURCE_DATE_EPOCH: '1767225600' });
    await build('second', { SOURCE_DATE_EPOCH: '1767225600' });
    const first = filesOf(join(folder, 'first'));
    assert.ok(first.size > 10);
    assert.deepEqual(filesOf(join(folder, 'second')), first);
  });

  it('takes the build date from --date, SOURCE_DATE_EPOCH, or else the input file, and says which', async () => {
    const fromOption = await build('dated', { SOURCE_DATE_EPOCH: '1767225600' }, '--date', '2026-03-01');
    assert.equal(readManifest(join(folder, 'dated')).built, '2026-03-01T00:00:00.000Z');
    assert.match(fromOption.stdout, /Build date 2026-03-01T00:00:00\.000Z \(from --date\)/);

    const fromEpoch = await build('epoch', { SOURCE_DATE_EPOCH: '1767225600' });
    assert.equal(readManifest(join(folder, 'epoch')).built, '2026-01-01T00:00:00.000Z');
    assert.match(fromEpoch.stdout, /\(from SOURCE_DATE_EPOCH\)/);

    utimesSync(input, new Date('2026-02-02T10:00:00Z'), new Date('2026-02-02T10:00:00Z'));
    const fromFile = await build('mtime');
    assert.equal(readManifest(join(folder, 'mtime')).built, '2026-02-02T10:00:00.000Z');
    assert.match(fromFile.stdout, /\(the modification time of .*clinics\.csv\)/);
    // The content hash is the data's, whenever it was built.
    assert.equal(readManifest(join(folder, 'mtime')).contentHash, readManifest(join(folder, 'epoch')).contentHash);
  });

  it('replaces a directory built before, leaving no old shard behind', async () => {
    await build('replaced', {}, '--max-per-shard', '40');
    writeFileSync(join(folder, 'replaced', 'index.html'), '<p>the host page</p>');
    await build('replaced', {}, '--max-per-shard', '400');
    const check = await spineFinder(['directory', 'check', join(folder, 'replaced')]);
    assert.equal(check.status, 0);
    assert.doesNotMatch(check.stdout, /warning/);
    assert.ok(existsSync(join(folder, 'replaced', 'index.html')), 'other files are left alone');
  });

  it('never deletes a shards folder that is not one of its directories', async () => {
    mkdirSync(join(folder, 'foreign', 'shards'), { recursive: true });
    writeFileSync(join(folder, 'foreign', 'shards', 'keep.txt'), 'mine');
    const run = await build('foreign');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /has a shards folder that is not from spine-finder: not replacing it/);
    assert.equal(readFileSync(join(folder, 'foreign', 'shards', 'keep.txt'), 'utf8'), 'mine');
  });
});

describe('directory check', () => {
  const folder = temporaryFolder();
  const input = join(folder, 'clinics.csv');
  writeFileSync(input, clinicList().csv);
  const built = join(folder, 'built');

  before(async () => {
    const run = await spineFinder(['directory', 'build', input, '--out', built, '--date', '2026-01-01']);
    assert.equal(run.status, 0);
  });

  /** A copy of the built directory, changed by `tamper`, checked. */
  async function checkTampered(name: string, tamper: (copy: string, manifest: ShardedManifest) => void) {
    const copy = join(folder, name);
    rmSync(copy, { recursive: true, force: true });
    cpSync(built, copy, { recursive: true });
    tamper(copy, readManifest(copy));
    return spineFinder(['directory', 'check', copy]);
  }

  it('passes a directory as built', async () => {
    const run = await spineFinder(['directory', 'check', built]);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.match(
      run.stdout,
      /: sound\. 3,000 clinicians in \d+ shards, built 2026-01-01T00:00:00\.000Z, content sha256:[0-9a-f]{64}\.$/,
    );
  });

  it('finds a shard changed by one byte', async () => {
    let file = '';
    const run = await checkTampered('one-byte', (copy, manifest) => {
      file = manifest.shards[3].file;
      const text = readFileSync(join(copy, file), 'utf8');
      writeFileSync(join(copy, file), text.replace('"name":"', '"name":"X'));
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`${file.replaceAll('.', '\\.')} has \\d+ bytes, the manifest says`));
    assert.match(run.stderr, /has SHA-256 [0-9a-f]{64}, the manifest says/);
  });

  it('finds a shard whose hash was updated to match a record that is no longer valid', async () => {
    const run = await checkTampered('invalid-record', (copy, manifest) => {
      const shard = manifest.shards[0];
      const text = readFileSync(join(copy, shard.file), 'utf8').replace(/"lat":[-\d.]+/, '"lat":95');
      writeFileSync(join(copy, shard.file), text);
      // Sizes and hashes made to agree, as a careless hand edit with a script would.
      shard.bytes = Buffer.byteLength(text);
      shard.sha256 = createHash('sha256').update(text).digest('hex');
      manifest.contentHash = `sha256:${createHash('sha256').update(contentHashInput(manifest.shards)).digest('hex')}`;
      writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /record 1: location\.lat: /);
  });

  it('finds a missing shard, a manifest edited by hand and a count that is wrong', async () => {
    const missing = await checkTampered('missing', (copy, manifest) => rmSync(join(copy, manifest.shards[0].file)));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /is missing/);

    const edited = await checkTampered('edited', (copy, manifest) => {
      manifest.shards[1].sha256 = manifest.shards[0].sha256;
      manifest.counts.providers += 1;
      writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
    });
    assert.equal(edited.status, 1);
    assert.match(edited.stderr, /contentHash is sha256:[0-9a-f]+, but the shards listed make sha256:/);
    assert.match(edited.stderr, /counts\.providers says 3001, but the shards list 3000/);
    assert.match(edited.stderr, /has SHA-256 [0-9a-f]{64}, the manifest says/);
  });

  it('finds a manifest that is not one, and a folder without one', async () => {
    const broken = await checkTampered('not-a-manifest', (copy) =>
      writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ format: 'spine-finder-directory', version: 2 })),
    );
    assert.equal(broken.status, 1);
    assert.match(broken.stderr, /manifest\.json: version: /);
    const none = await spineFinder(['directory', 'check', folder]);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /manifest\.json cannot be read/);
  });

  it('warns about files the manifest does not name, without failing', async () => {
    const run = await checkTampered('extra', (copy) => writeFileSync(join(copy, 'shards', 'old.json'), '[]'));
    assert.equal(run.status, 0);
    assert.match(run.stdout, /warning: shards\/old\.json is not in the manifest/);
  });
});

describe('the sharded test directories', () => {
  it('are what test/fixtures/sharded/make-fixtures.ts writes', async () => {
    const folder = temporaryFolder();
    await makeShardedFixtures(folder);
    const committed = fileURLToPath(new URL('../fixtures/sharded/', import.meta.url));
    for (const name of ['providers', 'mixed']) {
      assert.deepEqual(filesOf(join(folder, name)), filesOf(join(committed, name)), `${name}: run make-fixtures.ts`);
    }
  });
});

describe('the spine-finder command line', () => {
  it('prints its help, and exits 2 for a command it does not know', async () => {
    const help = await spineFinder(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /spine-finder directory build <input> --out <folder>/);
    const wrong = await spineFinder(['directory', 'publish', 'x']);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /unknown command "directory publish"/);
    const noOut = await spineFinder(['directory', 'build', 'x.csv']);
    assert.equal(noOut.status, 2);
    assert.match(noOut.stderr, /needs --out <folder>/);
    const badDate = await spineFinder(['directory', 'build', 'x.csv', '--out', 'o', '--date', 'tomorrow']);
    assert.equal(badDate.status, 2);
  });
});
