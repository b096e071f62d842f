/// <reference types="node" />
/**
 * `spine-finder directory check`: whether a folder is a sharded directory
 * the finder can read as it is. The manifest must match its schema and the
 * files: every shard there, of its size and SHA-256, in its cell, with
 * records that all pass `ProviderSchema` as they stand, ids unique across
 * shards, counts, bounds and the content hash as the shards make them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseProviders } from '../directory/schema.js';
import { cellKey, cellOf, parseCellKey } from '../directory/sharded/grid.js';
import { contentHashInput, ShardedManifestSchema } from '../directory/sharded/manifest.js';
import type { ShardedManifest } from '../directory/sharded/manifest.js';
import { sha256Hex } from './build.js';

export interface CheckResult {
  /** Each thing that is wrong; none means the directory is sound. */
  problems: string[];
  /** Things that do not stop the finder: files in `shards/` the manifest does not name. */
  warnings: string[];
  manifest?: ShardedManifest;
}

/** Problems listed for one shard before the rest of its records are left unread. */
const PROBLEMS_PER_SHARD = 5;

export async function checkDirectory(folder: string): Promise<CheckResult> {
  const problems: string[] = [];
  const warnings: string[] = [];
  let text: string;
  try {
    text = await readFile(join(folder, 'manifest.json'), 'utf8');
  } catch {
    return { problems: [`${join(folder, 'manifest.json')} cannot be read`], warnings };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { problems: [`manifest.json is not JSON: ${(error as Error).message}`], warnings };
  }
  const parsed = ShardedManifestSchema.safeParse(body);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map(
        (issue) => `manifest.json: ${issue.path.join('.') || '(the whole file)'}: ${issue.message}`,
      ),
      warnings,
    };
  }
  const manifest = parsed.data;

  if (Number.isNaN(Date.parse(manifest.built)))
    problems.push(`manifest.json: built: "${manifest.built}" is not a date`);
  if (manifest.counts.shards !== manifest.shards.length) {
    problems.push(
      `manifest.json: counts.shards says ${manifest.counts.shards}, but ${manifest.shards.length} shards are listed`,
    );
  }
  const listed = manifest.shards.reduce((sum, shard) => sum + shard.providers, 0);
  if (manifest.counts.providers !== listed) {
    problems.push(`manifest.json: counts.providers says ${manifest.counts.providers}, but the shards list ${listed}`);
  }
  const contentHash = `sha256:${sha256Hex(contentHashInput(manifest.shards))}`;
  if (manifest.contentHash !== contentHash) {
    problems.push(`manifest.json: contentHash is ${manifest.contentHash}, but the shards listed make ${contentHash}`);
  }

  const cells = new Set(manifest.shards.map((shard) => shard.cell));
  const files = new Set<string>();
  for (const shard of manifest.shards) {
    const cell = parseCellKey(shard.cell)!;
    if (cell.z < manifest.grid.minLevel || cell.z > manifest.grid.maxLevel) {
      problems.push(
        `cell ${shard.cell} is outside the grid's levels ${manifest.grid.minLevel}–${manifest.grid.maxLevel}`,
      );
    }
    for (let z = 0; z < cell.z; z++) {
      const ancestor = cellKey({ z, x: cell.x >> (cell.z - z), y: cell.y >> (cell.z - z) });
      if (cells.has(ancestor)) problems.push(`cell ${shard.cell} is inside cell ${ancestor}, which has a shard too`);
    }
    if (files.has(shard.file)) problems.push(`${shard.file} is listed twice`);
    files.add(shard.file);
  }
  if (cells.size !== manifest.shards.length) problems.push('manifest.json: a cell is listed twice');

  const ids = new Map<string, string>();
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const shard of manifest.shards) {
    const shardProblems: string[] = [];
    let bytes: Buffer;
    try {
      bytes = await readFile(join(folder, shard.file));
    } catch {
      problems.push(`${shard.file} is missing`);
      continue;
    }
    if (bytes.length !== shard.bytes)
      shardProblems.push(`${shard.file} has ${bytes.length} bytes, the manifest says ${shard.bytes}`);
    const sha256 = sha256Hex(bytes);
    if (sha256 !== shard.sha256)
      shardProblems.push(`${shard.file} has SHA-256 ${sha256}, the manifest says ${shard.sha256}`);
    let content: unknown;
    try {
      content = JSON.parse(bytes.toString('utf8'));
    } catch {
      problems.push(...shardProblems, `${shard.file} is not JSON`);
      continue;
    }
    const { cell, providers: records } = (typeof content === 'object' && content !== null ? content : {}) as {
      cell?: unknown;
      providers?: unknown;
    };
    if (cell !== shard.cell)
      shardProblems.push(`${shard.file} says it is cell ${JSON.stringify(cell)}, the manifest says ${shard.cell}`);
    if (!Array.isArray(records)) {
      problems.push(...shardProblems, `${shard.file} has no list of providers`);
      continue;
    }
    if (records.length !== shard.providers) {
      shardProblems.push(`${shard.file} holds ${records.length} records, the manifest says ${shard.providers}`);
    }
    const { providers, rejected } = parseProviders(records);
    for (const { index, reason } of rejected) shardProblems.push(`${shard.file} record ${index + 1}: ${reason}`);
    for (const provider of providers) {
      const { lat, lng } = provider.location;
      if (cellKey(cellOf(provider.location, parseCellKey(shard.cell)!.z)) !== shard.cell) {
        shardProblems.push(`${shard.file}: "${provider.id}" at ${lat}, ${lng} is outside cell ${shard.cell}`);
      }
      const earlier = ids.get(provider.id);
      if (earlier) shardProblems.push(`${shard.file}: id "${provider.id}" is also in ${earlier}`);
      else ids.set(provider.id, shard.file);
      [west, south, east, north] = [
        Math.min(west, lng),
        Math.min(south, lat),
        Math.max(east, lng),
        Math.max(north, lat),
      ];
    }
    problems.push(...shardProblems.slice(0, PROBLEMS_PER_SHARD));
    if (shardProblems.length > PROBLEMS_PER_SHARD) {
      problems.push(`${shard.file}: ${shardProblems.length - PROBLEMS_PER_SHARD} more problems`);
    }
  }
  if (ids.size > 0 && manifest.bounds.join() !== [west, south, east, north].join()) {
    problems.push(
      `manifest.json: bounds are [${manifest.bounds.join(', ')}], the clinicians' are [${[west, south, east, north].join(', ')}]`,
    );
  }

  const folders = new Set([...files].map((file) => file.slice(0, file.lastIndexOf('/') + 1)));
  for (const sub of folders) {
    // Only shard folders: beside the manifest a host may keep anything.
    if (sub === '') continue;
    const present = await readdir(join(folder, sub)).catch(() => []);
    for (const name of present) {
      if (!files.has(sub + name)) warnings.push(`${sub}${name} is not in the manifest (left from an earlier build?)`);
    }
  }
  return { problems, warnings, manifest };
}
