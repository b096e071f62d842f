/**
 * The theming surface, held to its one list and its documentation:
 * demo/themes.css uses nothing but the `--spine-*` custom properties of
 * THEME_TOKENS and the finder's `::part()` names (what it shows a host can
 * do, it must do with what a host has), and docs/theming.md documents every
 * token (with its defaults) and every part of every element, no more.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import postcss from 'postcss';
import type { ChildNode, Container } from 'postcss';
import { TOKEN_DESCRIPTIONS } from '../../src/styles/token-descriptions.js';
import { THEME_TOKENS } from '../../src/styles/tokens.styles.js';
import type { ThemeToken } from '../../src/styles/tokens.styles.js';
import { elementSources, exposedParts, read, themeTokens } from './element-sources.js';

const sources = elementSources();
const finder = sources.find((element) => element.tag === 'spine-finder')!;
const TOKEN_NAMES = new Set<string>(THEME_TOKENS.map((token) => token.name));
const FINDER_PARTS = new Set(exposedParts(finder).names);

/** `spine-finder`, after any ancestors, with attribute selectors of its own (`[theme='dark']`). */
const HOST = /^(?:.+\s+)?spine-finder(?:\[[^\]]*\])*$/;
/** `spine-finder::part(name)`, after any ancestors, with pseudo-classes (`:hover`). */
const PART = /^(?:.+\s+)?spine-finder(?:\[[^\]]*\])*::part\(([a-z-]+)\)(?::[a-z-]+)*$/;

/**
 * What in a theme's CSS is not made of the finder's custom properties and
 * parts: rules on anything but the finder and its parts, properties other
 * than known `--spine-*` on the finder, unknown parts and tokens (set or
 * read with var()), at-rules other than @media.
 */
function themeViolations(cssText: string): string[] {
  const violations: string[] = [];
  const visit = (container: Container<ChildNode>) => {
    container.each((node) => {
      if (node.type === 'comment') return;
      const where = `line ${node.source?.start?.line}`;
      if (node.type === 'atrule') {
        if (node.name === 'media') visit(node);
        else violations.push(`${where}: @${node.name}`);
        return;
      }
      if (node.type !== 'rule') {
        violations.push(`${where}: ${node.toString()}`);
        return;
      }
      const onHost = node.selectors.every((selector) => HOST.test(selector));
      const parts = node.selectors.map((selector) => PART.exec(selector)?.[1]);
      if (!onHost && parts.some((part) => part === undefined)) {
        violations.push(`${where}: ${node.selector} is neither <spine-finder> nor one of its parts`);
        return;
      }
      for (const part of parts) {
        if (part && !FINDER_PARTS.has(part)) violations.push(`${where}: no part "${part}"`);
      }
      node.each((declaration) => {
        if (declaration.type !== 'decl') return;
        const property = declaration.prop;
        if (property.startsWith('--') && !TOKEN_NAMES.has(property)) {
          violations.push(`${where}: ${property} is not a --spine-* token`);
        } else if (onHost && !property.startsWith('--')) {
          violations.push(`${where}: ${property} on <spine-finder> itself (only --spine-* there)`);
        }
        for (const [, name] of declaration.value.matchAll(/var\((--[\w-]+)/g)) {
          if (!TOKEN_NAMES.has(name)) violations.push(`${where}: ${property} reads ${name}, not a --spine-* token`);
        }
      });
    });
  };
  visit(postcss.parse(cssText));
  return violations;
}

describe('demo/themes.css', () => {
  it('is made only of --spine-* custom properties on <spine-finder> and ::part() rules', () => {
    assert.deepEqual(themeViolations(read('demo/themes.css')), []);
  });

  it('tells everything else (the check itself)', () => {
    const violations = themeViolations(`
      .brand { color: red; }
      .brand spine-finder { border-radius: 24px; --brand-navy: #13294b; --spine-colour-accent: teal; }
      spine-finder::part(card), spine-finder > div { color: red; }
      spine-finder::part(nope) { color: red; }
      @supports (display: grid) { spine-finder { --spine-radius: 0; } }
      @media (prefers-color-scheme: dark) { spine-finder:not([theme='light']) { --spine-color-accent: #5fc4cf; } }
      spine-finder[theme='dark'] { --spine-color-accent: #5fc4cf; }
      spine-finder::part(search-button):hover { text-decoration: underline; }
      spine-finder::part(map) { border: 2px solid var(--brand-navy); }
    `).join('\n');
    assert.match(violations, /line 2: \.brand is neither/);
    assert.match(violations, /line 3: border-radius on <spine-finder> itself/);
    assert.match(violations, /line 3: --brand-navy is not a --spine-\* token/);
    assert.match(violations, /line 3: --spine-colour-accent is not/);
    assert.match(violations, /line 4: spine-finder::part\(card\), spine-finder > div is neither/);
    assert.match(violations, /line 5: no part "nope"/);
    assert.match(violations, /line 6: @supports/);
    assert.match(violations, /line 7: spine-finder:not/, 'a pseudo-class on the host is not a theme');
    assert.doesNotMatch(violations, /line (8|9):/);
    assert.match(violations, /line 10: border reads --brand-navy/);
  });
});

// docs/theming.md

const DOC = read('docs/theming.md');

/** The text of a section, from its heading to the next heading of its level or above. */
function section(heading: string): string {
  const start = DOC.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `docs/theming.md has no "${heading}"`);
  const level = /^#+/.exec(heading)![0];
  const rest = DOC.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return end < 0 ? rest : rest.slice(0, end);
}

