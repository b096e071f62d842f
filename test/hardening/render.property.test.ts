/**
 * fast-check properties over the render path: arbitrary text (any code
 * point, lone surrogates, markup, template syntax, hostile links) in every
 * string field of a record, validated as a directory response is, then
 * drawn by the card and by the whole finder. Nothing throws, nothing becomes
 * an element or an attribute the templates do not have, links keep to their
 * schemes, and every valid record appears as a card.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import { SAMPLE_PROVIDERS } from '../../demo/data/sample-providers.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineProviderCard } from '../../src/components/provider-card/provider-card.js';
import type { DirectoryAdapter, Match } from '../../src/directory/adapter.js';
import { displayName } from '../../src/directory/provider-text.js';
import { parseProviders, ProviderSchema } from '../../src/directory/schema.js';
import type { Provider } from '../../src/directory/schema.js';
import { partsOf, searchAndWait } from '../helpers.js';
import {
  deepElements,
  deepText,
  EMAIL_PAYLOADS,
  installTrap,
  PHONE_PAYLOADS,
  TEXT_PAYLOADS,
  unsafeMarkup,
  URL_PAYLOADS,
} from './payloads.js';
import type { Trap } from './payloads.js';

/** Any UTF-16 code unit, so lone surrogates and control characters too. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Text a directory might send: anything at all, and the known payloads. */
const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: codeUnit, maxLength: 30 }),
  fc.constantFrom(...TEXT_PAYLOADS.filter((payload) => payload.length < 200)),
);
const anyLink = fc.oneof(anyText, fc.webUrl(), fc.constantFrom(...URL_PAYLOADS, ...EMAIL_PAYLOADS));
const anyPhone = fc.oneof(anyText, fc.constantFrom(...PHONE_PAYLOADS), fc.stringMatching(/^\+?[\d ()-]{7,20}$/));
const anyAddress = fc.record({ line1: anyText, line2: anyText, city: anyText, state: anyText, postalCode: anyText });

/** A record with arbitrary text in every string field; the rest valid, so most records pass validation. */
const textRecord = fc.record({
  id: anyText,
  name: anyText,
  location: fc.record({ lat: fc.double({ min: 41.8, max: 42, noNaN: true }), lng: fc.constant(-87.65) }),
  credentials: fc.array(anyText, { maxLength: 3 }),
  discipline: fc.constantFrom('chiropractic', 'physical-therapy', 'osteopathic', 'medical', 'other'),
  practice: anyText,
  address: anyAddress,
  phone: anyPhone,
  fax: anyText,
  email: anyLink,
  website: anyLink,
  bookingUrl: anyLink,
  languages: fc.array(anyText, { maxLength: 3 }),
  acceptingNewPatients: fc.boolean(),
  telehealth: fc.boolean(),
  insurance: fc.array(anyText, { maxLength: 3 }),
  otherLocations: fc.array(fc.record({ practice: anyText, address: anyAddress, phone: anyPhone, fax: anyText }), {
    maxLength: 2,
  }),
  registry: fc.record({ participant: fc.constant(true), profileUrl: anyLink }),
  quality: fc.array(
    fc.record({
      measure: anyText,
      label: anyText,
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      patients: fc.integer({ min: 1, max: 10_000 }),
      period: fc.constant({ start: '2025-01', end: '2025-12' }),
    }),
    { maxLength: 2 },
  ),
});

async function cardFor(provider: Provider): Promise<SpineProviderCard> {
  const card = await fixture<SpineProviderCard>(
    html`<spine-provider-card .provider=${provider} .distanceKm=${1.5} details-open></spine-provider-card>`,
  );
  card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="explain-button"]')?.click();
  await card.updateComplete;
  return card;
}

/** Tag names, and attribute names by tag, under a root. */
function shapeOf(root: Node): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const element of deepElements(root)) {
    tags.add(element.localName);
    for (const { name } of element.attributes) attributes.add(`${element.localName}[${name}]`);
  }
  return { tags, attributes };
}

