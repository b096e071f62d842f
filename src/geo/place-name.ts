/**
 * City names as people type them and as the geo data keys them: case,
 * accents, punctuation and the usual abbreviations do not matter, so
 * "St. Louis", "saint louis" and "ST LOUIS" are one key.
 *
 * Shared by the browser geocoder and the script that writes the geo shards.
 */
const LEADING_ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/^st /, 'saint '],
  [/^ste /, 'sainte '],
  [/^ft /, 'fort '],
  [/^mt /, 'mount '],
  [/^pt /, 'port '],
];

export function normalizePlaceName(name: string): string {
  let key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, replacement] of LEADING_ABBREVIATIONS) {
    key = key.replace(pattern, replacement);
  }
  return key;
}

/** The shard a normalized place name lives in: its first two letters. */
export function placeShardKey(normalizedName: string): string {
  const compact = normalizedName.replace(/ /g, '');
  return (compact.slice(0, 2) + '__').slice(0, 2);
}
