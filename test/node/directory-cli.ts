/**
 * Runs `spine-finder` in this process, as the bin would (src/cli/cli.ts),
 * with the ZIP data the build ships (scripts/geo-assets.ts) instead of the
 * built package's copy, and gives back what it printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { buildGeoAssets } from '../../scripts/geo-assets.js';
import { runCli } from '../../src/cli/cli.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function spineFinder(
  args: string[],
  { cwd = process.cwd(), env = {} }: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const assets = buildGeoAssets();
  const status = await runCli(args, {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    env,
    cwd,
    zipShards: async (prefix) => assets.get(`geo/zip/${prefix}.json`),
  });
  return { status, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** A new empty folder, removed when the test file ends. */
export function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'spine-directory-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
