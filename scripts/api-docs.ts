/**
 * Writes the README's API tables from custom-elements.json: for each element,
 * between `<!-- api:<tag>:start -->` and `<!-- api:<tag>:end -->`, its
 * attributes, properties, methods, events, CSS parts and custom properties.
 * The tables are never edited by hand: change the element's JSDoc header and
 * run `npm run manifest` (which runs this after the analyzer).
 * test/node/api-docs.test.ts fails when the README is out of step.
 *
 *   node --import tsx scripts/api-docs.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalize } from 'node:path';

/** The parts of the custom elements manifest (schema 2.x) the tables show. */
export interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

interface Described {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: (Described & { fieldName?: string })[];
  members?: (Described & {
    kind: 'field' | 'method';
    static?: boolean;
    readonly?: boolean;
    attribute?: string;
    parameters?: (Described & { optional?: boolean })[];
    return?: { type?: { text: string } };
  })[];
  events?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
  slots?: Described[];
}

const NOTE =
  '<!-- Generated from custom-elements.json by `npm run manifest`: edit the element’s JSDoc header, not these tables. -->';

export function customElements(manifest: Manifest): Declaration[] {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName);
}

/** The README with every element's block regenerated. Throws for an element the README has no markers for. */
export function updateReadme(readme: string, manifest: Manifest): string {
  let updated = readme;
  for (const element of customElements(manifest)) {
    const start = `<!-- api:${element.tagName}:start -->`;
    const end = `<!-- api:${element.tagName}:end -->`;
    const from = updated.indexOf(start);
    const to = updated.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block for <${element.tagName}>`);
    updated = `${updated.slice(0, from + start.length)}\n${apiBlock(element)}\n${updated.slice(to)}`;
  }
  return updated;
}

/** One element's tables, as Markdown. */
export function apiBlock(element: Declaration): string {
  const sections = [NOTE];
  if (element.summary) sections.push(text(element.summary));

  const attributes = element.attributes ?? [];
  if (attributes.length) {
    sections.push(
      '**Attributes**',
      table(
        ['attribute', 'property', 'type', 'default', 'description'],
        attributes.map((attribute) => [
          code(attribute.name),
          attribute.fieldName ? code(attribute.fieldName) : '',
          attribute.type ? code(attribute.type.text) : '',
          attribute.default !== undefined ? code(attribute.default) : '',
          text(attribute.description),
        ]),
      ),
    );
  }

  const members = (element.members ?? []).filter((member) => !member.static);
  const properties = members.filter((member) => member.kind === 'field' && !member.attribute);
  if (properties.length) {
    sections.push(
      '**Properties** (JavaScript only, no attribute)',
      table(
        ['property', 'type', 'default', 'description'],
        properties.map((property) => [
          code(property.name) + (property.readonly ? ' (read-only)' : ''),
          property.type ? code(property.type.text) : '',
          property.default !== undefined ? code(property.default) : '',
          text(property.description),
        ]),
      ),
    );
  }

  const methods = members.filter((member) => member.kind === 'method');
  if (methods.length) {
    sections.push(
      '**Methods**',
      table(
        ['method', 'description'],
        methods.map((method) => [code(signature(method)), text(method.description)]),
      ),
    );
  }

  const events = element.events ?? [];
  if (events.length) {
    sections.push(
      '**Events** (each bubbles and is composed; fields in [docs/events.md](docs/events.md))',
      table(
        ['event', 'class', 'description'],
        events.map((event) => [
          code(event.name),
          event.type ? `[${code(event.type.text)}](docs/events.md#${event.name})` : '',
          text(event.description),
        ]),
      ),
    );
  }

  const slots = element.slots ?? [];
  if (slots.length) {
    sections.push(
      '**Slots**',
      table(
        ['slot', 'description'],
        slots.map((slot) => [slot.name ? code(slot.name) : '(default)', text(slot.description)]),
      ),
    );
  }

  const parts = element.cssParts ?? [];
  if (parts.length) {
    sections.push(
      details(
        `CSS parts (${parts.length}), for <code>::part()</code>`,
        table(
          ['part', 'description'],
          parts.map((part) => [code(part.name), text(part.description)]),
        ),
      ),
    );
  }

  const cssProperties = element.cssProperties ?? [];
  if (cssProperties.length) {
    sections.push(
      details(
        `CSS custom properties (${cssProperties.length})`,
        table(
          ['custom property', 'description'],
          cssProperties.map((property) => [code(property.name), text(property.description)]),
        ),
      ),
    );
  }
  return sections.join('\n\n');
}

function signature(method: NonNullable<Declaration['members']>[number]): string {
  const parameters = (method.parameters ?? [])
    .map(
      (parameter) =>
        `${parameter.name}${parameter.optional ? '?' : ''}${parameter.type ? `: ${parameter.type.text}` : ''}`,
    )
    .join(', ');
  const returns = method.return?.type?.text;
  return `${method.name}(${parameters})${returns ? `: ${returns}` : ''}`;
}

function table(headings: string[], rows: string[][]): string {
  return [
    `| ${headings.join(' | ')} |`,
    `| ${headings.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** A collapsed section: the long lists of parts and custom properties would bury the rest. */
function details(summary: string, body: string): string {
  return `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** Inline code that survives a table cell: pipes escaped, backticks fenced by longer runs. */
function code(value: string): string {
  const flat = value.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  const fence = flat.includes('`') ? '`` ' : '`';
  return `${fence}${flat}${fence.split('').reverse().join('')}`;
}

function text(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const root = new URL('../', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8')) as Manifest;
  const readmeUrl = new URL('README.md', root);
  const readme = readFileSync(readmeUrl, 'utf8');
  const updated = updateReadme(readme, manifest);
  if (updated !== readme) {
    writeFileSync(readmeUrl, updated);
    console.log('README.md: API tables updated from custom-elements.json');
  }
}
