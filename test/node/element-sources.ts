/**
 * What the elements' source says about their public surface, read from the
 * files themselves, to hold custom-elements.json (and so the JSDoc headers it
 * is made from) to the code: the parts their templates expose and the
 * `--spine-*` custom properties their styles read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'comment-parser';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ElementSource {
  tag: string;
  className: string;
  /** The element's class file, relative to the project (src/components/…/x.ts). */
  file: string;
  /** The tags of the JSDoc header above the class. */
  header: { tag: string; name: string; type: string; description: string }[];
}

/** Every element: a class with a `@tagname` in its header, one per src/components folder. */
export function elementSources(): ElementSource[] {
  const folders = readdirSync(join(ROOT, 'src/components'));
  const elements: ElementSource[] = [];
  for (const folder of folders) {
    const file = `src/components/${folder}/${folder}.ts`;
    const source = read(file);
    const match = /(\/\*\*(?:(?!\*\/)[\s\S])*?@summary[\s\S]*?\*\/)\s*export class (\w+)/.exec(source);
    if (!match) continue;
    const header = parse(match[1]).flatMap((block) => block.tags);
    const tag = header.find((entry) => entry.tag === 'tagname')?.name;
    if (!tag) throw new Error(`${file}: the header has no @tagname`);
    elements.push({
      tag,
      className: match[2],
      file,
      header: header.map(({ tag, name, type, description }) => ({ tag, name, type, description })),
    });
  }
  return elements;
}

export function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

/** The source without its comments, so a header that names a part or a token is not taken for the code. */
function code(file: string): string {
  return read(file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

/** The `spine-*` elements a template renders. */
export function renderedTags(element: ElementSource): string[] {
  const tags = [...code(element.file).matchAll(/<(spine-[a-z-]+)/g)].map((match) => match[1]);
  return [...new Set(tags)].filter((tag) => tag !== element.tag);
}

/**
 * The parts a page can style on the element: its own `part="…"` and what it
 * forwards from inner elements with `exportparts` (under the outer name).
 * A name made in the template (`badge-${tone}`) is given as its prefix.
 */
export function exposedParts(element: ElementSource): { names: string[]; prefixes: string[] } {
  const source = code(element.file);
  const names = new Set<string>();
  const prefixes = new Set<string>();
  for (const [, list] of source.matchAll(/\bpart="([^"]+)"/g)) {
    for (const name of list.split(/\s+(?![^{]*\})/)) {
      if (name.includes('${')) prefixes.add(name.slice(0, name.indexOf('${')));
      else if (name) names.add(name);
    }
  }
  for (const [, list] of source.matchAll(/\bexportparts="([^"]+)"/g)) {
    for (const entry of list.split(',')) {
      const [inner, outer] = entry.split(':').map((name) => name.trim());
      names.add(outer ?? inner);
    }
  }
  return { names: [...names].sort(), prefixes: [...prefixes].sort() };
}

/**
 * Style modules an element's file imports, statically or lazily, and those
 * that a module it imports lazily re-exports (the map's view brings Leaflet's
 * styles and its own).
 */
function styleModules(file: string): string[] {
  const source = (from: string, path: string) =>
    relative(ROOT, resolve(join(ROOT, dirname(from)), path.replace(/\.js$/, '.ts')));
  const styles = (from: string, pattern: RegExp) =>
    [...code(from).matchAll(pattern)].map((match) => source(from, match[1]));
  const lazy = [...code(file).matchAll(/import\(\s*'(\.[^']+(?<!\.styles)\.js)'/g)].map((match) =>
    source(file, match[1]),
  );
  return [
    ...new Set([
      ...styles(file, /(?:from|import\()\s*'(\.[^']+\.styles\.js)'/g),
      ...lazy.flatMap((module) => styles(module, /export [^;]* from '(\.[^']+\.styles\.js)'/g)),
    ]),
  ];
}

interface Alias {
  token: string;
  /** Private names its defaults are made of: `--spine-marker-color` is the accent unless set. */
  defaults: string[];
}

/** `--_alias` → its `--spine-*` token, from the token table (or `--_x: var(--spine-x…)` declarations). */
function tokenAliases(): Map<string, Alias> {
  const aliases = new Map<string, Alias>();
  for (const file of allStyleFiles()) {
    const source = read(file);
    for (const [entry, token, alias] of source.matchAll(
      /\{[^{}]*?name:\s*'(--spine-[a-z0-9-]+)',\s*use:\s*'(--_[a-z0-9-]+)'[^{}]*\}/g,
    )) {
      const defaults = [...entry.matchAll(/(?:light|dark):\s*'([^']*)'/g)].flatMap(([, value]) =>
        [...value.matchAll(/var\((--_[a-z0-9-]+)/g)].map((match) => match[1]),
      );
      aliases.set(alias, { token, defaults });
    }
    for (const [, alias, token, rest] of source.matchAll(/(--_[a-z0-9-]+):\s*var\((--spine-[a-z0-9-]+)([^;]*);/g)) {
      aliases.set(alias, { token, defaults: [...rest.matchAll(/var\((--_[a-z0-9-]+)/g)].map((match) => match[1]) });
    }
  }
  return aliases;
}

function allStyleFiles(): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.styles.ts')) files.push(path);
    }
  };
  walk('src');
  return files;
}

/** Every `--spine-*` custom property the styles define or read: the theme a host can set. */
export function themeTokens(): string[] {
  const tokens = new Set<string>();
  for (const file of allStyleFiles()) {
    for (const [token] of code(file).matchAll(/--spine-[a-z0-9-]*[a-z0-9]/g)) tokens.add(token);
  }
  return [...tokens].sort();
}

/**
 * The `--spine-*` custom properties that change how the element looks: those
 * its style modules read, directly or through their private `--_` aliases
 * (and the tokens those default to), and those of the elements it renders
 * (custom properties inherit into them).
 */
export function tokensRead(element: ElementSource, elements: readonly ElementSource[]): string[] {
  const aliases = tokenAliases();
  const tokens = new Set<string>();
  const addAlias = (name: string) => {
    const alias = aliases.get(name);
    if (!alias || tokens.has(alias.token)) return;
    tokens.add(alias.token);
    alias.defaults.forEach(addAlias);
  };
  for (const file of styleModules(element.file)) {
    const source = code(file);
    for (const [, name] of source.matchAll(/var\((--[a-z0-9_-]+)/g)) {
      if (name.startsWith('--spine-')) tokens.add(name);
      else addAlias(name);
    }
  }
  for (const tag of renderedTags(element)) {
    const child = elements.find((candidate) => candidate.tag === tag);
    if (child) for (const token of tokensRead(child, elements)) tokens.add(token);
  }
  return [...tokens].sort();
}