/** What the card's templates can make: the shape of a card with every field, opened as far as it goes. */
async function templateShape() {
  const full: Provider = {
    ...SAMPLE_PROVIDERS[0],
    email: 'ana@example.org',
    bookingUrl: 'https://example.org/book',
    acceptingNewPatients: true,
    telehealth: true,
    quality: [
      ...(SAMPLE_PROVIDERS[0].quality ?? []),
      {
        measure: 'own-code',
        label: 'Own measure',
        share: 0.5,
        patients: 10,
        period: { start: '2025-01', end: '2025-12' },
      },
    ],
  };
  const shapes = [
    shapeOf((await cardFor(full)).shadowRoot!),
    shapeOf((await cardFor({ ...full, acceptingNewPatients: false })).shadowRoot!),
  ];
  return {
    tags: new Set(shapes.flatMap((shape) => [...shape.tags])),
    attributes: new Set(shapes.flatMap((shape) => [...shape.attributes])),
  };
}

describe('the render path over arbitrary text', () => {
  let trap: Trap;
  const warn = console.warn;
  before(() => {
    trap = installTrap();
    // One console warning per response with invalid records is expected; hundreds would drown the log.
    console.warn = () => {};
  });
  after(() => {
    trap.remove();
    console.warn = warn;
  });

  it('draws any valid record as text, with no element, attribute or link the templates do not make', async function () {
    this.timeout(60_000);
    const allowed = await templateShape();
    await fc.assert(
      fc.asyncProperty(textRecord, async (record) => {
        const parsed = ProviderSchema.safeParse(record);
        fc.pre(parsed.success);
        const provider = parsed.data!;
        const card = await cardFor(provider);
        const root = card.shadowRoot!;
        const shape = shapeOf(root);
        for (const tag of shape.tags) expect(allowed.tags, `<${tag}>`).to.include(tag);
        for (const attribute of shape.attributes) expect(allowed.attributes, attribute).to.include(attribute);
        expect(unsafeMarkup(root)).to.deep.equal([]);
        const text = deepText(root);
        const shown = [
          displayName(provider),
          provider.practice,
          provider.phone,
          provider.fax,
          ...(provider.languages ?? []),
          ...(provider.insurance ?? []),
          ...(provider.otherLocations ?? []).flatMap((site) => [site.practice, site.phone, site.fax]),
        ];
        for (const value of shown) if (value) expect(text).to.contain(value);
      }),
      { numRuns: 150 },
    );
    expect(trap.calls).to.deep.equal([]);
    expect(trap.errors).to.deep.equal([]);
  });

  it('shows every valid record of a response as a card in the finder, whatever the others hold', async function () {
    this.timeout(60_000);
    const finder = await fixture<SpineFinder>(html`<spine-finder no-map></spine-finder>`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(textRecord, fc.jsonValue({ maxDepth: 3 })), { minLength: 1, maxLength: 12 }),
        async (records) => {
          // The finder searches through the same per-record validation as every adapter.
          const { providers } = parseProviders(records);
          const matches: Match[] = providers.map((provider, i) => ({
            provider: { ...provider, id: `${i}:${provider.id}` },
            distanceKm: i,
          }));
          const adapter: DirectoryAdapter = {
            search: async () => ({ matches, dropped: records.length - matches.length }),
          };
          finder.adapter = adapter;
          await searchAndWait(finder, '60614');
          const parts = partsOf(finder);
          expect(parts.cards().map((card) => card.provider!.id)).to.deep.equal(
            matches.map((match) => match.provider.id),
          );
          expect(unsafeMarkup(finder)).to.deep.equal([]);
        },
      ),
      { numRuns: 40 },
    );
    expect(trap.calls).to.deep.equal([]);
    expect(trap.errors).to.deep.equal([]);
  });

  it('never links anything but http(s), tel or mailto, even for records a host’s own adapter did not validate', async () => {
    await fc.assert(
      fc.asyncProperty(anyLink, anyLink, anyLink, anyText, async (website, bookingUrl, profileUrl, email) => {
        // As a host's adapter might hand them over: straight from its data, never parsed.
        const provider = {
          ...SAMPLE_PROVIDERS[0],
          website,
          bookingUrl,
          email,
          registry: { participant: true, profileUrl },
        } as Provider;
        const card = await cardFor(provider);
        expect(unsafeMarkup(card.shadowRoot!)).to.deep.equal([]);
      }),
      { numRuns: 100 },
    );
  });
});
