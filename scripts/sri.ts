/**
 * The last step of `npm run build`: prints the Subresource Integrity hash of
 * the drop-in's entry, dist/spine-finder.js, and writes the README's embed
 * snippet (between `<!-- sri:start -->` and `<!-- sri:end -->`) with that
 * hash, `crossorigin="anonymous"` and the version in the script's path.
 *
 *   node --import tsx scripts/sri.ts
 *
 * The hash covers the entry only: the chunks it imports later, its workers
 * and its data files are fetched from the same folder without one (their
 * names carry a hash of their content, so builds never mix, but whoever can
 * change the files there can change those too).
 *
 * On CI (`CI` set) the README is left as committed: a build must not change
 * tracked files there, and test/node/sri.test.ts then fails if the committed
 * hash is not the built file's.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const ENTRY = fileURLToPath(new URL('../dist/spine-finder.js', import.meta.url));
export const README = fileURLToPath(new URL('../README.md', import.meta.url));
const PACKAGE = new URL('../package.json', import.meta.url);

const START = '<!-- sri:start -->';
const END = '<!-- sri:end -->';

/** The `integrity` value of a file: its SHA-384, in base64. */
export function integrityOf(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** The snippet a host pastes: the script by version from a CDN, with its hash, then the element. */
export function embedSnippet(version: string, integrity: string): string {
  return [
    '```html',
    '<script',
    '  type="module"',
    `  src="https://your-cdn.example/spine-finder/${version}/spine-finder.js"`,
    `  integrity="${integrity}"`,
    '  crossorigin="anonymous"',
    '></script>',
    '',
    '<spine-finder endpoint="https://directory.example.org/providers"></spine-finder>',
    '```',
  ].join('\n');
}

/** What the README holds between the markers, or undefined if it has none. */
export function readmeSnippet(readme: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END, start);
  if (start < 0 || end < 0) return undefined;
  return readme.slice(start + START.length, end).trim();
}

/** The README with this snippet between the markers; the rest as it was. */
export function withSnippet(readme: string, snippet: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`README.md has no ${START} … ${END} for the embed snippet`);
  return `${readme.slice(0, start + START.length)}\n\n${snippet}\n\n${readme.slice(end)}`;
}

export async function packageVersion(): Promise<string> {
  return (JSON.parse(await readFile(PACKAGE, 'utf8')) as { version: string }).version;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const integrity = integrityOf(await readFile(ENTRY));
  console.log(`dist/spine-finder.js  integrity="${integrity}"`);
  const readme = await readFile(README, 'utf8');
  const updated = withSnippet(readme, embedSnippet(await packageVersion(), integrity));
  if (updated === readme) {
    console.log('README.md: the embed snippet has this hash.');
  } else if (process.env.CI) {
    console.log('README.md: the embed snippet has another hash; on CI it is left for test/node/sri.test.ts to report.');
  } else {
    await writeFile(README, updated);
    console.log('README.md: the embed snippet now has this hash.');
  }
}
