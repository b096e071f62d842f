/**
 * The manifest of a sharded directory (`manifest.json`), as written by
 * `spine-finder directory build` and read by the static adapter and by
 * `spine-finder directory check`. docs/static-directory.md describes it.
 */
import * as z from 'zod/mini';
import { parseCellKey } from './grid.js';

/** What `format` says in every manifest: how the static adapter tells a manifest from a directory file. */
export const MANIFEST_FORMAT = 'spine-finder-directory';
export const MANIFEST_VERSION = 1;

const count = z.int().check(z.gte(0));

/**
 * A shard's file, relative to the manifest and inside its folder: no scheme,
 * no leading slash, no `..`, so a manifest can never send the finder to
 * another server or the checker outside the directory.
 */
const shardFile = z.string().check(z.regex(/^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.json$/));

export const ShardEntrySchema = z.object({
  /** The grid cell, `z/x/y` (see grid.ts); every clinician in the shard is inside it. */
  cell: z.string().check(z.refine((key) => parseCellKey(key) !== undefined, 'not a cell of the grid (z/x/y)')),
  file: shardFile,
  /** Clinicians in the shard. */
  providers: z.int().check(z.gte(1)),
  /** The file's size in bytes. */
  bytes: count,
  /** SHA-256 of the file's bytes, in hex. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});

export const ShardedManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  /** When the directory was built, as an ISO date and time (see docs/static-directory.md for where it comes from). */
  built: z.string(),
  /** The tool and version that built it. */
  generator: z.string(),
  counts: z.object({ providers: count, shards: count }),
  /** Around every clinician: [west, south, east, north] in degrees, as a GeoJSON bbox. */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  grid: z.object({
    scheme: z.literal('quadtree'),
    /** Cells are split until they hold at most this many clinicians… */
    maxProvidersPerShard: z.int().check(z.gte(1)),
    /** …and are at least this level (so a shard never spans a whole region)… */
    minLevel: count,
    /** …and at most this level (so one address with many clinicians stops the splitting). */
    maxLevel: count,
  }),
  /** One entry per shard, in the order of their cells' keys. */
  shards: z.array(ShardEntrySchema),
  /** `sha256:` and the SHA-256 of one line per shard, `cell sha256\n`: the same data gives the same hash, whenever built. */
  contentHash: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/)),
});

export type ShardedManifest = z.infer<typeof ShardedManifestSchema>;
export type ShardEntry = z.infer<typeof ShardEntrySchema>;

/** Whether a parsed JSON body is meant as a manifest (it may still be an invalid one). */
export function looksLikeManifest(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { format?: unknown }).format === MANIFEST_FORMAT;
}

/** The text the content hash is taken of. */
export function contentHashInput(shards: readonly Pick<ShardEntry, 'cell' | 'sha256'>[]): string {
  return shards.map((shard) => `${shard.cell} ${shard.sha256}\n`).join('');
}
