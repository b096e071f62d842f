/**
 * A directory that sends hostile text in every string field, read through
 * the whole finder: cards with their details and outcome explanations, the
 * map's markers and a group practice's list, the referral sheet as printed
 * and as copied. Nothing may run (the trap in ./payloads.ts records any
 * payload that does), nothing may be written as markup, and every text
 * reads as it was sent.
 *
 * The page holds a strict policy from the start (script and style from the
 * page's origin only, and Trusted Types for every HTML sink), so that a
 * payload that reached an event-handler attribute, an inline script or an
 * `innerHTML` would be reported even if it never called the trap. A file of
 * its own: the policy cannot be lifted once the page has it.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { SpineFinder } from '../../src/components/finder/finder.js';
import type { SpineReferralTray } from '../../src/components/referral-tray/referral-tray.js';
import { mailtoHref, telHref, webHref } from '../../src/directory/links.js';
import { displayName } from '../../src/directory/provider-text.js';
import { ProviderSchema } from '../../src/directory/schema.js';
import type { Provider } from '../../src/directory/schema.js';
import type { SpineReferralPrintEvent } from '../../src/events.js';
import { referralText } from '../../src/referral/referral-text.js';
import { mapReady, partsOf, searchAndWait } from '../helpers.js';
import { watchPrinting } from '../referral/print-frames.js';
import { deepElements, deepText, hostileDirectory, installTrap, TEXT_PAYLOADS, unsafeMarkup } from './payloads.js';
import type { Trap } from './payloads.js';

let trap: Trap;

before(async () => {
  // Leaflet probes for inline SVG by writing `<svg/>` as HTML when it loads;
  // the build rewrites that probe (scripts/vite-plugin-spine.ts), the test
  // runner does not, so Leaflet loads before Trusted Types are required.
  await import('leaflet/dist/leaflet-src.esm.js');
  trap = installTrap();
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = [
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html spine-finder',
  ].join('; ');
  document.head.append(policy);
});

after(() => trap.remove());

/** Lets violation reports, which are queued as tasks, arrive. */
function reportsArrived(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

async function serve(records: unknown[]): Promise<string> {
  const key = `hostile${Math.random().toString(36).slice(2)}`;
  await fetch(`/test-api/stash/${key}`, { method: 'POST', body: JSON.stringify({ providers: records }) });
  return `/test-api/stash/${key}`;
}

const RECORDS = hostileDirectory();
const PROVIDERS: Provider[] = RECORDS.map((record) => ProviderSchema.parse(record));

describe('hostile directory data through the whole finder', () => {
  it('is caught by the trap and the policy (the control)', async () => {
    const element = document.createElement('div');
    document.body.append(element);
    window.spinePwned!();
    expect(() => element.setAttribute('onclick', 'spinePwned()')).to.throw(TypeError);
    expect(() => {
      element.innerHTML = '<b>markup</b>';
    }).to.throw(TypeError);
    element.setAttribute('style', 'color: red');
    element.remove();
    await reportsArrived();
    expect(trap.calls).to.deep.equal(['spinePwned']);
    const directives = trap.violations.map((event) => event.effectiveDirective);
    expect(directives).to.include('require-trusted-types-for');
    expect(directives).to.include('style-src-attr');
    trap.calls.length = 0;
    trap.violations.length = 0;
  });

  it('keeps every record, with its unsafe links dropped and its safe ones kept', () => {
    for (const [index, provider] of PROVIDERS.entries()) {
      const record = RECORDS[index];
      expect(provider.website).to.equal(webHref(record.website));
      expect(provider.bookingUrl).to.equal(webHref(record.bookingUrl));
      for (const link of [provider.website, provider.bookingUrl, provider.registry?.profileUrl]) {
        if (link) expect(new URL(link).protocol).to.match(/^https?:$/);
      }
    }
    expect(PROVIDERS.some((provider) => provider.website)).to.equal(true, 'some links are safe');
    expect(PROVIDERS.some((provider) => !provider.website)).to.equal(true, 'some links are dropped');
  });

  it('shows every text as text in cards, details, markers, a group practice, and the referral sheet', async function () {
    this.timeout(30_000);
    const finder = await fixture<SpineFinder>(html`<spine-finder endpoint=${await serve(RECORDS)}></spine-finder>`);
    const event = await searchAndWait(finder, '60614');
    const parts = partsOf(finder);
    expect(event.dropped).to.equal(0);
    expect(parts.cards()).to.have.length(PROVIDERS.length);
    expect(new Set(parts.cardNames())).to.deep.equal(new Set(PROVIDERS.map((provider) => displayName(provider))));

    // Every card opened as far as it goes: details and the outcome explanation.
    for (const card of parts.cards()) {
      card.detailsOpen = true;
      await card.updateComplete;
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="explain-button"]')!.click();
      await card.updateComplete;
    }
    for (const [index, card] of parts.cards().entries()) {
      const provider = card.provider!;
      const text = deepText(card.shadowRoot!);
      const payload = provider.name;
      expect(TEXT_PAYLOADS).to.include(payload);
      // Each field's text, as sent, at least once per field that shows it.
      expect(text.split(payload).length - 1).to.be.at.least(8, `card ${index}`);
      const hrefs = [...card.shadowRoot!.querySelectorAll('a')].map((link) => link.getAttribute('href'));
      const expected = [
        webHref(provider.website),
        webHref(provider.bookingUrl),
        webHref(provider.registry?.profileUrl),
        mailtoHref(provider.email),
        provider.phone && telHref(provider.phone),
      ].filter(Boolean);
      for (const href of expected) expect(hrefs).to.include(href);
    }

    // The map: each marker named in words, a group practice's list in words.
    const map = parts.map;
    await mapReady(map);
    const markers = [...map.shadowRoot!.querySelectorAll<HTMLElement>('.spine-marker')];
    expect(markers.length).to.be.greaterThan(0);
    const labels = markers.map((marker) => marker.getAttribute('aria-label') ?? '');
    expect(labels.some((label) => TEXT_PAYLOADS.some((payload) => label.includes(payload)))).to.equal(true);
    for (const marker of markers) expect(marker.title).to.equal(marker.getAttribute('aria-label'));
    const group = markers.find((marker) => marker.classList.contains('spine-site'))!;
    group.click();
    await waitUntil(() => map.shadowRoot!.querySelector('.spine-site-popup'), 'no group list');
    const list = map.shadowRoot!.querySelector('.spine-site-popup')!;
    const names = [...list.querySelectorAll('.spine-site-member')].map((button) => button.textContent);
    expect(names.length).to.be.greaterThan(1);
    for (const name of names) expect(PROVIDERS.map((provider) => displayName(provider))).to.include(name);

    // The referral sheet: every clinician added, printed and copied as text.
    for (const card of parts.cards()) {
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="referral-button"]')!.click();
    }
    await finder.updateComplete;
    const tray = finder.shadowRoot!.querySelector<SpineReferralTray>('spine-referral-tray')!;
    await tray.updateComplete;
    const watch = watchPrinting();
    try {
      const printed = oneEvent(finder, 'spine-referral-print') as Promise<SpineReferralPrintEvent>;
      tray.shadowRoot!.querySelector<HTMLButtonElement>('[part~="print-button"]')!.click();
      await printed;
      const [sheet] = watch.printed;
      expect(unsafeMarkup(sheet.body)).to.deep.equal([]);
      for (const provider of PROVIDERS) expect(sheet.body.textContent).to.contain(displayName(provider));
      expect(watch.violations).to.deep.equal([]);
    } finally {
      watch.stop();
    }
    const copied = referralText(PROVIDERS);
    for (const line of copied.split('\n')) expect(line).not.to.match(/[\n\t]/);
    expect(copied).to.contain(displayName(PROVIDERS[0]));

    await reportsArrived();
    expect(unsafeMarkup(finder)).to.deep.equal([]);
    expect(deepElements(finder).filter((element) => element.localName === 'svg').length).to.be.lessThan(
      5,
      'only the map draws SVG',
    );
    expect(trap.calls).to.deep.equal([]);
    expect(trap.violations.map((violation) => `${violation.effectiveDirective}: ${violation.sample}`)).to.deep.equal(
      [],
    );
    expect(trap.errors).to.deep.equal([]);
  });
});