/** The cells of a section's table rows, header and ruler left out. */
function tableRows(text: string): string[][] {
  const rows = text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  return rows.slice(2);
}

/** The `code` names in a cell. */
function codeNames(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
}

/** A default as the table says it: `#0b5cad`, "as `--spine-color-accent`", "2 × `--spine-space`". */
function documentedDefault(value: string): string {
  const tokenFor = (use: string) => THEME_TOKENS.find((token) => token.use === use)!.name;
  const alias = /^var\((--_[a-z-]+)\)$/.exec(value);
  if (alias) return `as \`${tokenFor(alias[1])}\``;
  const multiple = /^calc\(var\((--_[a-z-]+)\) \* (\d+)\)$/.exec(value);
  if (multiple) return `${multiple[2]} × \`${tokenFor(multiple[1])}\``;
  return `\`${value}\``;
}

function documentedRow(token: ThemeToken): string[] {
  return [
    `\`${token.name}\``,
    TOKEN_DESCRIPTIONS[token.name],
    documentedDefault(token.light),
    documentedDefault(token.dark ?? token.light),
  ];
}

describe('docs/theming.md', () => {
  it('documents every token of THEME_TOKENS, in its order, with what it styles and its light and dark defaults', () => {
    const rows = tableRows(section('## Custom properties'));
    assert.deepEqual(rows, THEME_TOKENS.map(documentedRow));
  });

  it('describes every token of THEME_TOKENS once, in its order, and nothing else', () => {
    assert.deepEqual(
      Object.keys(TOKEN_DESCRIPTIONS),
      THEME_TOKENS.map((token) => token.name),
    );
    for (const [name, description] of Object.entries(TOKEN_DESCRIPTIONS)) assert.ok(description.trim(), name);
  });

  it('THEME_TOKENS has every --spine-* custom property the styles read', () => {
    assert.deepEqual(
      themeTokens().filter((name) => !TOKEN_NAMES.has(name)),
      [],
    );
  });

  const card = sources.find((element) => element.tag === 'spine-provider-card')!;
  const cardRows = tableRows(
    section('### `<spine-provider-card>` (exported by `<spine-results>` and `<spine-finder>` with the same names)'),
  );
  const cardParts = cardRows.map(([name]) => codeNames(name)[0]);

  it('documents every part of <spine-finder>, its inner elements’ included, and no other', () => {
    const documented = tableRows(section('### `<spine-finder>`')).flatMap(([names, , description]) => {
      if (!names.includes('…')) return codeNames(names);
      // "`card` … `insurance`": every part of a card, by the card's own names, except those it says are renamed.
      const renamed = new Map(
        [...description.matchAll(/`([a-z-]+)`, exported as `([a-z-]+)`/g)].map(([, from, to]) => [from, to]),
      );
      return cardParts.map((part) => renamed.get(part) ?? part);
    });
    assert.deepEqual([...documented].sort(), exposedParts(finder).names);
  });

  it('documents every part of <spine-provider-card>, and no other', () => {
    const { names, prefixes } = exposedParts(card);
    assert.deepEqual(
      names.filter((name) => !cardParts.includes(name)),
      [],
    );
    // Names made in the template (`badge-${tone}`) are documented one by one.
    assert.deepEqual(
      cardParts.filter((name) => !names.includes(name) && !prefixes.some((prefix) => name.startsWith(prefix))),
      [],
    );
  });

  it('documents every part of each other element, and no other', () => {
    const others = new Map(
      tableRows(section('### The other elements, used on their own')).map(([element, parts]) => {
        const names = codeNames(parts);
        return [codeNames(element)[0], parts.includes('every part of its cards') ? [...names, ...cardParts] : names];
      }),
    );
    const expected = sources.filter((element) => element !== finder && element !== card);
    assert.deepEqual([...others.keys()].sort(), expected.map((element) => `<${element.tag}>`).sort());
    for (const element of expected) {
      const documented = [...new Set(others.get(`<${element.tag}>`))].sort();
      assert.deepEqual(documented, exposedParts(element).names, `<${element.tag}>`);
    }
  });
});
