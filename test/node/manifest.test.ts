/**
 * custom-elements.json: made from the elements' JSDoc headers, it feeds the
 * README's tables, Storybook's docs and editors, so it must be up to date,
 * describe everything public, and agree with the code: every attribute and
 * property, every event the element fires (with its class), every part its
 * template exposes and every custom property its styles read.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Manifest } from '../../scripts/api-docs.js';
import { customElements } from '../../scripts/api-docs.js';
import * as eventClasses from '../../src/events.js';
import { SpineReferralClearEvent } from '../../src/referral/events.js';
import { elementSources, exposedParts, read, ROOT, themeTokens, tokensRead } from './element-sources.js';

const committed = JSON.parse(read('custom-elements.json')) as Manifest;
const sources = elementSources();
const declarations = customElements(committed);

/** What the analyzer writes from the headers today, into a folder of its own. */
function freshManifest(): Manifest {
  const folder = mkdtempSync(join(ROOT, 'node_modules/.cache-manifest-'));
  try {
    const analyzer = join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
    execFileSync(process.execPath, [analyzer, 'analyze', '--quiet', '--outdir', relative(ROOT, folder)], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    return JSON.parse(readFileSync(join(folder, 'custom-elements.json'), 'utf8')) as Manifest;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function declarationFor(tag: string) {
  const declaration = declarations.find((candidate) => candidate.tagName === tag);
  assert.ok(declaration, `custom-elements.json has no <${tag}>`);
  return declaration;
}

/** The classes of the events the finder's elements fire, by event name. */
const EVENT_CLASSES = new Map<string, string>(
  [...Object.values(eventClasses), SpineReferralClearEvent]
    .filter((value): value is typeof SpineReferralClearEvent => typeof value === 'function' && 'eventName' in value)
    .map((eventClass) => [eventClass.eventName, eventClass.name]),
);

describe('custom-elements.json', () => {
  it('is what the JSDoc headers say today (npm run manifest writes it)', () => {
    assert.deepEqual(
      freshManifest(),
      committed,
      'custom-elements.json is out of date: run `npm run manifest` and commit it with the README',
    );
  });

  it('has every element, registered by its own module under lib/elements/', () => {
    assert.deepEqual(declarations.map((declaration) => declaration.tagName).sort(), sources.map((s) => s.tag).sort());
    for (const { tag, className } of sources) {
      const module = committed.modules.find((candidate) => candidate.path === `lib/elements/${tag}.js`) as
        { exports?: { kind: string; name: string; declaration: { name: string } }[] } | undefined;
      const definition = module?.exports?.find((entry) => entry.kind === 'custom-element-definition');
      assert.deepEqual(
        { name: definition?.name, className: definition?.declaration.name },
        { name: tag, className },
        `lib/elements/${tag}.js should define <${tag}>`,
      );
    }
  });

  for (const source of sources) {
    describe(`<${source.tag}>`, () => {
      const declaration = declarationFor(source.tag);
      const headerNames = (...tags: string[]) =>
        source.header.filter((entry) => tags.includes(entry.tag)).map((entry) => entry.name);

      it('has a summary, and a description for everything public', () => {
        assert.ok(declaration.summary?.trim(), 'no @summary');
        const undescribed = [
          ...(declaration.attributes ?? []).map((entry) => ['attribute', entry] as const),
          ...(declaration.members ?? []).map((entry) => [entry.kind, entry] as const),
          ...(declaration.events ?? []).map((entry) => ['event', entry] as const),
          ...(declaration.cssParts ?? []).map((entry) => ['part', entry] as const),
          ...(declaration.cssProperties ?? []).map((entry) => ['custom property', entry] as const),
          ...(declaration.slots ?? []).map((entry) => ['slot', entry] as const),
        ]
          .filter(([, entry]) => !entry.description?.trim())
          .map(([kind, entry]) => `${kind} ${entry.name}`);
        assert.deepEqual(undescribed, []);
      });

      it('documents in its header every attribute and property the code declares', () => {
        const attributes = headerNames('attr', 'attribute');
        const properties = headerNames('prop', 'property');
        const missingAttributes = (declaration.attributes ?? [])
          .filter((attribute) => attribute.fieldName && !attributes.includes(attribute.name))
          .map((attribute) => `@attr ${attribute.name}`);
        const backedByAttribute = new Set(
          (declaration.attributes ?? []).filter((a) => attributes.includes(a.name)).map((a) => a.fieldName),
        );
        const missingProperties = (declaration.members ?? [])
          .filter((member) => member.kind === 'field' && !member.static)
          .filter((member) => !properties.includes(member.name) && !backedByAttribute.has(member.name))
          .map((member) => `@prop ${member.name}`);
        assert.deepEqual([...missingAttributes, ...missingProperties], [], `${source.file}: add these to the header`);
        const unknown = properties.filter(
          (name) => !(declaration.members ?? []).some((member) => member.name === name),
        );
        assert.deepEqual(unknown, [], `${source.file}: @prop for properties the class does not have`);
      });

      it('lists each event it fires with its Event class', () => {
        const events = (declaration.events ?? []).map((event) => [event.name, event.type?.text]);
        for (const [name, type] of events) {
          assert.equal(type, EVENT_CLASSES.get(name!), `${name}: @fires {${EVENT_CLASSES.get(name!)}} ${name}`);
        }
        const dispatched = [...read(source.file).matchAll(/dispatchEvent\(\s*new (\w+)\(/g)].map((match) => match[1]);
        const listed = events.map(([, type]) => type);
        assert.deepEqual(
          [...new Set(dispatched)].filter((eventClass) => !listed.includes(eventClass)),
          [],
          `${source.file} fires events its header does not list`,
        );
      });

      it('lists exactly the parts its template exposes', () => {
        const documented = (declaration.cssParts ?? []).map((part) => part.name).sort();
        const { names, prefixes } = exposedParts(source);
        const made = documented.filter((name) => prefixes.some((prefix) => name.startsWith(prefix)));
        assert.deepEqual(
          documented,
          [...new Set([...names, ...made])].sort(),
          `${source.file}: the header's @csspart tags should match part="…" and exportparts="…"`,
        );
        for (const prefix of prefixes) {
          assert.ok(
            made.some((name) => name.startsWith(prefix)),
            `${source.file}: no @csspart for part="${prefix}…"`,
          );
        }
      });

      it('lists exactly the custom properties its styles read', () => {
        const documented = (declaration.cssProperties ?? []).map((property) => property.name).sort();
        assert.deepEqual(
          documented,
          tokensRead(source, sources),
          `${source.file}: the header's @cssprop tags should match the --spine-* properties its styles read`,
        );
        const theme = themeTokens();
        assert.deepEqual(
          documented.filter((name) => !theme.includes(name)),
          [],
          'documented custom properties that no style defines',
        );
      });
    });
  }
});
