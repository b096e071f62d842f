/**
 * Attributions are shown as plain text (./controls.ts). An archive's own
 * attribution is often a line of HTML with links; this reads its text.
 */

/** The few named character references attributions use; others are left as written. */
const NAMED_CHARACTERS: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
};

/**
 * The text of a line of HTML: tags dropped, white space collapsed,
 * character references read. Not through an HTML parser: on a page that
 * requires Trusted Types even an inert parse of a string (DOMParser) is
 * refused, and a line of credits needs none.
 */
export function htmlToText(html: string): string | undefined {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (reference, name: string) => {
      if (!name.startsWith('#')) return NAMED_CHARACTERS[name.toLowerCase()] ?? reference;
      const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    })
    .trim();
  return text || undefined;
}
